'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, inputClassName, labelClassName } from '@/components/ui/form-styles';
import { renameBusinessAction } from '@/lib/businesses/actions';
import { renameBusinessSchema, type RenameBusinessInput } from '@/lib/businesses/schema';
import { FormAlert } from '@/components/ui/form-alert';

/** "Business name" and "Save name". */
export function RenameBusinessForm({ name }: { name: string }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const { register, handleSubmit, setError, setFocus, formState } = useForm<RenameBusinessInput>({
    resolver: zodResolver(renameBusinessSchema),
    defaultValues: { name },
  });
  const error = formState.errors.name?.message;
  const errorId = `${id}-name-error`;

  const onSubmit = handleSubmit((values) => {
    if (pending) return;
    setFormError(null);
    setSaved('');
    startTransition(async () => {
      try {
        const result = await renameBusinessAction(values);
        if (result.ok) {
          setSaved(result.message);
          return;
        }
        const message = result.fieldErrors.name?.[0];
        if (message) {
          setError('name', { type: 'server', message });
          setFocus('name');
        }
        setFormError(result.formError ?? null);
      } catch {
        setFormError('The server did not answer, so the name was not saved. Try again.');
      }
    });
  });

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
          {...register('name')}
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
