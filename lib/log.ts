import { randomBytesFromPool } from '@/lib/ids';

/** A short id that ties what a user is told to the log line about it, e.g. `req_8f3k2m9q1x7c`. */
export function newRequestId(): string {
  return `req_${randomBytesFromPool(9).toString('base64url')}`;
}

/** A license key as lists and logs may show it: at most its last four characters, never the whole key. */
export function maskLicenseKey(key: string): string {
  // 4 trailing characters of a long key, 2 of a short one, and always fewer than all of them.
  const shown = key.length > 8 ? 4 : Math.min(2, key.length - 1);
  return shown > 0 ? `••••${key.slice(-shown)}` : '••••';
}

/** Removes every given secret from a text, keeping only its masked form. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((out, secret) => {
      const parts = out.split(secret);
      const masked = parts.join(maskLicenseKey(secret));
      // A mask's visible tail can join the text after it into the secret again (the key ABCDAB in
      // ABCDABCDAB gives ••••AB + CDAB); a mask without a tail cannot.
      return masked.includes(secret) ? parts.join('••••') : masked;
    }, text);
}

/**
 * Logs an unexpected error as one JSON line with its request id. `secrets` (license keys the request
 * carried) are masked wherever they appear: in the message, the stack or the context.
 */
export function logUnexpectedError(
  requestId: string,
  error: unknown,
  context: Record<string, unknown> = {},
  secrets: readonly string[] = [],
): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const entry = {
    level: 'error',
    time: new Date().toISOString(),
    requestId,
    message: err.message,
    name: err.name,
    code: (err as { code?: unknown }).code,
    stack: err.stack,
    ...context,
  };
  // Redact inside every string before serializing, so that JSON escaping cannot hide a key.
  console.error(
    JSON.stringify(entry, (_key, value) =>
      typeof value === 'string' ? redact(value, secrets) : value,
    ),
  );
}

export function genericErrorMessage(requestId: string): string {
  return `Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, contact support with reference ${requestId}.`;
}
