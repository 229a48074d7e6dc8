'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { retryLicenseKeyEmailAction } from '@/lib/license-keys/actions-email';

/** "Retry" on a failed email: queues it again. */
export function RetryEmailButton({
  licenseKeyId,
  messageId,
  to,
}: {
  licenseKeyId: string;
  messageId: string;
  to: string;
}) {
  const { run, pending, error, setError } = useServerAction();
  const [announcement, setAnnouncement] = useState('');
  const errorId = useId();

  function retry() {
    setAnnouncement('');
    run(
      () => retryLicenseKeyEmailAction(licenseKeyId, messageId),
      (result) => {
        if (!result.ok) setError(result.formError);
        else setAnnouncement(`Email to ${to} queued again.`);
      },
    );
  }

  return (
    <div>
      <Button
        variant="secondary"
        size="sm"
        pending={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={retry}
      >
        Retry
      </Button>
      <FieldError id={errorId} message={error ?? undefined} />
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {announcement}
      </p>
    </div>
  );
}

/** While an email is queued, the page reloads its data every 2 seconds to show it sent or failed. */
export function RefreshWhileQueued({ queued }: { queued: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!queued) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [queued, router]);
  return null;
}
