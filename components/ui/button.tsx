import type { ComponentProps, MouseEvent } from 'react';
import { Spinner } from './spinner';

export type ButtonLook = {
  /** primary: the page's main action. danger: one that loses something. ghost: Cancel, Back. */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** sm: inside a table row or next to a field. */
  size?: 'md' | 'sm';
};

const variants = {
  primary:
    'bg-indigo-600 font-semibold text-white shadow-xs hover:bg-indigo-700 focus-visible:outline-indigo-600',
  secondary:
    'bg-white font-semibold text-slate-900 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-indigo-600',
  danger:
    'bg-red-700 font-semibold text-white shadow-xs hover:bg-red-800 focus-visible:outline-red-700',
  ghost: 'font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-indigo-600',
} as const;

const sizes = { md: 'px-4 py-2', sm: 'px-3 py-1.5' } as const;

// A link that looks like a button is ./link-button.tsx: next/link stays out of the pages (and
// the error boundaries) that have buttons only.

/** The classes of a button of this look, for a `<button>` a server component renders itself. */
export function buttonClassName({
  variant = 'primary',
  size = 'md',
  className = '',
}: ButtonLook & { className?: string } = {}) {
  return `inline-flex items-center justify-center gap-2 rounded-md text-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-wait ${sizes[size]} ${variants[variant]} ${className}`;
}

type ButtonProps = ComponentProps<'button'> &
  ButtonLook & {
    /** While true: a spinner shows, `aria-busy` is set and presses are ignored. The name stays the same. */
    pending?: boolean;
  };

/**
 * A button with a pending state. While pending it stays focusable and keeps its accessible name;
 * `aria-disabled` (not `disabled`) is used so focus is not thrown to the page body mid-submit, and
 * the click is cancelled, which also stops a second submit of its form (Enter in a field included).
 */
export function Button({
  variant,
  size,
  pending = false,
  type = 'button',
  className,
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
      className={buttonClassName({ variant, size, className })}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
