'use client';

import { useId, type ChangeEvent } from 'react';
import { Controller } from 'react-hook-form';
import { ActivationsLimitField } from '@/components/license-keys/activations-limit-field';
import { Button, LinkButton } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { updateProductAction } from '@/lib/products/actions';
import {
  KEY_PREFIX_MAX_LENGTH,
  updateProductSchema,
  type ProductOption,
  type UpdateProductField,
  type UpdateProductInput,
} from '@/lib/products/schema';
import { KeyLifetimeField } from './key-lifetime-field';

/** The fields in the order they appear: the first invalid one gets the focus. */
const FIELD_ORDER = [
  'name',
  'activationsLimit',
  'keyLifetime',
  'keyPrefix',
] as const satisfies readonly UpdateProductField[];

const NETWORK_ERROR_MESSAGE =
  'The product could not be saved because the server did not answer. Check your connection and try again.';

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

/**
 * Edit a product's name and the terms its new keys get: activations limit, lifetime and key prefix.
 * Validates with the action's own Zod schema, then shows the action's field errors under their
 * fields; on success the action redirects to the product list.
 */
export function EditProductForm({ product }: { product: ProductOption }) {
  const id = useId();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: updateProductSchema,
    defaultValues: {
      name: product.name,
      activationsLimit: product.defaultActivationsLimit,
      keyLifetime: product.defaultKeyDuration,
      keyPrefix: product.keyPrefix ?? '',
    },
    fields: FIELD_ORDER,
    // On success the action redirects, so this only ever returns a failure.
    action: (values: UpdateProductInput) => updateProductAction(product.id, values),
    failureMessage: 'The product could not be saved. Try again.',
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

      <div>
        <label htmlFor={`${id}-name`} className={labelClassName}>
          Product name
        </label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          {...register('name')}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && `${id}-name-error`)}
          className={inputClassName(Boolean(errors.name))}
        />
        <FieldError id={`${id}-name-error`} message={errors.name?.message} />
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
        render={({ field }) => (
          <KeyLifetimeField
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={lifetimeError}
          />
        )}
      />

      <div>
        <label htmlFor={`${id}-prefix`} className={labelClassName}>
          Key prefix
        </label>
        <input
          id={`${id}-prefix`}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...prefix}
          onChange={(event) => {
            upperCaseInPlace(event); // before the form reads the value
            return prefix.onChange(event);
          }}
          aria-invalid={errors.keyPrefix ? true : undefined}
          aria-describedby={describedBy(
            `${id}-prefix-hint`,
            errors.keyPrefix && `${id}-prefix-error`,
          )}
          className={inputClassName(Boolean(errors.keyPrefix), 'max-w-48 font-mono')}
        />
        <p id={`${id}-prefix-hint`} className={hintClassName}>
          Optional. New keys start with it, like PHOTO-7KQ2M-…: letters A–Z and digits, starting
          with a letter, up to {KEY_PREFIX_MAX_LENGTH} characters. Leave it empty for no prefix.
        </p>
        <FieldError id={`${id}-prefix-error`} message={errors.keyPrefix?.message} />
      </div>

      <div className="flex items-center gap-3 border-t border-slate-200 pt-5">
        <Button type="submit" pending={pending}>
          Save product
        </Button>
        <LinkButton href="/products" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
