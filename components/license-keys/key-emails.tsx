import { formatInstant } from '@/lib/format';
import type { KeyEmailView } from '@/lib/license-keys/email-schema';
import { RefreshWhileQueued, RetryEmailButton } from './retry-email-button';

/** The key's emails, newest first, each with its state: queued, sent (when), failed (why) + Retry. */
export function KeyEmails({
  licenseKeyId,
  emails,
  canRetry,
}: {
  licenseKeyId: string;
  emails: KeyEmailView[];
  canRetry: boolean;
}) {
  if (emails.length === 0) {
    return <p className="text-sm text-slate-600">No email of this key has been sent yet.</p>;
  }
  return (
    <>
      <ul aria-live="polite" className="divide-y divide-slate-100 text-sm">
        {emails.map((email) => (
          <li key={email.id} className="py-2">
            <p className="break-all text-slate-900">
              To {email.to}
              <span className="text-slate-600">
                {' '}
                · queued{' '}
                <time dateTime={email.createdAt.toISOString()}>
                  {formatInstant(email.createdAt)}
                </time>
              </span>
            </p>
            <State licenseKeyId={licenseKeyId} email={email} canRetry={canRetry} />
          </li>
        ))}
      </ul>
      <RefreshWhileQueued queued={emails.some((email) => email.state === 'queued')} />
    </>
  );
}

function State({
  licenseKeyId,
  email,
  canRetry,
}: {
  licenseKeyId: string;
  email: KeyEmailView;
  canRetry: boolean;
}) {
  if (email.state === 'sent' && email.sentAt) {
    return (
      <p className="font-medium text-emerald-800">
        Sent <time dateTime={email.sentAt.toISOString()}>{formatInstant(email.sentAt)}</time>
      </p>
    );
  }
  if (email.state === 'failed') {
    return (
      <div className="mt-1 space-y-2">
        <p className="font-medium break-words text-red-700">Failed: {email.lastError}</p>
        {canRetry ? (
          <RetryEmailButton licenseKeyId={licenseKeyId} messageId={email.id} to={email.to} />
        ) : null}
      </div>
    );
  }
  return (
    <p className="font-medium text-slate-700">
      Queued
      {email.retryAt ? (
        <span className="font-normal break-words text-slate-600">
          {' '}
          · the last try failed ({email.lastError}); next try{' '}
          <time dateTime={email.retryAt.toISOString()}>{formatInstant(email.retryAt)}</time>
        </span>
      ) : null}
    </p>
  );
}
