'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { checkboxClassName, labelClassName } from '@/components/ui/form-styles';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createApiKeyAction } from '@/lib/api-keys/actions';
import type { CreateApiKeySuccess } from '@/lib/api-keys/schema';
import { API_KEY_NAME_MAX_LENGTH } from '@/lib/api-keys/limits';
import { NewApiKeyNotice } from './new-api-key-notice';

const NETWORK_ERROR_MESSAGE =
  'The API key could not be created because the server did not answer. Check your connection and try again.';

/**
 * Create an API key: a name and whether it may only read. Validates with the action's own schema;
 * on success the new secret is shown once, above the form, until the member dismisses it or
 * creates another key (a failed attempt leaves it on screen, so a secret not yet copied survives).
 */
export function CreateApiKeyForm() {
  const [created, setCreated] = useState<CreateApiKeySuccess | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/api-keys/schema').then((m) => m.createApiKeySchema),
    defaultValues: { name: '', readOnly: false },
    fields: ['name'],
    action: createApiKeyAction,
    onSuccess: (result) => {
      form.reset();
      setCreated(result);
    },
    failureMessage: 'The API key could not be created. Try again.',
    networkErrorMessage: NETWORK_ERROR_MESSAGE,
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <div className="space-y-6">
      {created ? (
        <NewApiKeyNotice
          name={created.name}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <form noValidate onSubmit={onSubmit} className="max-w-[32rem] space-y-5">
        <FormAlert message={formError} />
        <TextField
          id="api-key-name"
          label="Name"
          autoComplete="off"
          maxLength={API_KEY_NAME_MAX_LENGTH}
          hint="What uses the key, e.g. “Checkout integration”."
          error={errors.name?.message}
          {...register('name')}
        />
        <div className="flex items-start gap-3">
          <input
            id="api-key-read-only"
            type="checkbox"
            aria-describedby="api-key-read-only-hint"
            className={`${checkboxClassName} mt-0.5`}
            {...register('readOnly')}
          />
          <div>
            <label htmlFor="api-key-read-only" className={labelClassName}>
              Read-only
            </label>
            <p id="api-key-read-only-hint" className="text-sm text-slate-600">
              The key can read license keys, customers and products, but not change anything.
            </p>
          </div>
        </div>
        <Button type="submit" pending={pending}>
          Create API key
        </Button>
      </form>
    </div>
  );
}
