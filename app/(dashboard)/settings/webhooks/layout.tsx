import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';

// The pages check this permission too. Checked here as well because a layout runs before the
// segment's loading state starts the response: a member without it gets a real 403, not a 200.
export default async function WebhooksLayout({ children }: { children: ReactNode }) {
  await requireMember('webhooks:manage');
  return children;
}
