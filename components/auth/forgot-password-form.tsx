'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { requestPasswordResetAction } from '@/lib/auth/actions-password-reset';

/** Asks for a reset link. Whatever the address, the answer is the same (no account enumeration). */
export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/auth/schema').then((m) => m.forgotPasswordSchema),
    defaultValues: { email: '' },
    fields: ['email'],
    action: requestPasswordResetAction,
    onStart: () => setSentTo(null),
    onSuccess: (result) => setSentTo(result.email),
  });
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert message={formError} />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <Button type="submit" pending={pending} className="w-full">
        Send reset link
      </Button>
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {sentTo
          ? `If a Keydesk account uses ${sentTo}, a link to reset its password is on its way. It works once, for an hour. Check your inbox (and spam folder).`
          : ''}
      </p>
    </form>
  );
}
