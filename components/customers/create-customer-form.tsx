'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { useId, useState, useTransition, type ComponentProps } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { createCustomerAction } from '@/lib/customers/actions';
import {
  createCustomerSchema,
  type CreateCustomerFailure,
  type CreateCustomerField,
  type CreateCustomerInput,
} from '@/lib/customers/schema';
import { FormAlert } from '@/components/ui/form-alert';

/** The fields in the order they appear: the first invalid one gets the focus. */
const FIELD_ORDER = ['name', 'email'] as const satisfies readonly CreateCustomerField[];

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
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<CreateCustomerInput>({
    resolver: zodResolver(createCustomerSchema),
    defaultValues: { name: '', email: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false, // focus follows FIELD_ORDER, the page order
  });
  const { errors } = formState;

  function focusFirstInvalid(invalid: Partial<Record<CreateCustomerField, unknown>>) {
    const first = FIELD_ORDER.find((name) => invalid[name]);
    if (first) setFocus(first);
  }

  function showFailure(failure: CreateCustomerFailure) {
    for (const name of FIELD_ORDER) {
      const message = failure.fieldErrors[name]?.[0];
      if (message) setError(name, { type: 'server', message });
    }
    const placed = FIELD_ORDER.some((name) => failure.fieldErrors[name]?.length);
    setFormError(
      failure.formError ?? (placed ? null : 'The customer could not be created. Try again.'),
    );
    focusFirstInvalid(failure.fieldErrors);
  }

  const onSubmit = handleSubmit((values) => {
    if (isPending) return;
    setFormError(null);
    startTransition(async () => {
      let failure: CreateCustomerFailure;
      try {
        // On success the action redirects, so this only ever returns a failure.
        failure = await createCustomerAction(values, returnTo ?? undefined);
      } catch (error) {
        unstable_rethrow(error); // Next's redirect travels as an error: let the router have it.
        setFormError(NETWORK_ERROR_MESSAGE);
        return;
      }
      showFailure(failure);
    });
  }, focusFirstInvalid);

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
        <Button type="submit" pending={isPending}>
          Create customer
        </Button>
        <Link
          href={returnTo ?? '/customers'}
          className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Cancel
        </Link>
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
