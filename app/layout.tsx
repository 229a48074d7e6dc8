import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Keydesk', template: '%s · Keydesk' },
  description: 'Issue, import and follow software license keys.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so that Next can put the nonce of the request's
  // Content-Security-Policy (proxy.ts) on its scripts: a page prerendered at build time has none,
  // and its scripts would be refused. The dashboard's pages are per request anyway (the session).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
