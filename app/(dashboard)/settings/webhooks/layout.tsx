import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';

// The pages check this permission too. Checked here as well because a layout runs before the
// segment's loading state starts the response: a member without it gets a real 403, not a 200.
// The list's page and loading state sit in (list)/ so that this segment has no loading state of
// its own: it would wrap [id]/layout.tsx, whose 404 for an endpoint of another business would
// then arrive after a 200 had been sent.
export default async function WebhooksLayout({ children }: { children: ReactNode }) {
  await requireMember('webhooks:manage');
  return children;
}
