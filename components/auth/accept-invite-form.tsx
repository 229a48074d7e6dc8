'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { acceptInviteWithAccountAction } from '@/lib/members/actions';
import {
  acceptInviteWithAccountSchema,
  PASSWORD_MIN_LENGTH,
  type AcceptInviteField,
} from '@/lib/members/schema';

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
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: acceptInviteWithAccountSchema,
    defaultValues: { token, name: '', password: '', confirmPassword: '' },
    fields: FIELDS.map(({ name }) => name),
    // On success the action redirects to the dashboard.
    action: (values) => acceptInviteWithAccountAction({ ...values, token }),
  });
  const { register, formState } = form;
  const { errors } = formState;

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
