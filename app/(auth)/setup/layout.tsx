import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { hasOwner } from '@/lib/businesses/data-setup';

// Checked here, not only in the page: a layout runs before the segment's loading state starts the
// response, so an installation that has an owner answers /setup with a real 404.
export default async function SetupLayout({ children }: { children: ReactNode }) {
  if (await hasOwner()) notFound();
  return children;
}
