import { Button } from '@/components/ui/button';

/**
 * What a person sees when a page fails unexpectedly: a plain message, never the error's text or
 * stack, and the reference the server logged the error under (Next's `digest`), to quote to support.
 */
export function ErrorNotice({ digest, onRetry }: { digest?: string; onRetry: () => void }) {
  return (
    <div role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        This page could not be shown. Please try again; if it keeps happening, contact support
        {digest ? (
          <>
            {' '}
            with reference <span className="font-mono">{digest}</span>
          </>
        ) : null}
        .
      </p>
      <Button variant="secondary" onClick={onRetry} className="mt-4">
        Try again
      </Button>
    </div>
  );
}
