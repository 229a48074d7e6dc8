'use client';

import { useTransition } from 'react';
import { switchBusinessAction } from '@/lib/auth/actions';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';

type Props = {
  currentBusinessId: string;
  memberships: { businessId: string; businessName: string; role: MemberRole }[];
};

/** Shows the current business; with more than one membership, switches between them. */
export function BusinessSwitcher({ currentBusinessId, memberships }: Props) {
  const [pending, startTransition] = useTransition();
  const current = memberships.find((m) => m.businessId === currentBusinessId);
  if (memberships.length < 2) {
    return (
      <span className="font-medium text-slate-800">
        <span className="sr-only">Business: </span>
        {current?.businessName}
      </span>
    );
  }
  return (
    <label className="flex items-center gap-2">
      <span className="sr-only">Business</span>
      <select
        value={currentBusinessId}
        disabled={pending}
        aria-busy={pending || undefined}
        onChange={(event) => {
          const businessId = event.target.value;
          startTransition(() => switchBusinessAction(businessId));
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium"
      >
        {memberships.map((m) => (
          <option key={m.businessId} value={m.businessId}>
            {m.businessName} ({ROLE_LABELS[m.role]})
          </option>
        ))}
      </select>
    </label>
  );
}
