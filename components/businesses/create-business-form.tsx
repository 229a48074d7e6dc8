'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { createBusinessAction } from '@/lib/businesses/actions';

/** Another business, owned by whoever makes it. On success the action opens it. */
export function CreateBusinessForm() {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/businesses/schema').then((m) => m.createBusinessSchema),
    defaultValues: { name: '' },
    fields: ['name'],
    action: createBusinessAction,
  });
  const { register, formState } = form;

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-md space-y-5">
      <FormAlert message={formError} />
      <TextField
        label="Business name"
        autoComplete="organization"
        error={formState.errors.name?.message}
        {...register('name')}
      />
      <Button type="submit" pending={pending}>
        Create business
      </Button>
    </form>
  );
}
