'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { hintClassName } from '@/components/ui/form-styles';
import { useServerAction } from '@/components/ui/use-server-action';
import { startImportAction } from '@/lib/imports/actions';

const number = new Intl.NumberFormat('en-US');

/**
 * "Import N keys" (N: the keys to create and to update): starts the import of the checked file;
 * the page then follows its progress. With nothing to import it is disabled, and says why.
 */
export function StartImportButton({ jobId, keys }: { jobId: string; keys: number }) {
  const { run, pending, error, setError } = useServerAction(
    'The import did not start because the server did not answer. Check your connection and try again.',
  );
  const id = useId();
  const label = `Import ${number.format(keys)} ${keys === 1 ? 'key' : 'keys'}`;

  function start() {
    run(
      () => startImportAction(jobId),
      // On success the page is rendered again, in its importing state.
      (result) => {
        if (!result.ok) setError(result.formError);
      },
    );
  }

  return (
    <div className="space-y-2">
      <Button
        pending={pending}
        disabled={keys === 0}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].join(' ').trim()}
        onClick={start}
      >
        {label}
      </Button>
      <p id={`${id}-hint`} className={hintClassName}>
        {keys === 0
          ? 'Nothing to import: every row is already in Keydesk, a conflict or an error. Change how the file is read, or fix the file and upload it again.'
          : 'Rows with errors and conflicts are left out. The import runs in the background: you can leave this page.'}
      </p>
      <FieldError id={`${id}-error`} message={error ?? undefined} />
    </div>
  );
}
