import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';

// The pages check this permission too. Checked here as well because a layout runs before the
// segment's loading state starts the response: a member without it (support) gets a real 403, not a
// 200. The upload page and its loading state sit in (upload)/ so that this segment has no loading
// state of its own: it would wrap [id]/layout.tsx, whose 404 for another business's import would
// then arrive after a 200 had been sent.
export default async function ImportLayout({ children }: { children: ReactNode }) {
  await requireMember('keys:bulk-import');
  return children;
}
