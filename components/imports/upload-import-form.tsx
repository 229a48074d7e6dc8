'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { describedBy, hintClassName, labelClassName } from '@/components/ui/form-styles';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatFileSize } from '@/lib/imports/progress';
import { NO_FILE_MESSAGE, uploadFileProblem, uploadRefusalMessage } from '@/lib/imports/upload';

const NETWORK_ERROR_MESSAGE =
  'The upload stopped because the server did not answer. Check your connection and try again.';

type Sent = { loaded: number; total: number };

/**
 * "CSV file" and "Upload file": the file is checked here first (a CSV file of at most 50 MB), then
 * sent as the body of a POST to /internal/imports with XMLHttpRequest, whose upload events drive
 * "Upload progress". Once the server has read it, its import page opens (the mapping step). A
 * refusal, the browser's or the server's, shows on the file field, which gets the focus.
 */
export function UploadImportForm() {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-file`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [status, setStatus] = useState('');
  const [opening, setOpening] = useState(false);
  // The file field is disabled while a file goes up: it takes the focus once enabled again.
  const [focusRequest, setFocusRequest] = useState(0);
  // Until the page has hydrated the form cannot upload: its controls wait, disabled.
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);
  const uploading = sent !== null;

  useEffect(() => () => request.current?.abort(), []);
  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  function refuse(message: string) {
    request.current = null;
    setSent(null);
    setStatus('');
    setError(message);
    setFocusRequest((n) => n + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.current) return;
    const file = input.current?.files?.[0] ?? null;
    const problem = uploadFileProblem(file);
    if (problem || !file) {
      refuse(problem ?? NO_FILE_MESSAGE);
      return;
    }
    setError(null);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open('POST', '/internal/imports');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (progress) => {
      if (request.current !== xhr) return;
      setSent({
        loaded: progress.loaded,
        total: progress.lengthComputable ? progress.total : file.size,
      });
    };
    xhr.upload.onload = () => {
      if (request.current === xhr) setStatus('File sent. Reading it…');
    };
    xhr.onload = () => {
      if (request.current !== xhr) return;
      const body = xhr.response as { id?: unknown } | null;
      if (xhr.status === 201 && typeof body?.id === 'string') {
        // Stays "uploading" (no second upload) until the import's page has opened.
        setOpening(true);
        setStatus('File uploaded. Opening it…');
        router.push(`/license-keys/import/${encodeURIComponent(body.id)}`);
        return;
      }
      refuse(uploadRefusalMessage(xhr.status, body));
    };
    xhr.onerror = () => {
      if (request.current === xhr) refuse(NETWORK_ERROR_MESSAGE);
    };
    setSent({ loaded: 0, total: file.size });
    setStatus(`Uploading ${file.name}…`);
    xhr.send(file);
  }

  function cancel() {
    const xhr = request.current;
    request.current = null;
    xhr?.abort();
    setSent(null);
    setStatus('Upload cancelled.');
    setFocusRequest((n) => n + 1);
  }

  const percent = sent ? (sent.total > 0 ? (sent.loaded * 100) / sent.total : 100) : 0;

  return (
    <form noValidate onSubmit={submit} className="max-w-[40rem] space-y-4">
      <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-4 border-0 p-0">
        <div>
          <label htmlFor={inputId} className={labelClassName}>
            CSV file
          </label>
          <input
            ref={input}
            id={inputId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            disabled={uploading}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(hintId, error && errorId)}
            onChange={() => setError(null)}
            className={`mt-1 block w-full max-w-full rounded-md border bg-white text-sm text-slate-900 shadow-xs file:mr-3 file:border-0 file:border-r file:border-slate-300 file:bg-slate-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 disabled:cursor-not-allowed disabled:bg-slate-100 ${error ? 'border-red-600 focus-visible:outline-red-600' : 'border-slate-400 focus-visible:outline-indigo-600'}`}
          />
          <p id={hintId} className={hintClassName}>
            UTF-8, with a header row; up to 200,000 rows and 50 MB.
          </p>
          <FieldError id={errorId} message={error ?? undefined} />
        </div>
        {sent ? (
          <div className="space-y-1">
            <ProgressBar
              label="Upload progress"
              percent={percent}
              valueText={`${formatFileSize(sent.loaded)} of ${formatFileSize(sent.total)} sent`}
            />
            <p className="text-sm text-slate-700">
              {formatFileSize(sent.loaded)} of {formatFileSize(sent.total)} sent
            </p>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={uploading}>
            Upload file
          </Button>
          {uploading && !opening ? (
            <Button variant="ghost" onClick={cancel}>
              Cancel upload
            </Button>
          ) : null}
          <p role="status" className="text-sm text-slate-700">
            {status}
          </p>
        </div>
      </fieldset>
    </form>
  );
}

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;
