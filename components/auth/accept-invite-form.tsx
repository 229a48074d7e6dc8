'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { unstable_rethrow } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { acceptInviteWithAccountAction } from '@/lib/members/actions';
import {
  acceptInviteWithAccountSchema,
  PASSWORD_MIN_LENGTH,
  type AcceptInviteField,
  type AcceptInviteWithAccountInput,
} from '@/lib/members/schema';
import { FormAlert } from '@/components/ui/form-alert';

const FIELDS: { name: AcceptInviteField; label: string; type: string; autoComplete: string }[] = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password' },
  {
    name: 'confirmPassword',
    label: 'Confirm password',
    type: 'password',
    autoComplete: 'new-password',
  },
];

/**
 * Creates an account for the invited address and joins the business in one go. The address is
 * the invite's own: it is shown, not typed. On success the action redirects to the dashboard.
 */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } =
    useForm<AcceptInviteWithAccountInput>({
      resolver: zodResolver(acceptInviteWithAccountSchema),
      defaultValues: { token, name: '', password: '', confirmPassword: '' },
    });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) => {
    if (pending) return;
    setFormError(null);
    startTransition(async () => {
      try {
        const failure = await acceptInviteWithAccountAction({ ...values, token });
        const invalid = FIELDS.filter(({ name }) => failure.fieldErrors[name]?.length);
        for (const { name } of invalid) {
          setError(name, { type: 'server', message: failure.fieldErrors[name]?.[0] });
        }
        setFormError(failure.formError ?? null);
        if (invalid[0]) setFocus(invalid[0].name);
      } catch (error) {
        unstable_rethrow(error); // the redirect to the dashboard
        setFormError('The server did not answer. Check your connection and try again.');
      }
    });
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <h2 className="text-base font-semibold">Create your account</h2>
      <FormAlert message={formError} />
      <div>
        <label htmlFor={`${id}-email`} className={labelClassName}>
          Email
        </label>
        <input
          id={`${id}-email`}
          type="email"
          value={email}
          readOnly
          autoComplete="username"
          aria-describedby={`${id}-email-hint`}
          className={inputClassName(false, 'read-only:bg-slate-100 read-only:text-slate-700')}
        />
        <p id={`${id}-email-hint`} className={hintClassName}>
          The address the invite was made out to.
        </p>
      </div>
      {FIELDS.map(({ name, label, type, autoComplete }) => {
        const error = errors[name]?.message;
        const hintId = name === 'password' ? `${id}-password-hint` : null;
        return (
          <div key={name}>
            <label htmlFor={`${id}-${name}`} className={labelClassName}>
              {label}
            </label>
            <input
              id={`${id}-${name}`}
              type={type}
              autoComplete={autoComplete}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(hintId, error && `${id}-${name}-error`)}
              className={inputClassName(Boolean(error))}
              {...register(name)}
            />
            {hintId ? (
              <p id={hintId} className={hintClassName}>
                At least {PASSWORD_MIN_LENGTH} characters.
              </p>
            ) : null}
            <FieldError id={`${id}-${name}-error`} message={error} />
          </div>
        );
      })}
      <Button type="submit" pending={pending} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
