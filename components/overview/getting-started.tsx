import Link from 'next/link';
import type { ReactNode } from 'react';
import { can, type MemberRole } from '@/lib/auth/permissions';
import type { Overview } from '@/lib/overview/types';
import { count } from './key-list-link';

type Step = { title: string; href: string | null; done: boolean; text: ReactNode };

/** What a business with no key yet does first, step by step, by what it already has (`totals`). */
export function GettingStarted({
  businessName,
  role,
  totals,
}: {
  businessName: string;
  role: MemberRole;
  totals: Overview['totals'];
}) {
  const hasProduct = totals.products > 0;
  const steps: Step[] = [
    {
      title: 'Create a product',
      href: can(role, 'products:create') ? '/products/new' : null,
      done: hasProduct,
      text: hasProduct
        ? `${count.format(totals.products)} ${totals.products === 1 ? 'product' : 'products'} so far.`
        : can(role, 'products:create')
          ? 'What you sell: its name, and the defaults of its keys (activations, lifetime, prefix).'
          : 'Every key belongs to a product: ask an owner or admin of the business to create one.',
    },
    {
      title: 'Issue or import a key',
      href: '/license-keys/new',
      done: totals.keys > 0,
      text: 'Generate a key for a customer, or bring in one your customer already has.',
    },
  ];
  if (can(role, 'api-keys:manage')) {
    steps.push({
      title: 'Create an API key',
      href: '/settings/api-keys',
      done: totals.apiKeys > 0,
      text:
        totals.apiKeys > 0
          ? 'Your systems can issue keys and check licenses.'
          : 'So that your store or backend issues keys and your app checks them, through the API.',
    });
  }
  return (
    <section
      aria-labelledby="getting-started-heading"
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="getting-started-heading" className="text-lg font-semibold">
        Get started
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {businessName} has no license keys yet. The figures and charts appear with the first one.
      </p>
      <ol className="mt-4 space-y-3">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-3">
            <span
              aria-hidden="true"
              className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
                step.done ? 'bg-green-700 text-white' : 'bg-slate-100 text-slate-700'
              }`}
            >
              {step.done ? '✓' : index + 1}
            </span>
            <div className="min-w-0">
              {step.done ? (
                <p className="font-medium text-slate-900">
                  {step.title} <span className="text-sm font-normal text-green-800">(done)</span>
                </p>
              ) : step.href ? (
                <Link
                  href={step.href}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                >
                  {step.title}
                </Link>
              ) : (
                <p className="font-medium text-slate-900">{step.title}</p>
              )}
              <p className="text-sm text-slate-600">{step.text}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
