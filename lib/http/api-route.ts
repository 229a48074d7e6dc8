import 'server-only';
import { createHash } from 'node:crypto';
import { apiKeyActor } from '@/lib/auth/api-key';
import { actorCan, NotAllowedError, type Actor } from '@/lib/auth/authorize';
import type { Permission } from '@/lib/auth/permissions';
import { readEnv } from '@/lib/env';
import { logUnexpectedError, newRequestId } from '@/lib/log';
import { ApiError, apiErrors } from './api-error';
import { clientAddress } from './client-address';
import { withIdempotency, type StoredAnswer } from './idempotency';
import { enforceRateLimits, licenseKeyRateLimit, type RateLimit } from './rate-limit';
import { hasNul, parseJson, readBody } from './request-body';
import { transportSecurityHeaders } from './security-headers';

export { MAX_BODY_BYTES } from './request-body';

const NOT_STORED = new Set([
  'INVALID_JSON',
  'INVALID_REQUEST_BODY',
  'RATE_LIMIT_EXCEEDED',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * On the public endpoints, Idempotency-Keys are scoped by the license key the body names (see
 * publicScope), so anyone could file records under made-up keys: a key that does not exist is
 * answered, never kept.
 */
const NOT_STORED_PUBLIC = new Set(['LICENSE_KEY_NOT_FOUND']);

function notStored(error: ApiError, options: Options): boolean {
  return (
    NOT_STORED.has(error.code) || (options.auth === 'public' && NOT_STORED_PUBLIC.has(error.code))
  );
}

export type ApiResult = { status: number; body: unknown };

export type ApiContext<P> = {
  request: Request;
  url: URL;
  requestId: string;
  params: P;
  /** The API key's business and access; null on the public endpoints. */
  actor: Actor | null;
  /** The parsed JSON body ({} when there is none). A body that is not JSON is a 400. */
  body: unknown;
  /** Marks strings (license keys) that must never appear whole in a log line. */
  secret(value: unknown): void;
  /** The client's address (lib/http/client-address.ts), for rate limits and license holders. */
  address: string;
};

type Options = {
  /** `api_key`: merchant endpoints, bearer API key. `public`: what shipped software calls. */
  auth: 'api_key' | 'public';
  /** What the API key must be allowed to do (a read-only key may only read). */
  permission?: Permission;
  /** Accept an Idempotency-Key header (POST endpoints). */
  idempotent?: boolean;
  /**
   * Public endpoints: one shared per-address limit, and the per-license-key limit of the key the
   * body names (`license_key`), counted across processes in one statement.
   */
  rateLimitName?: string;
};

/**
 * Wraps a route handler of the REST API: request id on every answer, API-key authentication,
 * per-address rate limits, JSON parsing, idempotency, and errors as `{ code, message }`.
 * Unexpected errors answer 500 with only the request id, and are logged with it, license keys masked.
 */
export function apiRoute<P = Record<string, never>>(
  options: Options,
  handler: (context: ApiContext<P>) => Promise<ApiResult>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    // Read once a request: reading process.env in the server costs ~7 µs a readEnv (profile).
    const env = readEnv();
    const address = clientAddress(request, env.trustedProxies);
    const secrets: string[] = [];
    const secret = (value: unknown) => {
      if (typeof value === 'string' && value.length > 0) secrets.push(value);
    };
    const url = new URL(request.url);
    try {
      const actor = options.auth === 'api_key' ? await authenticate(request, requestId) : null;
      if (actor && options.permission && !actorCan(actor, options.permission)) {
        throw apiErrors.forbidden();
      }
      const text = await readBody(request);
      const body = await rateLimited(options, env, address, () => parseJson(text));
      collectLicenseKeys(body, secret);
      const params = await context.params;
      // PostgreSQL cannot store or compare text holding U+0000, and no Keydesk field needs it:
      // refuse it on every engine alike, before it reaches a query.
      if (hasNul(body) || hasNul(params) || hasNul([...url.searchParams.values()])) {
        throw new ApiError(
          400,
          'INVALID_CHARACTERS',
          'Text in a request may not contain the NUL character (U+0000).',
        );
      }

      const run = async (): Promise<StoredAnswer> => {
        try {
          const result = await handler({
            request,
            url,
            requestId,
            params,
            actor,
            body,
            secret,
            address,
          });
          return { status: result.status, body: JSON.stringify(result.body) };
        } catch (error) {
          // Expected refusals are answers too: the same request replays them. A request that never
          // started (malformed, invalid, rate limited) is not kept, so it can be corrected and retried.
          if (error instanceof ApiError && !notStored(error, options)) {
            return { status: error.status, body: JSON.stringify(errorBody(error)) };
          }
          throw error;
        }
      };
      const scope = actor ? `business:${actor.businessId}` : publicScope(body);
      const answer = options.idempotent
        ? await withIdempotency(
            scope,
            request.headers.get('idempotency-key'),
            { method: request.method, path: url.pathname, body: text },
            run,
          )
        : { ...(await run()), replayed: false };
      return new Response(answer.status === 204 ? null : answer.body, {
        status: answer.status,
        headers: {
          ...jsonHeaders(requestId, env.publicUrl),
          ...(answer.status >= 400 ? { 'x-should-retry': 'false' } : {}),
          ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
          ...cacheControl(answer.status === 204 ? '' : answer.body),
        },
      });
    } catch (error) {
      return errorResponse(error, requestId, secrets, {
        method: request.method,
        path: url.pathname,
        publicUrl: env.publicUrl,
      });
    }
  };
}

/**
 * The body, parsed, once the request is counted against its rate limits: per address, and per
 * license key when the body names one. A body that is not JSON still counts against the address.
 */
async function rateLimited(
  options: Options,
  env: ReturnType<typeof readEnv>,
  address: string,
  parse: () => unknown,
) {
  if (!options.rateLimitName) return parse();
  const limits: RateLimit[] = [
    {
      key: `${options.rateLimitName}:address:${address}`,
      limit: env.rateLimitPerAddress,
    },
  ];
  let body: unknown;
  try {
    body = parse();
  } catch (error) {
    await enforceRateLimits(limits);
    throw error;
  }
  const licenseKey =
    body && typeof body === 'object' ? (body as Record<string, unknown>).license_key : undefined;
  if (typeof licenseKey === 'string' && licenseKey.length > 0) {
    limits.push(licenseKeyRateLimit(licenseKey, env.rateLimitPerLicenseKey));
  }
  await enforceRateLimits(limits);
  return body;
}

async function authenticate(request: Request, requestId: string): Promise<Actor> {
  const actor = await apiKeyActor(request, requestId);
  if (!actor) throw apiErrors.unauthorized();
  return actor;
}

/** Every `key` / `license_key` string in a body is a secret for logging purposes. */
function collectLicenseKeys(body: unknown, secret: (value: unknown) => void) {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    secret(record.key);
    secret(record.license_key);
  }
}

