'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { updateCustomerAction } from '@/lib/customers/actions';
import type { CustomerOption, UpdateCustomerInput } from '@/lib/customers/schema';

const NETWORK_ERROR_MESSAGE =
  'The customer could not be saved because the server did not answer. Check your connection and try again.';

type Props = {
  customer: CustomerOption;
  /** The id of the heading that names the form ("Edit customer"). */
  labelledBy: string;
};

/**
 * Edit a customer's name and email address. Validates with the action's own Zod schema; an email
 * another customer of the business has comes back on the Email field. After a save the page shows
 * the new name, and a status line says what was saved.
 */
export function EditCustomerForm({ customer, labelledBy }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/customers/schema').then((m) => m.updateCustomerSchema),
    defaultValues: { name: customer.name, email: customer.email },
    fields: ['name', 'email'],
    action: (values: UpdateCustomerInput) => updateCustomerAction(customer.id, values),
    onStart: () => setSaved(null),
    onSuccess: (result) => {
      const { name, email } = result.customer;
      form.reset({ name, email }); // what is saved is the form's new starting point
      setSaved(`Saved changes: ${name} <${email}>.`);
    },
    failureMessage: 'The customer could not be saved. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={labelledBy}
      className="max-w-md space-y-5"
    >
      <FormAlert message={formError} />

      {/* The customer's details, not the signed-in person's: no autofill. */}
      <TextField
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextField
        label="Email"
        type="email"
        inputMode="email"
        spellCheck={false}
        autoComplete="off"
        error={errors.email?.message}
        {...register('email')}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          Save changes
        </Button>
        <p role="status" className="text-sm text-green-800">
          {saved}
        </p>
      </div>
    </form>
  );
}
