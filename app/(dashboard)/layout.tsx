import Link from 'next/link';
import type { ReactNode } from 'react';
import { BusinessSwitcher } from '@/components/layout/business-switcher';
import { DashboardNav } from '@/components/layout/dashboard-nav';
import { HeaderMenu } from '@/components/layout/header-menu';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { requireMember } from '@/lib/auth/member';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const links = [
    { href: '/', label: 'Overview' },
    { href: '/license-keys', label: 'License keys' },
    { href: '/customers', label: 'Customers' },
    { href: '/products', label: 'Products' },
    ...(can(member.role, 'members:manage')
      ? [
          { href: '/activity', label: 'Activity' },
          { href: '/settings/members', label: 'Members' },
        ]
      : []),
    ...(can(member.role, 'api-keys:manage')
      ? [{ href: '/settings/api-keys', label: 'API keys' }]
      : []),
    ...(can(member.role, 'webhooks:manage')
      ? [{ href: '/settings/webhooks', label: 'Webhooks' }]
      : []),
    ...(can(member.role, 'business:manage')
      ? [{ href: '/settings/business', label: 'Business' }]
      : []),
  ];
  return (
    <>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Keydesk
          </Link>
          <HeaderMenu>
            <DashboardNav links={links} />
            <div className="flex min-w-0 flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm lg:ml-auto lg:border-0 lg:pt-0">
              <BusinessSwitcher
                currentBusinessId={member.businessId}
                memberships={member.memberships}
              />
              <span className="text-slate-600">
                {member.name} <span className="sr-only">, role:</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                  {ROLE_LABELS[member.role]}
                </span>
              </span>
              <SignOutButton />
            </div>
          </HeaderMenu>
        </div>
      </header>
      <main id="content" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
