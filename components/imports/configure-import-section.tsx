'use client';

import { lazy, Suspense } from 'react';
import { SkeletonForm } from '@/components/ui/skeleton';
import type { ConfigureImportFormProps } from './configure-import-form';

// The mapping form is rendered with the page (the server sends its HTML), but its code (the form
// machinery) is fetched once the page has loaded, not with it: the import page's first-load
// JavaScript stays within the dashboard's budget.
const ConfigureImportForm = lazy(() =>
  import('./configure-import-form').then((m) => ({ default: m.ConfigureImportForm })),
);

/** The import's mapping step: the columns, the default product, the zone, "Check file". */
export function ConfigureImportSection(props: ConfigureImportFormProps) {
  return (
    <Suspense fallback={<SkeletonForm fields={6} className="max-w-[48rem]" />}>
      <ConfigureImportForm {...props} />
    </Suspense>
  );
}
