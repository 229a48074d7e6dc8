'use client';

import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { signInAction } from '@/lib/auth/actions';
import { signInSchema } from '@/lib/auth/schema';

export function SignInForm({ next }: { next?: string }) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signInSchema,
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
