import Link from 'next/link';
import type { ComponentProps } from 'react';
import { buttonClassName, type ButtonLook } from './button';

/** A link that looks like a button: an action that opens a page ("Issue a key", "Cancel"). */
export function LinkButton({
  variant,
  size,
  className,
  ...props
}: ComponentProps<typeof Link> & ButtonLook) {
  return <Link {...props} className={buttonClassName({ variant, size, className })} />;
}
