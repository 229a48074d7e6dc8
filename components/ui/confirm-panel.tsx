'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Button } from './button';

/**
 * The focus of a two-step action ("Disable key", then "Confirm disable"): while `confirming` the
 * focus goes to `confirmRef`; when confirming ends after `returnFocus()` (a cancel, a success that
 * keeps the component) it goes back to `askRef`, the button that asked.
 */
export function useConfirmFocus(confirming: boolean) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returning.current) askRef.current?.focus();
    returning.current = false;
  }, [confirming]);

  return {
    confirmRef,
    askRef,
    returnFocus: () => {
      returning.current = true;
    },
  };
}

const tones = {
  danger: { box: 'border-red-200 bg-red-50', text: 'text-red-900', confirm: 'danger' },
  warning: { box: 'border-amber-300 bg-amber-50', text: 'text-amber-950', confirm: 'primary' },
} as const;

type ConfirmPanelProps = {
  /** What confirming does, as a question: the group's name and the confirm button's description. */
  question: ReactNode;
  /** The confirm button's text; keep it unique on the page ("Confirm deactivation of …"). */
  confirmLabel: ReactNode;
  onConfirm: () => void;
  /** Cancel, or Escape on either button. Ignored while pending. */
  onCancel: () => void;
  pending: boolean;
  confirmRef: Ref<HTMLButtonElement>;
  /** The id of an error message about the last try, when one shows. */
  errorId?: string;
  /** danger: something is lost (red). warning: something changes hands (amber). */
  tone?: keyof typeof tones;
  size?: 'md' | 'sm';
  className?: string;
  children?: ReactNode;
};

/** The second step of a two-step action: a question, the confirming button and Cancel. */
export function ConfirmPanel({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
  confirmRef,
  errorId,
  tone = 'danger',
  size = 'md',
  className = '',
  children,
}: ConfirmPanelProps) {
  const questionId = useId();

  function cancel() {
    if (!pending) onCancel();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'Escape') cancel();
  }

  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className={`rounded-md border p-3 ${tones[tone].box} ${className}`}
    >
      <p id={questionId} className={`text-sm ${tones[tone].text}`}>
        {question}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          ref={confirmRef}
          variant={tones[tone].confirm}
          size={size}
          pending={pending}
          onClick={onConfirm}
          onKeyDown={onKeyDown}
          aria-describedby={errorId ? `${questionId} ${errorId}` : questionId}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" size={size} onClick={cancel} onKeyDown={onKeyDown}>
          Cancel
        </Button>
      </div>
      {children}
    </div>
  );
}
