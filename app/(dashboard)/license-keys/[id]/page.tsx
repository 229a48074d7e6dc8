import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { CopyKeyButton } from '@/components/license-keys/copy-key-button';
import { DisableKeyButton } from '@/components/license-keys/disable-key-button';
import { EditKeySection } from '@/components/license-keys/edit-key-section';
import { EmailKeySection } from '@/components/license-keys/email-key-section';
import { InstancesList } from '@/components/license-keys/instances-list';
import { SourceBadge, StatusBadge } from '@/components/license-keys/key-badges';
import { KeyEmails } from '@/components/license-keys/key-emails';
import { KeyHistory } from '@/components/license-keys/key-history';
import { KeyUsageProvider } from '@/components/license-keys/key-usage';
import { LiveActivations } from '@/components/license-keys/live-activations';
import { RenewKeyButton } from '@/components/license-keys/renew-key-button';
import { LinkButton } from '@/components/ui/link-button';
import { PageHeading } from '@/components/ui/page-heading';
import { listObjectHistory } from '@/lib/audit/data';
import { requireMember } from '@/lib/auth/member';
import { can } from '@/lib/auth/permissions';
import { emailIsConfigured } from '@/lib/email/status';
import { formatInstant } from '@/lib/format';
import { getLicenseKeyUsage } from '@/lib/license-key-instances/data';
import { getLicenseKey } from '@/lib/license-keys/data-read';
import { listLicenseKeyEmails, previewLicenseKeyEmail } from '@/lib/license-keys/data-email';
import { renewedExpiry, renewLabel } from '@/lib/license-keys/renewal';
import { getProduct } from '@/lib/products/data';
import { describeDuration } from '@/lib/products/schema';

export const metadata: Metadata = { title: 'License key' };

type Props = {
  params: Promise<{ id: string }>;
  /** `created=1`: the create form sent us here (see createLicenseKeyAction). */
  searchParams: Promise<{ created?: string | string[] }>;
};

export default async function LicenseKeyPage({ params, searchParams }: Props) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const member = await requireMember();
  const { role } = member;
  const canReveal = can(role, 'keys:reveal');
  const [key, history, { usage, readAt }, emailPreview, emails] = await Promise.all([
    getLicenseKey(member, id),
    listObjectHistory(member, 'license_key', id),
    readUsage(member, id),
    canReveal ? previewLicenseKeyEmail(member, id) : null,
    listLicenseKeyEmails(member, id),
  ]);
  if (!key || !usage) notFound();
  const canEdit = can(role, 'keys:edit');
  // Renew needs a key that expires and a product with a key lifetime.
  const product = canEdit && key.expiresAt ? await getProduct(member, key.productId) : null;
  const lifetime = product?.defaultKeyDuration ?? null;
  const issueAnother = `/license-keys/new?${new URLSearchParams({
    customerId: key.customerId,
    productId: key.productId,
  })}`;

  return (
    // The activations count and the instances start from this render, then follow every activation.
    <KeyUsageProvider licenseKeyId={key.id} usage={usage} renderedAt={readAt}>
      <div className="max-w-3xl">
        <p className="mb-2 text-sm">
          <Link href="/license-keys" className="text-indigo-700 underline-offset-2 hover:underline">
            License keys
          </Link>
        </p>
        <PageHeading arrival={created === '1' ? 'License key created' : null}>
          License key for {key.product.name}
        </PageHeading>
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
            <LiveActivations />
          </Term>
          <Term label="Expires">
            {key.expiresAt ? (
              <time dateTime={key.expiresAt.toISOString()}>{formatInstant(key.expiresAt)}</time>
            ) : (
              'Never'
            )}
          </Term>
          <Term label="Customer">
            <Link
              href={`/customers/${encodeURIComponent(key.customerId)}`}
              className="font-medium text-indigo-700 underline-offset-2 hover:underline"
            >
              {key.customer.name}
            </Link>{' '}
            <span className="text-slate-600">&lt;{key.customer.email}&gt;</span>
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
          {key.note ? (
            <Term label="Note">
              <span className="break-all">{key.note}</span>
            </Term>
          ) : null}
        </dl>

        <InstancesList licenseKeyId={key.id} canDeactivate={canEdit} />

        <section
          aria-labelledby="emails-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="emails-heading" className="mb-3 text-sm font-semibold text-slate-700">
            Emails
          </h2>
          {emailPreview ? (
            <div className="mb-4">
              <EmailKeySection
                id={key.id}
                preview={emailPreview}
                emailConfigured={emailIsConfigured()}
              />
            </div>
          ) : null}
          <KeyEmails licenseKeyId={key.id} emails={emails} canRetry={canReveal} />
          <p className="mt-3 text-xs text-slate-600">Newest first. Times are in UTC.</p>
        </section>

        {canEdit ? (
          <EditKeySection
            id={key.id}
            terms={{
              activationsLimit: key.activationsLimit,
              expiresAt: key.expiresAt?.toISOString() ?? null,
            }}
          />
        ) : null}

        {key.expiresAt && lifetime ? (
          <section
            aria-labelledby="renew-heading"
            className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          >
            <h2 id="renew-heading" className="text-sm font-semibold text-slate-700">
              Renew
            </h2>
            <p className="mt-1 mb-3 text-sm text-slate-600">
              Adds the product’s key lifetime, {describeDuration(lifetime)}, to the expiry (to now,
              once the key has expired): the key would then expire on{' '}
              {formatInstant(renewedExpiry(key.expiresAt, lifetime, new Date()))}.
            </p>
            <RenewKeyButton id={key.id} label={renewLabel(lifetime)} />
          </section>
        ) : null}

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

        {can(role, 'keys:issue') ? (
          <p className="mt-6">
            <LinkButton href={issueAnother}>Issue another key</LinkButton>
          </p>
        ) : null}
      </div>
    </KeyUsageProvider>
  );
}

/** The key's usage, and when it was read: numbers the page polls after that instant are newer. */
async function readUsage(member: Parameters<typeof getLicenseKeyUsage>[0], id: string) {
  const readAt = Date.now();
  return { usage: await getLicenseKeyUsage(member, id), readAt };
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-3 text-sm">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}
