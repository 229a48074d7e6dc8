import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/member';
import { getImportJob } from '@/lib/imports/data-jobs';

type Props = { children: ReactNode; params: Promise<{ id: string }> };

// The page looks the import up too. Looked up here as well because a layout runs before the
// segment's loading state starts the response: an import that does not exist (or is another
// business's) gets a real 404.
export default async function ImportJobLayout({ children, params }: Props) {
  const member = await requireMember('keys:bulk-import');
  if (!(await getImportJob(member, (await params).id))) notFound();
  return children;
}
