'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { PASSWORD_LENGTH } from '@/lib/auth/password-length';
import { acceptInviteWithAccountAction } from '@/lib/members/actions';
import type { AcceptInviteField } from '@/lib/members/schema';

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
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/members/schema').then((m) => m.acceptInviteWithAccountSchema),
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
      <TextField
        label="Email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="The address the invite was made out to."
        className="read-only:bg-slate-100 read-only:text-slate-700"
      />
      {FIELDS.map(({ name, label, type, autoComplete }) => (
        <TextField
          key={name}
          label={label}
          type={type}
          autoComplete={autoComplete}
          hint={name === 'password' ? `At least ${PASSWORD_LENGTH.min} characters.` : undefined}
          error={errors[name]?.message}
          {...register(name)}
        />
      ))}
      <Button type="submit" pending={pending} className="w-full">
        Create account and join
      </Button>
    </form>
  );
}
