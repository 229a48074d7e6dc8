import type { ReactNode } from 'react';

/** The frame of the signed-out pages: the product name, a heading and a card. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <p className="text-lg font-semibold tracking-tight">Keydesk</p>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {children}
      </div>
    </main>
  );
}
