'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { resetPasswordAction } from '@/lib/auth/actions-password-reset';
import { PASSWORD_LENGTH } from '@/lib/auth/password-length';

/** The new password for a reset link. On success the action opens the sign-in page. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/auth/schema').then((m) => m.resetPasswordSchema),
    defaultValues: { token, password: '' },
    fields: ['password'],
    action: (values) => resetPasswordAction({ ...values, token }),
  });
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert message={formError} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_LENGTH.min} characters. Every other session of yours ends.`}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
