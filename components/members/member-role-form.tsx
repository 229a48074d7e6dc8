'use client';

import { unstable_rethrow } from 'next/navigation';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy } from '@/components/ui/form-styles';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';
import { changeMemberRoleAction } from '@/lib/members/actions';
import type { MemberActionResult } from '@/lib/members/schema';

type Props = { membershipId: string; name: string; role: MemberRole; roles: MemberRole[] };

/** "Role for <name>" and "Save role": changes one member's role. */
export function MemberRoleForm({ membershipId, name, role, roles }: Props) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState<MemberRole>(role);
  const [result, setResult] = useState<MemberActionResult | null>(null);
  const errorId = `${id}-error`;
  const error = result && !result.ok ? result.formError : undefined;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setResult(null);
    startTransition(async () => {
      try {
        const answer = await changeMemberRoleAction({ membershipId, role: chosen });
        setResult(answer);
        if (!answer.ok) setChosen(role); // the select shows the role the member still has
      } catch (caught) {
        unstable_rethrow(caught); // demoting yourself out of this page redirects
        setResult({
          ok: false,
          fieldErrors: {},
          formError: 'The server did not answer. Try again.',
        });
      }
    });
  }

  return (
    <form onSubmit={save} className="flex flex-wrap items-center gap-2">
      <label htmlFor={`${id}-role`} className="sr-only">
        Role for {name}
      </label>
      <select
        id={`${id}-role`}
        value={chosen}
        onChange={(event) => setChosen(event.target.value as MemberRole)}
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
          {result?.ok ? result.message : ''}
        </p>
      </div>
    </form>
  );
}
