import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getLicenseKey } from '@/lib/license-keys/data-read';

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The page looks the key up too. Looked up here as well because a layout runs before the
// segment's loading state starts the response: a key that does not exist (or is another
// business's) answers a real 404, not a 200 with "Not found" in it.
export default async function LicenseKeyLayout({ children, params }: Props) {
  const member = await requireMember();
  if (!(await getLicenseKey(member, (await params).id))) notFound();
  return children;
}
