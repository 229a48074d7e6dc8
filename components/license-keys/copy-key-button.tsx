'use client';

import { useState } from 'react';

/** Copies the key to the clipboard and says so in a polite live region. */
export function CopyKeyButton({ licenseKey }: { licenseKey: string }) {
  const [message, setMessage] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(licenseKey);
      setMessage('Key copied to the clipboard.');
    } catch {
      setMessage('Could not copy: select the key and copy it by hand.');
    }
  }

  return (
    <span className="inline-flex items-center gap-3">
      <button
        type="button"
        onClick={copy}
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Copy key
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {message}
      </span>
    </span>
  );
}
