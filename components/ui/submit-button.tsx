'use client';

import type { ComponentProps } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from './button';

/**
 * The submit button of a plain `<form action={serverAction}>` (one without react-hook-form): it
 * shows its pending state while the form's action runs. Before the page's JavaScript has loaded it
 * is an ordinary submit button, so the form still works.
 */
export function SubmitButton(props: Omit<ComponentProps<typeof Button>, 'type' | 'pending'>) {
  const { pending } = useFormStatus();
  return <Button {...props} type="submit" pending={pending} />;
}
