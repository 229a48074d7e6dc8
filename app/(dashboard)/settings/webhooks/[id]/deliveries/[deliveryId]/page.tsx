import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryAttempts } from '@/components/webhooks/delivery-attempts';
import { requireMember } from '@/lib/auth/member';
import { getWebhookDelivery } from '@/lib/webhooks/data-delivery-log';

export const metadata: Metadata = { title: 'Webhook delivery' };

/** One delivery of an endpoint: the event's body as sent, and every attempt with its answer. */
export default async function WebhookDeliveryPage({
  params,
}: {
  params: Promise<{ id: string; deliveryId: string }>;
}) {
  const { id, deliveryId } = await params;
  const member = await requireMember('webhooks:manage');
  const found = await getWebhookDelivery(member, id, deliveryId);
  if (!found) notFound();
  return (
    <div className="space-y-8">
      <div>
        <Link
          href={`/settings/webhooks/${id}#deliveries-heading`}
          className="text-sm text-indigo-700 underline"
        >
          Back to the endpoint
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-all">
          {found.delivery.eventType}
        </h1>
        <p className="mt-1 font-mono text-sm break-all text-slate-600">
          webhook-id {found.delivery.eventId}
        </p>
      </div>
      <DeliveryAttempts
        endpointId={id}
        delivery={found.delivery}
        payload={found.payload}
        attempts={found.attempts}
      />
    </div>
  );
}
