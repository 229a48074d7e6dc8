/**
 * An expected API failure: answered as `{ "code": "...", "message": "..." }` with its status, which
 * the dodopayments SDK turns into its typed errors (404 → NotFoundError, 409 → ConflictError, …).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const apiErrors = {
  unauthorized: () =>
    new ApiError(
      401,
      'UNAUTHORIZED',
      'Missing, invalid or revoked API key. Send it as "Authorization: Bearer <key>".',
    ),
  forbidden: (message = 'This API key is read-only.') => new ApiError(403, 'FORBIDDEN', message),
  notFound: (code: string, message: string) => new ApiError(404, code, message),
  conflict: (code: string, message: string) => new ApiError(409, code, message),
  invalid: (message: string, errors?: Record<string, string[]>, code = 'INVALID_REQUEST_BODY') =>
    new ApiError(422, code, message, errors ? { errors } : undefined),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'RATE_LIMIT_EXCEEDED',
      `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
};
