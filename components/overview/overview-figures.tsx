import Link from 'next/link';
import { EXPIRING_SOON_DAYS, type OverviewFigures as Figures } from '@/lib/overview/types';
import { count, keyListHref, keysText } from './key-list-link';

const cardClassName =
  'block h-full min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4 hover:border-indigo-300 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';

/** One figure: a link to the key list showing exactly the keys it counts. */
function Figure(props: { label: string; value: number; href: string; hint?: string }) {
  return (
    <li>
      <Link href={props.href} className={cardClassName}>
        <span className="block text-sm font-medium text-slate-600">{props.label}</span>
        <span className="mt-1 block text-2xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-3xl">
          {count.format(props.value)}
        </span>
        {props.hint ? (
          <span className="mt-1 block text-xs text-slate-600">{props.hint}</span>
        ) : null}
      </Link>
    </li>
  );
}

/** The business's keys now: counts by status, at their limit, expiring soon, activations in use. */
export function OverviewFigures({ figures }: { figures: Figures }) {
  const active = { status: 'active' } as const;
  return (
    <section aria-labelledby="figures-heading" className="space-y-3">
      <h2 id="figures-heading" className="text-lg font-semibold">
        Keys now
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        <Figure label="Active keys" value={figures.active} href={keyListHref(active)} />
        <Figure label="Expired" value={figures.expired} href={keyListHref({ status: 'expired' })} />
        <Figure
          label="Disabled"
          value={figures.disabled}
          href={keyListHref({ status: 'disabled' })}
        />
        <Figure
          label="At activation limit"
          value={figures.atLimit}
          hint="Active keys with no free activation"
          href={keyListHref({ ...active, usage: 'at-limit' })}
        />
        <Figure
          label={`Expiring in the next ${EXPIRING_SOON_DAYS} days`}
          value={figures.expiringSoon}
          hint="Active keys"
          href={keyListHref({ ...active, expires: 'next-30-days' })}
        />
        <ActivationsFigure figures={figures} />
      </ul>
    </section>
  );
}

/** "Activations in use: X of Y" on active keys with a limit, and the unlimited keys beside them. */
function ActivationsFigure({ figures }: { figures: Figures }) {
  const { activationsUsed: used, activationsLimit: limit } = figures;
  const share = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <li className="flex flex-col gap-2">
      <Link
        href={keyListHref({ status: 'active', usage: 'limited' })}
        className={`${cardClassName} grow`}
      >
        <span className="block text-sm font-medium text-slate-600">Activations in use</span>
        <span className="mt-1 block text-2xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-3xl">
          {count.format(used)}{' '}
          <span className="text-base font-medium text-slate-600 sm:text-lg">of</span>{' '}
          {count.format(limit)}
        </span>
        <span className="mt-1 block text-xs text-slate-600">On active keys with a limit</span>
        <Meter share={share} />
      </Link>
      <UnlimitedLink keys={figures.unlimitedKeys} activations={figures.unlimitedActivations} />
    </li>
  );
}

/** A bar filled to `share` percent; its number is the text beside it. */
function Meter({ share }: { share: number }) {
  return (
    <span aria-hidden="true" className="mt-3 block h-2 overflow-hidden rounded-full bg-slate-200">
      <span className="block h-full rounded-full bg-indigo-600" style={{ width: `${share}%` }} />
    </span>
  );
}

function UnlimitedLink({ keys, activations }: { keys: number; activations: number }) {
  return (
    <Link
      href={keyListHref({ status: 'active', usage: 'unlimited' })}
      className="rounded-md px-1 text-sm text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      Plus {keysText(keys)} without a limit
      {keys > 0 ? `, ${count.format(activations)} in use` : ''}
    </Link>
  );
}
