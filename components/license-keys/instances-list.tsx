'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmPanel, useConfirmFocus } from '@/components/ui/confirm-panel';
import { Cell, RowHeader, Table } from '@/components/ui/table';
import { useServerAction } from '@/components/ui/use-server-action';
import { formatInstant } from '@/lib/format';
import { deactivateInstanceAction } from '@/lib/license-key-instances/actions';
import type { LicenseKeyUsage } from '@/lib/license-key-instances/queries';
import { useKeyUsage } from './key-usage';

type Instance = LicenseKeyUsage['instances'][number];

const NETWORK_ERROR_MESSAGE =
  'The instance could not be deactivated because the server did not answer. Check your connection and try again.';

/**
 * The key's instances (where it is activated), newest first, kept current by the page's usage (./key-usage.tsx).
 * Each can be deactivated after a confirmation, which frees its seat.
 */
export function InstancesList({
  licenseKeyId,
  canDeactivate,
}: {
  licenseKeyId: string;
  canDeactivate: boolean;
}) {
  const { data } = useKeyUsage();
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
      <Table
        caption="Instances of this key, newest first"
        columns={['Name', 'Activated (UTC)', canDeactivate && { label: 'Actions', hidden: true }]}
        rows={instances}
        empty={<p className="text-sm text-slate-600">No activations yet</p>}
        frame="plain"
      >
        {(instance) => (
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
        )}
      </Table>
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
  const { refresh } = useKeyUsage();
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const { confirmRef, askRef, returnFocus } = useConfirmFocus(confirming);
  const errorId = useId();
  const createdAt = new Date(instance.createdAt);

  function deactivate() {
    run(
      () => deactivateInstanceAction(licenseKeyId, instance.id),
      async (result) => {
        if (!result.ok && !('notFound' in result)) {
          setError(result.formError);
          return;
        }
        // Fetch the usage now (cancelling a poll that might still list the instance): the row goes
        // and the count drops together.
        await refresh();
        onGone(
          result.ok
            ? `Deactivated ${instance.name}.`
            : `${instance.name} was already deactivated: nothing changed.`,
        );
      },
    );
  }

  function cancel() {
    returnFocus();
    setError(null);
    onConfirmingChange(false);
  }

  return (
    <tr>
      <RowHeader className="font-medium wrap-break-word text-slate-900">{instance.name}</RowHeader>
      <Cell className="whitespace-nowrap text-slate-700">
        <time dateTime={instance.createdAt}>{formatInstant(createdAt)}</time>
      </Cell>
      {canDeactivate ? (
        <Cell className="text-right">
          {confirming ? (
            <ConfirmPanel
              question={`Deactivate “${instance.name}”? Its seat is freed; that device must activate again to use the key.`}
              confirmLabel={
                <>
                  Confirm deactivation<span className="sr-only"> of {instance.name}</span>
                </>
              }
              onConfirm={deactivate}
              onCancel={cancel}
              pending={pending}
              confirmRef={confirmRef}
              errorId={error ? errorId : undefined}
              className="ml-auto w-72 text-left"
            />
          ) : (
            <Button
              ref={askRef}
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
        </Cell>
      ) : null}
    </tr>
  );
}
