import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/ui/page-heading';
import { EndpointStatus } from '@/components/webhooks/endpoint-status';
import {
  DeleteEndpointButton,
  EndpointEnableButton,
} from '@/components/webhooks/endpoint-state-buttons';
import { EndpointSettingsForm } from '@/components/webhooks/endpoint-settings-form';
import { WebhookSecretPanel } from '@/components/webhooks/webhook-secret-panel';
import { requireMember } from '@/lib/auth/member';
import { formatInstant } from '@/lib/format';
import { getWebhookEndpoint } from '@/lib/webhooks/data-endpoints';

export const metadata: Metadata = { title: 'Webhook endpoint' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ added?: string | string[] }>;
};

const sectionClassName = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const member = await requireMember('webhooks:manage');
  const endpoint = await getWebhookEndpoint(member, id);
  if (!endpoint) notFound();
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <p className="mb-2 text-sm">
          <Link
            href="/settings/webhooks"
            className="text-indigo-700 underline-offset-2 hover:underline"
          >
            Webhooks
          </Link>
        </p>
        <PageHeading arrival={query.added ? 'Endpoint added.' : null}>Webhook endpoint</PageHeading>
        <p className="mt-1 font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <EndpointStatus endpoint={endpoint} />
          <span>
            Id <span className="font-mono break-all">{endpoint.id}</span>
          </span>
          <span>
            Added{' '}
            <time dateTime={endpoint.createdAt.toISOString()}>
              {formatInstant(endpoint.createdAt)}
            </time>
          </span>
        </div>
        {endpoint.failingSince ? (
          <p className="mt-2 text-sm text-amber-900">
            Every delivery has failed since{' '}
            <time dateTime={endpoint.failingSince.toISOString()}>
              {formatInstant(endpoint.failingSince)}
            </time>
            .
          </p>
        ) : null}
      </div>

      <section aria-labelledby="endpoint-settings-heading" className={sectionClassName}>
        <h2 id="endpoint-settings-heading" className="text-lg font-semibold">
          Endpoint
        </h2>
        <EndpointSettingsForm
          endpoint={{
            id: endpoint.id,
            url: endpoint.url,
            description: endpoint.description,
            filterTypes: endpoint.filterTypes,
          }}
        />
      </section>

      <section aria-labelledby="endpoint-secret-heading" className={sectionClassName}>
        <div>
          <h2 id="endpoint-secret-heading" className="text-lg font-semibold">
            Signing secret
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Keydesk signs every delivery with this secret (Standard Webhooks headers{' '}
            <code className="font-mono">webhook-id</code>,{' '}
            <code className="font-mono">webhook-timestamp</code> and{' '}
            <code className="font-mono">webhook-signature</code>). Your receiver verifies them with
            it, for example with the Dodo SDK’s{' '}
            <code className="font-mono">client.webhooks.unwrap</code>. Each look at the secret is
            recorded in the activity trail.
          </p>
        </div>
        <WebhookSecretPanel id={endpoint.id} />
      </section>

      <section aria-labelledby="endpoint-state-heading" className={sectionClassName}>
        <div>
          <h2 id="endpoint-state-heading" className="text-lg font-semibold">
            Status
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {endpoint.disabled
              ? 'Disabled: Keydesk sends this endpoint no events.'
              : 'Enabled: Keydesk sends this endpoint the events it asks for.'}
          </p>
        </div>
        <EndpointEnableButton id={endpoint.id} disabled={endpoint.disabled} />
        <div className="border-t border-slate-200 pt-4">
          <DeleteEndpointButton id={endpoint.id} />
        </div>
      </section>

      {/* The delivery log and "Send test event" go here (issue 14, delivery side). */}
      <section aria-labelledby="deliveries-heading" className={sectionClassName}>
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          Deliveries
        </h2>
      </section>
    </div>
  );
}
