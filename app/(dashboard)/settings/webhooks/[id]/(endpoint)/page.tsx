import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/ui/page-heading';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import { EndpointStatus } from '@/components/webhooks/endpoint-status';
import {
  DeleteEndpointButton,
  EndpointEnableButton,
} from '@/components/webhooks/endpoint-state-buttons';
import { EndpointSettingsForm } from '@/components/webhooks/endpoint-settings-form';
import { WebhookSecretPanel } from '@/components/webhooks/webhook-secret-panel';
import { requireMember } from '@/lib/auth/member';
import { formatInstant } from '@/lib/format';
import { listWebhookDeliveries } from '@/lib/webhooks/data-delivery-log';
import { getWebhookEndpoint } from '@/lib/webhooks/data-endpoints';
import { deliveryFilterSchema } from '@/lib/webhooks/delivery-schema';

export const metadata: Metadata = { title: 'Webhook endpoint' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const sectionClassName = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const member = await requireMember('webhooks:manage');
  const filter = deliveryFilterSchema.parse({
    status: query.status,
    event: query.event,
    before: query.before,
  });
  const [endpoint, log] = await Promise.all([
    getWebhookEndpoint(member, id),
    listWebhookDeliveries(member, id, {
      state: filter.status,
      eventType: filter.event,
      before: filter.before,
    }),
  ]);
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

      <section aria-labelledby="deliveries-heading" className={sectionClassName}>
        <div>
          <h2 id="deliveries-heading" className="text-lg font-semibold">
            Deliveries
          </h2>
          <p className="text-sm text-slate-600">
            Each event is sent until the endpoint answers 2xx within 15 seconds: at once, then after
            5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Kept for 30 days.
          </p>
        </div>
        <DeliveryLog
          endpointId={endpoint.id}
          deliveries={log?.deliveries ?? []}
          next={log?.next ?? null}
          filter={filter}
        />
      </section>
    </div>
  );
}
