'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { renameBusinessAction } from '@/lib/businesses/actions';

/** "Business name" and "Save name". */
export function RenameBusinessForm({ name }: { name: string }) {
  const [saved, setSaved] = useState('');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/businesses/schema').then((m) => m.renameBusinessSchema),
    defaultValues: { name },
    fields: ['name'],
    action: renameBusinessAction,
    onStart: () => setSaved(''),
    onSuccess: (result) => setSaved(result.message),
    networkErrorMessage: 'The server did not answer, so the name was not saved. Try again.',
  });

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[32rem] space-y-4">
      <FormAlert message={formError} />
      <TextField
        label="Business name"
        autoComplete="organization"
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
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
