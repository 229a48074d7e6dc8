'use client';

import { lazy, Suspense, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

// The form (its fields and the form code) loads when "Add endpoint" is pressed, not with the page.
const WebhookEndpointForm = lazy(() =>
  import('./webhook-endpoint-form').then((m) => ({ default: m.WebhookEndpointForm })),
);

/**
 * "Add endpoint": a disclosure button that opens the endpoint form (the focus goes to its URL). On
 * success the action opens the new endpoint's page, where its signing secret can be revealed.
 */
export function AddEndpointSection() {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  return (
    <div>
      <Button
        ref={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Add endpoint
      </Button>
      <div
        id={panelId}
        hidden={!open}
        className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {open ? (
          <Suspense>
            <WebhookEndpointForm onCancel={close} focusOnMount />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
