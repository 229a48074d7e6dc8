import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getWebhookEndpoint } from '@/lib/webhooks/data-endpoints';

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The page looks the endpoint up too. Looked up here as well because a layout runs before the
// segment's loading state starts the response: an endpoint that does not exist (or is another
// business's) gets a real 404.
export default async function WebhookEndpointLayout({ children, params }: Props) {
  const member = await requireMember('webhooks:manage');
  if (!(await getWebhookEndpoint(member, (await params).id))) notFound();
  return children;
}
