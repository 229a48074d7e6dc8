import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getWebhookDelivery } from '@/lib/webhooks/data-delivery-log';

type Props = { children: ReactNode; params: Promise<{ id: string; deliveryId: string }> };

// Looked up here as well as in the page because a layout runs before the segment's loading state
// starts the response: a delivery that does not exist (purged, or another business's) is a real 404.
export default async function WebhookDeliveryLayout({ children, params }: Props) {
  const { id, deliveryId } = await params;
  const member = await requireMember('webhooks:manage');
  if (!(await getWebhookDelivery(member, id, deliveryId))) notFound();
  return children;
}
