'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { signInAction } from '@/lib/auth/actions';

export function SignInForm({ next }: { next?: string }) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/auth/schema').then((m) => m.signInSchema),
    defaultValues: { email: '', password: '', next },
    fields: ['email', 'password'],
    // On success the action redirects to `next`.
    action: (values) => signInAction({ ...values, next }),
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert message={formError} />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
