import type { ComponentProps, MouseEvent } from 'react';
import { Spinner } from './spinner';

type ButtonProps = ComponentProps<'button'> & {
  variant?: 'primary' | 'secondary';
  /** While true: a spinner shows, `aria-busy` is set and presses are ignored. The name stays the same. */
  pending?: boolean;
};

const variants = {
  primary:
    'bg-indigo-600 text-white shadow-xs hover:bg-indigo-700 focus-visible:outline-indigo-600',
  secondary:
    'bg-white text-slate-900 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-indigo-600',
} as const;

/**
 * A button with a pending state. While pending it stays focusable and keeps its accessible name;
 * `aria-disabled` (not `disabled`) is used so focus is not thrown to the page body mid-submit, and
 * the click is cancelled, which also stops a second submit of its form (Enter in a field included).
 */
export function Button({
  variant = 'primary',
  pending = false,
  type = 'button',
  className = '',
  children,
  onClick,
  ...props
}: ButtonProps) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      {...props}
      type={type}
      onClick={handleClick}
      aria-busy={pending || undefined}
      aria-disabled={pending || props['aria-disabled'] || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-wait ${variants[variant]} ${className}`}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
