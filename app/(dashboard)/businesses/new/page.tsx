import type { Metadata } from 'next';
import { CreateBusinessForm } from '@/components/businesses/create-business-form';
import { requireMember } from '@/lib/auth/member';

export const metadata: Metadata = { title: 'New business' };

export default async function NewBusinessPage() {
  const member = await requireMember();
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">New business</h1>
      <p className="mt-1 mb-6 max-w-prose text-sm text-slate-600">
        A business of its own: its own products, customers, keys, team and API keys. You will be its
        owner; {member.businessName} stays as it is, and the business switcher goes between them.
      </p>
      <CreateBusinessForm />
    </>
  );
}
