'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { SkeletonForm } from '@/components/ui/skeleton';
import type { WebhookEndpointForm as Form } from './webhook-endpoint-form';

// The endpoint page's form is rendered with the page (the server sends its HTML), but its code
// (the form machinery, the fields) is fetched once the page has loaded, not with it: the page's
// first-load JavaScript stays within the dashboard's budget, with room for the delivery log.
const WebhookEndpointForm = lazy(() =>
  import('./webhook-endpoint-form').then((m) => ({ default: m.WebhookEndpointForm })),
);

/** The endpoint page's URL, description and event types, with "Save endpoint". */
export function EndpointSettingsForm(props: ComponentProps<typeof Form>) {
  return (
    <Suspense fallback={<SkeletonForm fields={3} />}>
      <WebhookEndpointForm {...props} />
    </Suspense>
  );
}
