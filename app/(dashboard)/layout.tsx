import Link from 'next/link';
import type { ReactNode } from 'react';
import { DashboardNav } from '@/components/layout/dashboard-nav';
import { requireBusiness } from '@/lib/auth/current-business';
import { getBusinessName } from '@/lib/businesses/data';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { businessId } = await requireBusiness();
  const businessName = (await getBusinessName(businessId)) ?? 'Unknown business';
  return (
    <>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/license-keys" className="text-lg font-semibold tracking-tight">
            Keydesk
          </Link>
          <DashboardNav />
          <p className="ml-auto text-sm text-slate-600">
            <span className="sr-only">Business: </span>
            {businessName}
          </p>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
