'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { PASSWORD_LENGTH } from '@/lib/auth/password-length';
import { setupAction } from '@/lib/businesses/actions';
import type { SetupField } from '@/lib/businesses/schema';

const FIELDS: {
  name: SetupField;
  label: string;
  type: string;
  autoComplete: string;
  hint?: string;
}[] = [
  {
    name: 'businessName',
    label: 'Business name',
    type: 'text',
    autoComplete: 'organization',
    hint: 'As your team and your customers know it. You can rename it later.',
  },
  { name: 'name', label: 'Your name', type: 'text', autoComplete: 'name' },
  {
    name: 'email',
    label: 'Email',
    type: 'email',
    autoComplete: 'username',
    hint: 'You sign in with it.',
  },
  {
    name: 'password',
    label: 'Password',
    type: 'password',
    autoComplete: 'new-password',
    hint: `At least ${PASSWORD_LENGTH.min} characters.`,
  },
];

/** The first business and its owner. On success the action signs the owner in and redirects. */
export function SetupForm({ token }: { token: string }) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/businesses/schema').then((m) => m.setupSchema),
    defaultValues: { businessName: '', name: '', email: '', password: '' },
    fields: FIELDS.map(({ name }) => name),
    action: (values) => setupAction({ ...values, token }),
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <FormAlert message={formError} />
      {FIELDS.map(({ name, label, type, autoComplete, hint }) => (
        <TextField
          key={name}
          label={label}
          type={type}
          autoComplete={autoComplete}
          hint={hint}
          error={errors[name]?.message}
          {...register(name)}
        />
      ))}
      <Button type="submit" pending={pending} className="w-full">
        Create business
      </Button>
    </form>
  );
}
