import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { CopyKeyButton } from '@/components/license-keys/copy-key-button';
import { DisableKeyButton } from '@/components/license-keys/disable-key-button';
import { InstancesList } from '@/components/license-keys/instances-list';
import { SourceBadge, StatusBadge } from '@/components/license-keys/key-badges';
import { KeyHistory } from '@/components/license-keys/key-history';
import { LiveActivations } from '@/components/license-keys/live-activations';
import { LinkButton } from '@/components/ui/button';
import { listObjectHistory } from '@/lib/audit/data';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { formatInstant } from '@/lib/format';
import { getLicenseKeyUsage } from '@/lib/license-key-instances/data';
import { licenseKeyUsageState } from '@/lib/license-key-instances/queries';
import { getLicenseKey } from '@/lib/license-keys/data-read';

export const metadata: Metadata = { title: 'License key' };

type Props = { params: Promise<{ id: string }> };

export default async function LicenseKeyPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember();
  const { role } = member;
  const [key, history, usage] = await Promise.all([
    getLicenseKey(member, id),
    listObjectHistory(member, 'license_key', id),
    getLicenseKeyUsage(member, id),
  ]);
  if (!key || !usage) notFound();

  return (
    // The activations count and the instances start from this render, then follow every activation.
    <HydrationBoundary state={licenseKeyUsageState(key.id, usage)}>
      <div className="max-w-3xl">
        <p className="mb-2 text-sm">
          <Link href="/license-keys" className="text-indigo-700 underline-offset-2 hover:underline">
            License keys
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          License key for {key.product.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Issued to {key.customer.name}. Id <span className="font-mono">{key.id}</span>
        </p>

        <section
          aria-labelledby="key-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="key-heading" className="text-sm font-semibold text-slate-700">
            Key
          </h2>
          <p className="mt-2 font-mono text-lg break-all" data-testid="license-key">
            {key.key}
          </p>
          <div className="mt-3">
            <CopyKeyButton licenseKey={key.key} />
          </div>
        </section>

        <dl className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          <Term label="Status">
            <StatusBadge status={key.status} />
          </Term>
          <Term label="Source">
            <SourceBadge source={key.source} />
          </Term>
          <Term label="Activations">
            <LiveActivations licenseKeyId={key.id} />
          </Term>
          <Term label="Expires">
            {key.expiresAt ? (
              <time dateTime={key.expiresAt.toISOString()}>{formatInstant(key.expiresAt)}</time>
            ) : (
              'Never'
            )}
          </Term>
          <Term label="Customer">
            {key.customer.name} <span className="text-slate-600">&lt;{key.customer.email}&gt;</span>
          </Term>
          <Term label="Product">{key.product.name}</Term>
          <Term label="Created">
            <time dateTime={key.createdAt.toISOString()}>{formatInstant(key.createdAt)}</time>
          </Term>
          {key.paymentId ? (
            <Term label="Payment">
              <span className="font-mono">{key.paymentId}</span>
            </Term>
          ) : null}
          {key.subscriptionId ? (
            <Term label="Subscription">
              <span className="font-mono">{key.subscriptionId}</span>
            </Term>
          ) : null}
        </dl>

        <InstancesList licenseKeyId={key.id} canDeactivate={can(role, 'keys:edit')} />

        <section
          aria-labelledby="access-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="access-heading" className="text-sm font-semibold text-slate-700">
            {key.status === 'disabled' ? 'Enable the key' : 'Disable the key'}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">
            {key.status === 'disabled'
              ? 'This key is disabled: it cannot be activated or validated until it is enabled again.'
              : 'A disabled key cannot be activated or validated. You can enable it again at any time.'}
          </p>
          <DisableKeyButton id={key.id} disabled={key.status === 'disabled'} />
        </section>

        <section
          aria-labelledby="history-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="history-heading" className="mb-3 text-sm font-semibold text-slate-700">
            History
          </h2>
          <KeyHistory
            events={history}
            source={key.source}
            paymentId={key.paymentId}
            createdAt={key.createdAt}
          />
          <p className="mt-3 text-xs text-slate-600">Oldest first. Times are in UTC.</p>
        </section>

        <p className="mt-6">
          <LinkButton href="/license-keys/new">Issue another key</LinkButton>
        </p>
      </div>
    </HydrationBoundary>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}
