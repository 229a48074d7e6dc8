'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { FieldError } from '@/components/ui/field-error';
import { labelClassName } from '@/components/ui/form-styles';
import { useServerAction } from '@/components/ui/use-server-action';
import { formatInstant } from '@/lib/format';
import { revealWebhookSecretAction, rotateWebhookSecretAction } from '@/lib/webhooks/actions';

const NETWORK_ERROR_MESSAGE =
  'The server did not answer, so nothing changed. Check your connection and try again.';

/**
 * The endpoint's signing secret: "Reveal secret" shows it (each look is recorded in the activity
 * trail) with "Copy secret"; "Rotate secret" asks first, then makes a new one while the old one
 * keeps verifying for 24 hours.
 */
export function WebhookSecretPanel({ id }: { id: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const reveal = useServerAction(NETWORK_ERROR_MESSAGE);
  const rotate = useServerAction(NETWORK_ERROR_MESSAGE);
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);
  const secretRef = useRef<HTMLInputElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const returnToReveal = useRef(false);
  const inputId = useId();
  const errorId = useId();
  const error = reveal.error ?? rotate.error;

  useEffect(() => {
    if (secret) {
      secretRef.current?.focus();
      secretRef.current?.select();
    } else if (returnToReveal.current) {
      revealRef.current?.focus();
    }
    returnToReveal.current = false;
  }, [secret]);

  function show() {
    setMessage('');
    reveal.run(
      () => revealWebhookSecretAction(id),
      (result) => {
        if (!result.ok) reveal.setError(result.formError);
        else setSecret(result.secret);
      },
    );
  }

  function hide() {
    returnToReveal.current = true;
    setMessage('');
    setSecret(null);
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setMessage('Secret copied to the clipboard.');
    } catch {
      setMessage('Could not copy: select the secret and copy it by hand.');
    }
  }

  function rotateNow() {
    setMessage('');
    rotate.run(
      () => rotateWebhookSecretAction(id),
      (result) => {
        if (!result.ok) {
          rotate.setError(result.formError);
          return;
        }
        returnFocus();
        setConfirming(false);
        setSecret(null);
        const until = formatInstant(new Date(result.previousSecretExpiresAt));
        setMessage(
          `Secret rotated. Reveal it to copy the new one; the old one keeps verifying until ${until}.`,
        );
      },
    );
  }

  return (
    <div className="space-y-4">
      {secret ? (
        <div>
          <label htmlFor={inputId} className={labelClassName}>
            Signing secret
          </label>
          <input
            ref={secretRef}
            id={inputId}
            type="text"
            readOnly
            value={secret}
            autoComplete="off"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 block w-full max-w-[40rem] rounded-md border border-slate-400 bg-white px-3 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
          />
          <div className="mt-3 flex flex-wrap gap-3">
            <Button variant="secondary" onClick={copy}>
              Copy secret
            </Button>
            <Button variant="ghost" onClick={hide}>
              Hide secret
            </Button>
          </div>
        </div>
      ) : (
        <Button
          ref={revealRef}
          variant="secondary"
          pending={reveal.pending}
          aria-describedby={error ? errorId : undefined}
          onClick={show}
        >
          Reveal secret
        </Button>
      )}

      {confirming ? (
        <ConfirmPanel
          question="Rotate the signing secret? Deliveries are signed with a new secret from now on. The old one keeps verifying for 24 hours: update your receiver within that time."
          confirmLabel="Yes, rotate secret"
          onConfirm={rotateNow}
          onCancel={() => {
            returnFocus();
            rotate.setError(null);
            setConfirming(false);
          }}
          pending={rotate.pending}
          confirmRef={confirmRef}
          errorId={error ? errorId : undefined}
          tone="warning"
          className="max-w-[40rem]"
        />
      ) : (
        <div>
          <Button ref={askRef} variant="secondary" onClick={() => setConfirming(true)}>
            Rotate secret
          </Button>
        </div>
      )}
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="text-sm text-slate-700 empty:hidden">
        {message}
      </p>
    </div>
  );
}
