'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { labelClassName } from '@/components/ui/form-styles';

/**
 * Shows a new API key's secret, the one time it exists outside the server. The textbox gets the
 * focus (and selects the secret) when it appears, so keyboard and screen-reader users land on it.
 */
export function NewApiKeyNotice({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [secret]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setMessage('API key copied to the clipboard.');
    } catch {
      setMessage('Could not copy: select the key and copy it by hand.');
    }
  }

  return (
    <section
      aria-labelledby="new-api-key-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h3 id="new-api-key-heading" className="text-base font-semibold text-slate-900">
        Copy your new API key
      </h3>
      <p id="new-api-key-warning" className="mt-1 text-sm text-amber-950">
        This is the secret of “{name}”. Copy it now and keep it somewhere safe: it will not be shown
        again. If it is lost, revoke the key and create another.
      </p>
      <label htmlFor="new-api-key" className={`${labelClassName} mt-3`}>
        New API key
      </label>
      <input
        ref={inputRef}
        id="new-api-key"
        type="text"
        readOnly
        value={secret}
        aria-describedby="new-api-key-warning"
        autoComplete="off"
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
      />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button onClick={copy}>Copy API key</Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
        <span role="status" className="text-sm text-slate-700">
          {message}
        </span>
      </div>
    </section>
  );
}
