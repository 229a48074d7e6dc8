import { randomBytes } from 'node:crypto';

/** A short id that ties what a user is told to the log line about it, e.g. `req_8f3k2m9q1x7c`. */
export function newRequestId(): string {
  return `req_${randomBytes(9).toString('base64url')}`;
}

/** A license key as lists and logs may show it: only its last four characters. */
export function maskLicenseKey(key: string): string {
  const tail = key.slice(-4);
  return key.length <= 8 ? `••••${key.slice(-2)}` : `••••${tail}`;
}

/** Removes every given secret from a text, keeping only its masked form. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((out, secret) => out.split(secret).join(maskLicenseKey(secret)), text);
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
