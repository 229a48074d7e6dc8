import { describeActor, type AuditEventView } from '@/lib/audit/describe';
import type { LicenseKeySource } from '@/lib/license-keys/status';
import { Instant } from '@/components/ui/instant';

const PHRASES: Record<string, string> = {
  'license_key.issued': 'Issued by',
  'license_key.imported': 'Imported by',
  'license_key.disabled': 'Disabled by',
  'license_key.enabled': 'Enabled by',
};

/** "Issued by", "Disabled by"; an action without a phrase reads as its summary: "Activated … by". */
export function historyPhrase(event: Pick<AuditEventView, 'action' | 'summary'>): string {
  return PHRASES[event.action] ?? `${event.summary} by`;
}

/**
 * A key's history, oldest first: "Issued by Sam Rivera (support) · 26 Nov 2026, 21:55 UTC".
 * Keys from checkout start with that; keys older than the audit trail have no recorded history.
 */
export function KeyHistory({
  events,
  source,
  paymentId,
  createdAt,
}: {
  events: AuditEventView[];
  source: LicenseKeySource;
  paymentId: string | null;
  createdAt: Date;
}) {
  const fromCheckout =
    source === 'auto' ? (
      <>
        Issued automatically at checkout
        {paymentId ? (
          <>
            {' '}
            for payment <span className="font-mono">{paymentId}</span>
          </>
        ) : null}{' '}
        · <Instant className="text-slate-600" date={createdAt} />
      </>
    ) : null;

  if (events.length === 0) {
    return (
      <div className="space-y-1 text-sm">
        {fromCheckout ? <p>{fromCheckout}</p> : null}
        <p className="text-slate-600">No recorded history</p>
      </div>
    );
  }
  return (
    <ol className="space-y-2 text-sm">
      {fromCheckout ? <li>{fromCheckout}</li> : null}
      {events.map((event) => (
        <li key={event.id}>
          {historyPhrase(event)} {describeActor(event)} ·{' '}
          <Instant className="text-slate-600" date={event.createdAt} />
        </li>
      ))}
    </ol>
  );
}
