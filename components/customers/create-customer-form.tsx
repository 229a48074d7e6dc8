'use client';

import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createCustomerAction } from '@/lib/customers/actions';
import type { CreateCustomerInput } from '@/lib/customers/schema';

const NETWORK_ERROR_MESSAGE =
  'The customer could not be created because the server did not answer. Check your connection and try again.';

type CreateCustomerFormProps = {
  /** A path of this site to go back to afterwards (already checked by the page), or null for the list. */
  returnTo: string | null;
};

/**
 * Create a customer: a name and an email address that no other customer of the business has.
 * Validates with the action's own Zod schema; on success the action redirects.
 */
export function CreateCustomerForm({ returnTo }: CreateCustomerFormProps) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/customers/schema').then((m) => m.createCustomerSchema),
    defaultValues: { name: '', email: '' },
    fields: ['name', 'email'],
    // On success the action redirects, so this only ever returns a failure.
    action: (values: CreateCustomerInput) => createCustomerAction(values, returnTo ?? undefined),
    failureMessage: 'The customer could not be created. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-md space-y-6">
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

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={pending}>
          Create customer
        </Button>
        <LinkButton href={returnTo ?? '/customers'} variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
