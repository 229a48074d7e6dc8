import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getProduct } from '@/lib/products/data';

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The page checks these too. Checked here as well because a layout runs before the segment's
// loading state starts the response: a member without the permission gets a real 403, and a
// product that does not exist (or is another business's) a real 404.
export default async function EditProductLayout({ children, params }: Props) {
  const member = await requireMember('products:edit');
  if (!(await getProduct(member, (await params).id))) notFound();
  return children;
}