/**
 * Public callers share no account, so their Idempotency-Keys are scoped by the license key they
 * name: two customers who pick the same Idempotency-Key never see each other's answers.
 */
function publicScope(body: unknown): string {
  const licenseKey =
    body && typeof body === 'object' ? (body as Record<string, unknown>).license_key : undefined;
  const digest = createHash('sha256')
    .update(typeof licenseKey === 'string' ? licenseKey : '')
    .digest('hex');
  return `public:${digest}`;
}

function errorBody(error: ApiError) {
  return { code: error.code, message: error.message, ...error.details };
}

/** Answers up to this size go uncompressed (see cacheControl). */
const UNCOMPRESSED_MAX_BYTES = 12 * 1024;

/**
 * Answers are never cached (they carry license keys). One up to 12 KB is also not compressed
 * (no-transform; Next's compression honours it, and a route handler cannot set Content-Encoding
 * itself, Next drops it): it fits the first round trip of a new connection (TCP's initial window is
 * ten segments, ~14 KB) compressed or not, while Next's compression, a zlib stream per answer, cost
 * the server ~0.45 ms for a default page of ten keys (4.5 KB), a quarter of that request (issue 13's
 * profile). Larger answers, pages of 100 keys, are compressed.
 */
function cacheControl(body: string): Record<string, string> {
  return {
    'cache-control':
      Buffer.byteLength(body) <= UNCOMPRESSED_MAX_BYTES ? 'no-store, no-transform' : 'no-store',
  };
}

function jsonHeaders(requestId: string, publicUrl: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    // Refusals are a few hundred bytes: see cacheControl.
    'cache-control': 'no-store, no-transform',
    'x-request-id': requestId,
    ...transportSecurityHeaders(publicUrl),
  };
}

function errorResponse(
  error: unknown,
  requestId: string,
  secrets: string[],
  request: { method: string; path: string; publicUrl: string },
): Response {
  if (error instanceof ApiError) {
    return Response.json(errorBody(error), {
      status: error.status,
      headers: {
        ...jsonHeaders(requestId, request.publicUrl),
        // 429 and a request still in flight are worth retrying; other refusals are not.
        ...(error.status === 429 || error.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS'
          ? {}
          : { 'x-should-retry': 'false' }),
        ...error.headers,
      },
    });
  }
  if (error instanceof NotAllowedError) {
    const apiError =
      error.reason === 'signed-out' ? apiErrors.unauthorized() : apiErrors.forbidden();
    return errorResponse(apiError, requestId, secrets, request);
  }
  logUnexpectedError(requestId, error, { api: `${request.method} ${request.path}` }, secrets);
  return Response.json(
    {
      code: 'INTERNAL_SERVER_ERROR',
      message: `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
    },
    { status: 500, headers: jsonHeaders(requestId, request.publicUrl) },
  );
}
