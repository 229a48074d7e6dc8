import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';

// The page checks this too. Checked here as well because a layout runs before the segment's
// loading state starts the response: a member without the permission gets a real 403.
export default async function NewProductLayout({ children }: { children: ReactNode }) {
  await requireMember('products:create');
  return children;
}
