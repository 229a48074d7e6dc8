'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClassName, labelClassName } from '@/components/ui/form-styles';
import { formatInstant } from '@/lib/format';

type Props = {
  url: string;
  email: string;
  expiresAt: string;
  /** The invite email is on its way (email is configured). */
  emailed: boolean;
  onDone: () => void;
};

/**
 * The one-time invite link. Only its hash is stored, so this is the only time it can be shown:
 * the heading takes the focus, so that screen readers read it out at once. With email configured
 * the invite was also mailed to the address; the link stays here to hand over another way.
 */
export function InviteLink({ url, email, expiresAt, emailed, onDone }: Props) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    headingRef.current?.focus();
  }, [url]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied to the clipboard.');
    } catch {
      setMessage('Could not copy: select the link and copy it by hand.');
    }
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="max-w-[40rem] rounded-lg border border-emerald-300 bg-emerald-50 p-4"
    >
      <h3
        id={`${id}-heading`}
        ref={headingRef}
        tabIndex={-1}
        className="text-base font-semibold text-emerald-950 focus:outline-none"
      >
        {emailed ? `Invite emailed to ${email}` : `Invite link for ${email}`}
      </h3>
      <p id={`${id}-note`} className="mt-1 text-sm text-emerald-950">
        {emailed
          ? `Keydesk is sending the invite to ${email}. You can also copy the link below and hand it over yourself; it is shown only once.`
          : `This link is shown only once. Copy it now and send it to ${email} yourself: email is not configured on this Keydesk, so nothing is mailed.`}{' '}
        It works once, until {formatInstant(new Date(expiresAt))}.
      </p>
      <label htmlFor={`${id}-url`} className={`${labelClassName} mt-3`}>
        Invite link
      </label>
      <input
        id={`${id}-url`}
        type="text"
        readOnly
        value={url}
        aria-describedby={`${id}-note`}
        onFocus={(event) => event.currentTarget.select()}
        className={inputClassName(false, 'font-mono')}
      />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button onClick={copy}>Copy link</Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-emerald-950">
          {message}
        </span>
      </div>
    </section>
  );
}
