'use client';

import { useEffect, useState } from 'react';
import { Controller, useWatch, type FieldErrors } from '@/components/ui/use-form';
import { ActivationsLimitField } from './activations-limit-field';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { controlledProps } from '@/components/ui/controlled-props';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from '@/components/ui/use-action-form';
import { createLicenseKeyAction } from '@/lib/license-keys/actions';
import type { CreateLicenseKeyField, CreateLicenseKeyFormValues } from '@/lib/license-keys/schema';
import { expiryFromDuration, type ProductOption } from '@/lib/products/terms';
import type { CustomerOption } from '@/lib/customers/schema';
import { CustomerPicker } from './customer-picker';
import { ExpiryField } from './expiry-field';
import { KeyModeFieldset } from './key-mode-fieldset';
import { describeTerms, ProductPicker } from './product-picker';

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
  initialProduct = null,
}: {
  /** A customer chosen before the form opened, e.g. one just created from this form. */
  initialCustomer?: CustomerOption | null;
  /** A product chosen before the form opened ("Issue another key"): its defaults apply. */
  initialProduct?: ProductOption | null;
}) {
  const [defaultsFrom, setDefaultsFrom] = useState<ProductOption | null>(initialProduct);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/license-keys/schema').then((m) => m.createLicenseKeySchema),
    defaultValues: {
      ...defaultValues,
      customerId: initialCustomer?.id ?? '',
      productId: initialProduct?.id ?? '',
      activationsLimit: initialProduct
        ? initialProduct.defaultActivationsLimit
        : defaultValues.activationsLimit,
    },
    fields: FIELD_ORDER,
    // On success the action redirects, so this only ever returns a failure.
    action: createLicenseKeyAction,
    failureMessage: 'The license key could not be created. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { control, register, setValue, formState } = form;
  const mode = useWatch({ control, name: 'mode' });
  const errors = formState.errors as FieldErrors<CreateLicenseKeyFormValues & { key: string }>;

  function applyProductDefaults(product: ProductOption | null) {
    setDefaultsFrom(product);
    if (!product) return;
    const revalidate = { shouldValidate: formState.isSubmitted, shouldDirty: true };
    setValue('activationsLimit', product.defaultActivationsLimit, revalidate);
    setValue('expiresAt', defaultExpiry(product), revalidate);
  }

  // A product chosen before the form opened: its expiry counts from now in the browser, once
  // mounted (the server's clock and time zone would show another wall time than the browser's).
  const [preselected] = useState(initialProduct);
  useEffect(() => {
    if (preselected) setValue('expiresAt', defaultExpiry(preselected));
  }, [preselected, setValue]);

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
              initialProduct={initialProduct}
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
        render={(props) => (
          <ActivationsLimitField
            {...controlledProps(props)}
            label="Activations limit"
            hint="How many devices can activate this key at the same time."
          />
        )}
      />
      <Controller
        control={control}
        name="expiresAt"
        render={(props) => <ExpiryField {...controlledProps(props)} />}
      />

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={pending}>
          {mode === 'import' ? 'Import license key' : 'Create license key'}
        </Button>
        <LinkButton href="/license-keys" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}

/** A new key's expiry from the product's key lifetime, counted from now; null for never. */
function defaultExpiry(product: ProductOption): string | null {
  const expiry = expiryFromDuration(new Date(), product.defaultKeyDuration);
  // Whole minutes: what the datetime-local input shows is exactly the instant that is sent.
  expiry?.setSeconds(0, 0);
  return expiry ? expiry.toISOString() : null;
}
