'use client';

import { useId, type ComponentProps } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { createCustomerAction } from '@/lib/customers/actions';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/schema';

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
  const id = useId();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: createCustomerSchema,
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

      <TextField
        id={`${id}-name`}
        label="Name"
        error={errors.name?.message}
        input={{ type: 'text', ...register('name') }}
      />
      <TextField
        id={`${id}-email`}
        label="Email"
        error={errors.email?.message}
        input={{ type: 'email', inputMode: 'email', spellCheck: false, ...register('email') }}
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

type TextFieldProps = {
  id: string;
  label: string;
  error?: string;
  input: ComponentProps<'input'>;
};

/** A labelled input with its error tied to it by aria-describedby. */
function TextField({ id, label, error, input }: TextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        // The customer's details, not the signed-in person's: no autofill.
        autoComplete="off"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId)}
        className={inputClassName(Boolean(error))}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
