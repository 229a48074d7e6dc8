'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

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
      <Button variant="secondary" size="sm" onClick={copy}>
        Copy key
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {message}
      </span>
    </span>
  );
}
