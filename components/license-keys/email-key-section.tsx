'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { useServerAction } from '@/components/ui/use-server-action';
import { emailLicenseKeyAction } from '@/lib/license-keys/actions-email';
import type { KeyEmailPreview } from '@/lib/license-keys/email-schema';

const NETWORK_ERROR_MESSAGE =
  'The email was not queued because the server did not answer. Check your connection and try again.';

type Props = { id: string; preview: KeyEmailPreview; emailConfigured: boolean };

/**
 * "Email key to customer": opens a preview of the message (To, Subject, the text with the key and
 * how to activate it); "Send email" queues it. Without email configured the preview is the text to
 * copy, and says so.
 */
export function EmailKeySection({ id, preview, emailConfigured }: Props) {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { run, pending, error, setError } = useServerAction(NETWORK_ERROR_MESSAGE);
  const panelId = useId();
  const errorId = useId();

  function send() {
    setAnnouncement('');
    run(
      () => emailLicenseKeyAction(id),
      (result) => {
        if (!result.ok) {
          setError(result.formError);
          return;
        }
        setOpen(false);
        setAnnouncement(`Email to ${result.to} queued. Its state shows under Emails.`);
      },
    );
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(`Subject: ${preview.subject}\n\n${preview.text}`);
      setAnnouncement('Message copied to the clipboard.');
    } catch {
      setAnnouncement('Could not copy: select the text and copy it by hand.');
    }
  }

  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setAnnouncement('');
          setOpen(!open);
        }}
      >
        Email key to customer
      </Button>
      <div id={panelId} hidden={!open} className="space-y-3">
        {emailConfigured ? null : (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            Email is not configured on this Keydesk, so nothing can be sent from here. Copy the
            message and send it to the customer yourself.
          </p>
        )}
        <figure
          aria-label="Email preview"
          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
        >
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="font-medium text-slate-700">To</dt>
            <dd className="break-all">{preview.to}</dd>
            <dt className="font-medium text-slate-700">Subject</dt>
            <dd className="break-words">{preview.subject}</dd>
          </dl>
          <pre className="mt-3 font-mono text-xs break-words whitespace-pre-wrap text-slate-900">
            {preview.text}
          </pre>
        </figure>
        <div className="flex flex-wrap gap-2">
          {emailConfigured ? (
            <Button pending={pending} aria-describedby={error ? errorId : undefined} onClick={send}>
              Send email
            </Button>
          ) : null}
          <Button variant="secondary" onClick={copy}>
            Copy message
          </Button>
        </div>
        <FieldError id={errorId} message={error ?? undefined} />
      </div>
      <p role="status" className="text-sm text-emerald-800 empty:hidden">
        {announcement}
      </p>
    </div>
  );
}
