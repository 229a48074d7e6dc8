'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { formatInstant } from '@/lib/format';
import { deactivateInstanceAction } from '@/lib/license-key-instances/actions';
import { licenseKeyUsageQuery, type LicenseKeyUsage } from '@/lib/license-key-instances/queries';

type Instance = LicenseKeyUsage['instances'][number];

const NETWORK_ERROR_MESSAGE =
  'The instance could not be deactivated because the server did not answer. Check your connection and try again.';

const cellClassName = 'px-4 py-3 align-top';

/**
 * The key's instances (where it is activated), newest first, kept current by the page's usage query.
 * Each can be deactivated after a confirmation, which frees its seat.
 */
export function InstancesList({
  licenseKeyId,
  canDeactivate,
}: {
  licenseKeyId: string;
  canDeactivate: boolean;
}) {
  const { data } = useQuery(licenseKeyUsageQuery(licenseKeyId));
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const instances = data?.instances ?? [];

  // The row, and the button that had focus, are gone: keep focus in the section and say what happened.
  function handleGone(message: string) {
    setAnnouncement(message);
    headingRef.current?.focus();
  }

  return (
    <section
      aria-labelledby={headingId}
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="text-sm font-semibold text-slate-700 focus:outline-none"
      >
        Instances
      </h2>
      <p className="mt-1 mb-3 text-sm text-slate-600">
        Where this key is activated. Deactivating an instance frees its seat. Times are in UTC.
      </p>
      {instances.length === 0 ? (
        <p className="text-sm text-slate-600">No activations yet</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Instances of this key, newest first</caption>
            <thead className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Name
                </th>
                <th scope="col" className="px-4 py-2">
                  Activated (UTC)
                </th>
                {canDeactivate ? (
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {instances.map((instance) => (
                <InstanceRow
                  key={instance.id}
                  licenseKeyId={licenseKeyId}
                  instance={instance}
                  canDeactivate={canDeactivate}
                  confirming={confirmingId === instance.id}
                  onConfirmingChange={(on) => {
                    setConfirmingId(on ? instance.id : null);
                    if (on) setAnnouncement('');
                  }}
                  onGone={handleGone}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.instancesCount > instances.length && instances.length > 0 ? (
        <p className="mt-3 text-xs text-slate-600">
          Showing the {instances.length} most recent of {data.instancesCount} instances.
        </p>
      ) : null}
      <p role="status" className="mt-3 text-sm text-slate-700 empty:hidden">
        {announcement}
      </p>
    </section>
  );
}

function InstanceRow({
  licenseKeyId,
  instance,
  canDeactivate,
  confirming,
  onConfirmingChange,
  onGone,
}: {
  licenseKeyId: string;
  instance: Instance;
  canDeactivate: boolean;
  confirming: boolean;
  onConfirmingChange: (confirming: boolean) => void;
  onGone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const deactivateRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const errorId = useId();
  const warningId = useId();
  const createdAt = new Date(instance.createdAt);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) deactivateRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  function deactivate() {
    if (pending) return;
    setError(null);
    startTransition(async () => {
      try {
        const result = await deactivateInstanceAction(licenseKeyId, instance.id);
        if (!result.ok && !('notFound' in result)) {
          setError(result.formError ?? null);
          return;
        }
        // Fetch the usage now (cancelling a poll that might still list the instance): the row goes
        // and the count drops together.
        await queryClient.invalidateQueries({
          queryKey: licenseKeyUsageQuery(licenseKeyId).queryKey,
        });
        onGone(
          result.ok
            ? `Deactivated ${instance.name}.`
            : `${instance.name} was already deactivated: nothing changed.`,
        );
      } catch {
        setError(NETWORK_ERROR_MESSAGE);
      }
    });
  }

  function cancel() {
    if (pending) return;
    returnFocus.current = true;
    setError(null);
    onConfirmingChange(false);
  }

  return (
    <tr>
      <th
        scope="row"
        className={`${cellClassName} text-left font-medium wrap-break-word text-slate-900`}
      >
        {instance.name}
      </th>
      <td className={`${cellClassName} whitespace-nowrap text-slate-700`}>
        <time dateTime={instance.createdAt}>{formatInstant(createdAt)}</time>
      </td>
      {canDeactivate ? (
        <td className={`${cellClassName} text-right`}>
          {confirming ? (
            <div className="ml-auto w-72 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-left">
              <p id={warningId} className="text-sm text-red-900">
                Deactivate “{instance.name}”? Its seat is freed; that device must activate again to
                use the key.
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  ref={confirmRef}
                  type="button"
                  onClick={deactivate}
                  aria-busy={pending || undefined}
                  aria-disabled={pending || undefined}
                  aria-describedby={error ? `${warningId} ${errorId}` : warningId}
                  className="inline-flex items-center gap-2 rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 aria-disabled:cursor-wait"
                >
                  {pending ? <Spinner /> : null}
                  Confirm deactivation<span className="sr-only"> of {instance.name}</span>
                </button>
                <Button variant="secondary" onClick={cancel}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <Button
              ref={deactivateRef}
              variant="secondary"

              aria-describedby={error ? errorId : undefined}
              onClick={() => {
                setError(null);
                onConfirmingChange(true);
              }}
            >
              Deactivate<span className="sr-only"> {instance.name}</span>
            </Button>
          )}
          {error ? (
            <p
              id={errorId}
              role="alert"
              className="mt-2 text-left text-sm font-medium text-red-700"
            >
              {error}
            </p>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
