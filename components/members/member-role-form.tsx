'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy } from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { changeMemberRoleAction } from '@/lib/members/actions';

type Props = { membershipId: string; name: string; role: MemberRole; roles: MemberRole[] };

/** "Role for <name>" and "Save role": changes one member's role. */
export function MemberRoleForm({ membershipId, name, role, roles }: Props) {
  const id = useId();
  const [saved, setSaved] = useState('');
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/members/schema').then((m) => m.changeMemberRoleSchema),
    defaultValues: { membershipId, role },
    fields: ['role'],
    // Demoting yourself out of this page redirects.
    action: changeMemberRoleAction,
    onStart: () => setSaved(''),
    onSuccess: (result) => setSaved(result.message),
    // The select shows the role the member still has.
    onFailure: () => form.setValue('role', role),
    networkErrorMessage: 'The server did not answer. Try again.',
  });
  const errorId = `${id}-error`;
  const error = form.formState.errors.role?.message ?? formError ?? undefined;

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${id}-role`} className="sr-only">
        Role for {name}
      </label>
      <select
        id={`${id}-role`}
        {...form.register('role')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId)}
        className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" pending={pending} className="px-3 py-1.5">
        Save role<span className="sr-only"> for {name}</span>
      </Button>
      <div className="basis-full">
        <FieldError id={errorId} message={error} />
        <p role="status" className="mt-1 text-sm text-emerald-800 empty:mt-0">
          {saved}
        </p>
      </div>
    </form>
  );
}
