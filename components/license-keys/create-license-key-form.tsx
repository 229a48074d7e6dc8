'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Controller, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { ActivationsLimitField } from '@/components/ui/activations-limit-field';
import { Button } from '@/components/ui/button';
import { createLicenseKeyAction } from '@/lib/license-keys/actions';
import {
  createLicenseKeySchema,
  type CreateLicenseKeyFailure,
  type CreateLicenseKeyField,
  type CreateLicenseKeyFormValues,
  type CreateLicenseKeyInput,
} from '@/lib/license-keys/schema';
import { expiryFromDuration, type ProductOption } from '@/lib/products/schema';
import type { CustomerOption } from '@/lib/customers/schema';
import { CustomerPicker } from './customer-picker';
import { ExpiryField } from './expiry-field';
import { KeyModeFieldset } from './key-mode-fieldset';
import { describeTerms, ProductPicker } from './product-picker';
import { FormAlert } from '@/components/ui/form-alert';

/** The fields in the order they appear: the first invalid one gets the focus. */
const FIELD_ORDER = [
  'key',
  'customerId',
  'productId',
  'activationsLimit',
  'expiresAt',
] as const satisfies readonly CreateLicenseKeyField[];

const NETWORK_ERROR_MESSAGE =
  'The license key could not be created because the server did not answer. Check your connection and try again.';

const defaultValues = {
  mode: 'generate',
  key: '',
  customerId: '',
  productId: '',
  activationsLimit: 1,
  expiresAt: null,
} satisfies CreateLicenseKeyFormValues & { key: string };

/**
 * Issue a license key: generate a new one or import an existing one, for a customer and a product,
 * with an activations limit and an expiry. Validates with the action's own Zod schema, then shows
 * the action's field errors under their fields; on success the action redirects to the new key.
 */
export function CreateLicenseKeyForm({
  initialCustomer = null,
}: {
  /** A customer chosen before the form opened, e.g. one just created from this form. */
  initialCustomer?: CustomerOption | null;
}) {
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [defaultsFrom, setDefaultsFrom] = useState<ProductOption | null>(null);
  const { control, register, handleSubmit, setError, setFocus, setValue, formState } = useForm<
    CreateLicenseKeyFormValues,
    unknown,
    CreateLicenseKeyInput
  >({
    resolver: zodResolver(createLicenseKeySchema),
    defaultValues: { ...defaultValues, customerId: initialCustomer?.id ?? '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus follows the page order (FIELD_ORDER), not the order in which fields registered.
    shouldFocusError: false,
  });
  const mode = useWatch({ control, name: 'mode' });
  const errors = formState.errors as FieldErrors<CreateLicenseKeyFormValues & { key: string }>;

  function focusFirstInvalid(invalid: Partial<Record<CreateLicenseKeyField, unknown>>) {
    const first = FIELD_ORDER.find((name) => invalid[name]);
    if (first) setFocus(first);
  }

  function showFailure(failure: CreateLicenseKeyFailure) {
    for (const name of FIELD_ORDER) {
      const message = failure.fieldErrors[name]?.[0];
      if (message) setError(name, { type: 'server', message });
    }
    const unplaced = failure.fieldErrors.mode?.[0];
    setFormError(
      failure.formError ??
        unplaced ??
        (FIELD_ORDER.some((name) => failure.fieldErrors[name]?.length)
          ? null
          : 'The license key could not be created. Try again.'),
    );
    focusFirstInvalid(failure.fieldErrors);
  }

  const onSubmit = handleSubmit((values) => {
    if (isPending) return;
    setFormError(null);
    startTransition(async () => {
      let failure: CreateLicenseKeyFailure;
      try {
        // On success the action redirects, so this only ever returns a failure.
        failure = await createLicenseKeyAction(values);
      } catch (error) {
        unstable_rethrow(error); // Next's redirect travels as an error: let the router have it.
        setFormError(NETWORK_ERROR_MESSAGE);
        return;
      }
      showFailure(failure);
    });
  }, focusFirstInvalid);

  function applyProductDefaults(product: ProductOption | null) {
    setDefaultsFrom(product);
    if (!product) return;
    const revalidate = { shouldValidate: formState.isSubmitted, shouldDirty: true };
    setValue('activationsLimit', product.defaultActivationsLimit, revalidate);
    const expiry = expiryFromDuration(new Date(), product.defaultKeyDuration);
    // Whole minutes: what the datetime-local input shows is exactly the instant that is sent.
    expiry?.setSeconds(0, 0);
    setValue('expiresAt', expiry ? expiry.toISOString() : null, revalidate);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[40rem] space-y-6">
      <FormAlert message={formError} />

      <KeyModeFieldset
        mode={mode}
        modeRadio={register('mode')}
        keyInput={register('key')}
        keyError={errors.key?.message}
        keyPrefix={defaultsFrom?.keyPrefix}
        productChosen={defaultsFrom !== null}
      />

      <Controller
        control={control}
        name="customerId"
        render={({ field, fieldState }) => (
          <CustomerPicker
            initialCustomer={initialCustomer}
            customerId={field.value}
            onChange={(customer) => field.onChange(customer?.id ?? '')}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />

      <div>
        <Controller
          control={control}
          name="productId"
          render={({ field, fieldState }) => (
            <ProductPicker
              productId={field.value}
              onChange={(product) => {
                field.onChange(product?.id ?? '');
                applyProductDefaults(product);
              }}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <p role="status" className="mt-2 text-sm text-slate-700 empty:mt-0">
          {defaultsFrom
            ? `Defaults from ${defaultsFrom.name}: ${describeTerms(defaultsFrom)}.`
            : ''}
        </p>
      </div>

      <Controller
        control={control}
        name="activationsLimit"
        render={({ field, fieldState }) => (
          <ActivationsLimitField
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
            label="Activations limit"
            hint="How many devices can activate this key at the same time."
          />
        )}
      />
      <Controller
        control={control}
        name="expiresAt"
        render={({ field, fieldState }) => (
          <ExpiryField
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={isPending}>
          {mode === 'import' ? 'Import license key' : 'Create license key'}
        </Button>
        <Link
          href="/license-keys"
          className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
