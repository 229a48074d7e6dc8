'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { unstable_rethrow } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { signInAction } from '@/lib/auth/actions';
import { signInSchema, type SignInInput } from '@/lib/auth/schema';
import { FormAlert } from '@/components/ui/form-alert';

export function SignInForm({ next }: { next?: string }) {
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '', next },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) => {
    if (pending) return;
    setFormError(null);
    startTransition(async () => {
      try {
        const failure = await signInAction({ ...values, next });
        for (const field of ['email', 'password'] as const) {
          const message = failure.fieldErrors[field]?.[0];
          if (message) setError(field, { type: 'server', message });
        }
        setFormError(failure.formError ?? null);
      } catch (error) {
        unstable_rethrow(error); // the redirect after a successful sign-in
        setFormError('The server did not answer. Check your connection and try again.');
      }
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert message={formError} />
      <div>
        <label htmlFor="email" className={labelClassName}>
          Email
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(errors.email && 'email-error')}
          className={inputClassName(Boolean(errors.email))}
          {...register('email')}
        />
        <FieldError id="email-error" message={errors.email?.message} />
      </div>
      <div>
        <label htmlFor="password" className={labelClassName}>
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(errors.password && 'password-error')}
          className={inputClassName(Boolean(errors.password))}
          {...register('password')}
        />
        <FieldError id="password-error" message={errors.password?.message} />
      </div>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
