'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { useId, useState, useTransition, type ChangeEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ActivationsLimitField } from '@/components/ui/activations-limit-field';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { updateProductAction } from '@/lib/products/actions';
import {
  KEY_PREFIX_MAX_LENGTH,
  updateProductSchema,
  type ProductOption,
  type UpdateProductFailure,
  type UpdateProductField,
  type UpdateProductFormValues,
  type UpdateProductInput,
} from '@/lib/products/schema';
import { KeyLifetimeField } from './key-lifetime-field';
import { FormAlert } from '@/components/ui/form-alert';

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
  const [isPending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, setFocus, formState } = useForm<
    UpdateProductFormValues,
    unknown,
    UpdateProductInput
  >({
    resolver: zodResolver(updateProductSchema),
    defaultValues: {
      name: product.name,
      activationsLimit: product.defaultActivationsLimit,
      keyLifetime: product.defaultKeyDuration,
      keyPrefix: product.keyPrefix ?? '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false, // focus follows FIELD_ORDER, the page order
  });
  const { errors } = formState;
  const lifetimeError =
    errors.keyLifetime?.count?.message ??
    errors.keyLifetime?.interval?.message ??
    errors.keyLifetime?.message;

  function focusFirstInvalid(invalid: Partial<Record<UpdateProductField, unknown>>) {
    const first = FIELD_ORDER.find((name) => invalid[name]);
    if (first) setFocus(first);
  }

  function showFailure(failure: UpdateProductFailure) {
    for (const name of FIELD_ORDER) {
      const message = failure.fieldErrors[name]?.[0];
      if (message) setError(name, { type: 'server', message });
    }
    const placed = FIELD_ORDER.some((name) => failure.fieldErrors[name]?.length);
    setFormError(
      failure.formError ?? (placed ? null : 'The product could not be saved. Try again.'),
    );
    focusFirstInvalid(failure.fieldErrors);
  }

  const onSubmit = handleSubmit((values) => {
    if (isPending) return;
    setFormError(null);
    startTransition(async () => {
      let failure: UpdateProductFailure;
      try {
        // On success the action redirects, so this only ever returns a failure.
        failure = await updateProductAction(product.id, values);
      } catch (error) {
        unstable_rethrow(error); // Next's redirect travels as an error: let the router have it.
        setFormError(NETWORK_ERROR_MESSAGE);
        return;
      }
      showFailure(failure);
    });
  }, focusFirstInvalid);

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
        <Button type="submit" pending={isPending}>
          Save product
        </Button>
        <Link
          href="/products"
          className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
