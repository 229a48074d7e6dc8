import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getCustomer } from '@/lib/customers/data';

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The page looks the customer up too. Looked up here as well because a layout runs before the
// segment's loading state starts the response: a customer that does not exist (or is another
// business's) answers a real 404, not a 200 with "Not found" in it.
export default async function CustomerLayout({ children, params }: Props) {
  const { id } = await params;
  const member = await requireMember();
  if (!/^[A-Za-z0-9_]{1,64}$/.test(id) || !(await getCustomer(member, id))) notFound();
  return children;
}
