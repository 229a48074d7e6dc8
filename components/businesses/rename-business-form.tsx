'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { renameBusinessAction } from '@/lib/businesses/actions';
import { renameBusinessSchema } from '@/lib/businesses/schema';

/** "Business name" and "Save name". */
export function RenameBusinessForm({ name }: { name: string }) {
  const id = useId();
  const [saved, setSaved] = useState('');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: renameBusinessSchema,
    defaultValues: { name },
    fields: ['name'],
    action: renameBusinessAction,
    onStart: () => setSaved(''),
    onSuccess: (result) => setSaved(result.message),
    networkErrorMessage: 'The server did not answer, so the name was not saved. Try again.',
  });
  const error = form.formState.errors.name?.message;
  const errorId = `${id}-name-error`;

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[32rem] space-y-4">
      <FormAlert message={formError} />
      <div>
        <label htmlFor={`${id}-name`} className={labelClassName}>
          Business name
        </label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="organization"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && errorId)}
          className={inputClassName(Boolean(error))}
          {...form.register('name')}
        />
        <FieldError id={errorId} message={error} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          Save name
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      </div>
    </form>
  );
}
