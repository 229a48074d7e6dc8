'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The main navigation; the layout passes only the links the member's role may use. */
export function DashboardNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // Tight padding from lg to 2xl: an owner's nine links and the account controls fit one row on a
  // 1366 px laptop (e2e/responsive.spec.ts).
  return (
    <nav aria-label="Main" className="min-w-0">
      <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap lg:gap-0 2xl:gap-0.5">
        {links.map(({ href, label }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 lg:px-1.5 2xl:px-2.5 ${
                  current ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-200'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
