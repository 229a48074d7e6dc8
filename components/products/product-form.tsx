'use client';

import type { ChangeEvent } from 'react';
import { Controller } from '@/components/ui/use-form';
import { ActivationsLimitField } from '@/components/license-keys/activations-limit-field';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { controlledProps } from '@/components/ui/controlled-props';
import { FormAlert } from '@/components/ui/form-alert';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createProductAction, updateProductAction } from '@/lib/products/actions';
import type { ProductField, ProductInput } from '@/lib/products/schema';
import {
  KEY_PREFIX_MAX_LENGTH,
  PRODUCT_DESCRIPTION_MAX_LENGTH,
  type ProductOption,
} from '@/lib/products/terms';
import { KeyLifetimeField } from './key-lifetime-field';

/** The fields in the order they appear: the first invalid one gets the focus. */
const FIELD_ORDER = [
  'name',
  'description',
  'activationsLimit',
  'keyLifetime',
  'keyPrefix',
] as const satisfies readonly ProductField[];

const NETWORK_ERROR_MESSAGE =
  'The product could not be saved because the server did not answer. Check your connection and try again.';

const PREFIX_HINT =
  'Optional. New keys start with it, like PHOTO-7KQ2M-…: letters A–Z and digits, starting with ' +
  `a letter, up to ${KEY_PREFIX_MAX_LENGTH} characters. Leave it empty for no prefix.`;

/** Upper-cases what is typed into a box, keeping the caret where it was. */
function upperCaseInPlace(event: ChangeEvent<HTMLInputElement>) {
  const input = event.target;
  const typed = input.value;
  const upper = typed.toUpperCase();
  if (upper === typed) return;
  const { selectionStart, selectionEnd } = input;
  input.value = upper;
  // A letter whose capital is longer (ß → SS) moves the text: then the caret goes to the end.
  if (upper.length === typed.length) input.setSelectionRange(selectionStart, selectionEnd);
}

/** A new product starts with unlimited activations, keys that never expire and no prefix. */
const NEW_PRODUCT = {
  name: '',
  description: '',
  activationsLimit: null,
  keyLifetime: null,
  keyPrefix: '',
};

type Props = {
  /** The product to edit; without one the form creates a product. */
  product?: ProductOption & { description: string };
};

/**
 * "New product" and "Edit": a product's name, description and the terms its new keys get
 * (activations limit, lifetime and key prefix). Validates with the action's own Zod schema, then
 * shows the action's field errors under their fields; on success the action redirects to the
 * product list.
 */
export function ProductForm({ product }: Props) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/products/schema').then((m) => m.productSchema),
    defaultValues: product
      ? {
          name: product.name,
          description: product.description,
          activationsLimit: product.defaultActivationsLimit,
          keyLifetime: product.defaultKeyDuration,
          keyPrefix: product.keyPrefix ?? '',
        }
      : NEW_PRODUCT,
    fields: FIELD_ORDER,
    // On success the action redirects, so this only ever returns a failure.
    action: (values: ProductInput) =>
      product ? updateProductAction(product.id, values) : createProductAction(values),
    failureMessage: product
      ? 'The product could not be saved. Try again.'
      : 'The product could not be created. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { control, register, formState } = form;
  const { errors } = formState;
  const lifetimeError =
    errors.keyLifetime?.count?.message ??
    errors.keyLifetime?.interval?.message ??
    errors.keyLifetime?.message;

  const prefix = register('keyPrefix');

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[40rem] space-y-6">
      <FormAlert message={formError} />

      <TextField
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />

      <TextAreaField
        label="Description"
        hint={`Optional. For your team and the API, up to ${PRODUCT_DESCRIPTION_MAX_LENGTH.toLocaleString('en-US')} characters.`}
        maxLength={PRODUCT_DESCRIPTION_MAX_LENGTH}
        error={errors.description?.message}
        {...register('description')}
      />

      <Controller
        control={control}
        name="activationsLimit"
        render={(props) => (
          <ActivationsLimitField
            {...controlledProps(props)}
            label="Default activations limit"
            hint="How many devices can activate a new key at the same time. Keys already issued keep their limit."
            as="group"
            showLastNumberWhenUnlimited
          />
        )}
      />

      <Controller
        control={control}
        name="keyLifetime"
        render={(props) => <KeyLifetimeField {...controlledProps(props)} error={lifetimeError} />}
      />

      <TextField
        label="Key prefix"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        {...prefix}
        onChange={(event) => {
          upperCaseInPlace(event); // before the form reads the value
          return prefix.onChange(event);
        }}
        hint={PREFIX_HINT}
        error={errors.keyPrefix?.message}
        className="max-w-48 font-mono"
      />

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={pending}>
          {product ? 'Save product' : 'Create product'}
        </Button>
        <LinkButton href="/products" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
