'use client';

import Link from 'next/link';
import { useOptimistic, useTransition } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { switchBusinessAction } from '@/lib/auth/actions';
import { ROLE_LABELS, type MemberRole } from '@/lib/auth/permissions';

type Props = {
  currentBusinessId: string;
  memberships: { businessId: string; businessName: string; role: MemberRole }[];
};

/**
 * Beside the business: anyone signed in may make another one, and becomes its owner. In the one-row
 * header (lg and wider) it is a "+" button whose name stays "New business"; in the menu, words.
 */
function NewBusinessLink() {
  return (
    <Link
      href="/businesses/new"
      title="New business"
      className="inline-flex shrink-0 items-center text-indigo-700 underline-offset-2 hover:text-indigo-900 hover:underline lg:size-7 lg:justify-center lg:rounded-md lg:border lg:border-slate-300 lg:hover:bg-slate-50 lg:hover:no-underline"
    >
      <span aria-hidden="true" className="hidden text-lg leading-none lg:inline">
        +
      </span>
      <span className="lg:sr-only">New business</span>
    </Link>
  );
}

/**
 * Shows the current business and a "New business" link; with more than one membership, switches
 * between them. While a
 * switch runs the choice stays shown with a spinner beside it, the select keeps its name and the
 * focus (`aria-disabled`, not `disabled`), and further changes are ignored.
 */
export function BusinessSwitcher({ currentBusinessId, memberships }: Props) {
  const [pending, startTransition] = useTransition();
  const [shownId, showId] = useOptimistic(currentBusinessId);
  const current = memberships.find((m) => m.businessId === currentBusinessId);
  if (memberships.length < 2) {
    return (
      <span className="flex min-w-0 items-center gap-3">
        <span className="font-medium text-slate-800">
          <span className="sr-only">Business: </span>
          {current?.businessName}
        </span>
        <NewBusinessLink />
      </span>
    );
  }
  const chosen = memberships.find((m) => m.businessId === shownId);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <label className="min-w-0">
        <span className="sr-only">Business</span>
        <select
          value={shownId}
          aria-disabled={pending || undefined}
          aria-busy={pending || undefined}
          onChange={(event) => {
            if (pending) return;
            const businessId = event.target.value;
            startTransition(async () => {
              showId(businessId);
              await switchBusinessAction(businessId);
            });
          }}
          className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium aria-disabled:cursor-wait aria-disabled:opacity-60"
        >
          {memberships.map((m) => (
            <option key={m.businessId} value={m.businessId}>
              {m.businessName} ({ROLE_LABELS[m.role]})
            </option>
          ))}
        </select>
      </label>
      {pending ? <Spinner /> : null}
      <span role="status" className="sr-only">
        {pending && chosen ? `Switching to ${chosen.businessName}…` : ''}
      </span>
      <NewBusinessLink />
    </span>
  );
}
