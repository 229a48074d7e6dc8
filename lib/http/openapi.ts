import { z } from 'zod';
import { querySchemas, requestSchemas, responseSchemas } from './openapi-components';
import { API_OPERATIONS, TAGS, type ApiOperation } from './openapi-operations';

// The OpenAPI 3.1 document of the REST API, generated from the Zod schemas the route handlers parse
// bodies and queries with (io: 'input') and the serializers' answer schemas (io: 'output').
// No server imports: the docs page and GET /api/openapi.json both render it.

export type JsonSchema = { [key: string]: unknown };

const API_DESCRIPTION = [
  'The REST API of Keydesk, compatible with the license-key endpoints of the Dodo Payments API: the official `dodopayments` SDK works against it with `baseURL` set to this server’s `/api`.',
  'Authenticate with an API key of your business (Settings → API keys) as `Authorization: Bearer kd_live_…`; a read-only key may only read. The /licenses endpoints are public: shipped software calls them with the license key alone.',
  'Lists take `page_number` (from 0) and `page_size` (1 to 100, default 10) and answer `{ "items": [...] }`, newest first; the webhook list, as Dodo’s, takes `limit` and `iterator` and answers `{ "data": [...], "iterator", "done" }`.',
  'Errors answer `{ "code", "message" }`; every answer carries `x-request-id`.',
].join('\n\n');

/** The OpenAPI 3.1 document of /api. Pure: the same document every time. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of API_OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method] = buildOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Keydesk API', version: '1.0.0', description: API_DESCRIPTION },
    servers: [{ url: '/api', description: 'This Keydesk server.' }],
    security: [{ bearerAuth: [] }],
    tags: TAGS.map((tag) => ({ ...tag })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key of your business (Settings → API keys), e.g. `Authorization: Bearer kd_live_…`.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Any unique string (a UUID). For 24 hours, the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) instead of doing it again; with a different request it is refused (422).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        RequestId: {
          description: 'Identifies this request in Keydesk’s logs: quote it to support.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer', minimum: 1 },
        },
        IdempotentReplayed: {
          description:
            '`true` when the answer is a replay of an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      schemas: {
        ...componentSchemas(requestSchemas, 'input'),
        ...componentSchemas(responseSchemas, 'output'),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

const REF_PREFIX = '#/components/schemas/';

/** One Zod registry per direction: schemas registered there become components, and $refs elsewhere. */
function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `${REF_PREFIX}${id}`,
  });
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => [id, tidy(schema, io)]),
  ) as Record<string, JsonSchema>;
}

const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * Removes what only adds noise to a document: per-schema `$schema`/`$id` (the document's dialect
 * is 3.1's), the long date-time regex next to `format: date-time`, the safe-integer bounds every
 * `.int()` carries, and, in answers, `additionalProperties: false` (answers may gain fields).
 */
function tidy(value: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(value)) return value.map((item) => tidy(item, io));
  if (!value || typeof value !== 'object') return value;
  const result: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'pattern' && (value as JsonSchema).format === 'date-time') continue;
    if ((key === 'maximum' || key === 'minimum') && SAFE_INTEGER_BOUNDS.has(child as number)) {
      continue;
    }
    if (key === 'additionalProperties' && child === false && io === 'output') continue;
    result[key] = tidy(child, io);
  }
  return result;
}

/** The parameters of a query schema: its properties, in declaration order. */
function queryParameters(name: keyof typeof querySchemas) {
  const schema = tidy(z.toJSONSchema(querySchemas[name], { io: 'input' }), 'input') as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([param, { description, ...rest }]) => ({
    name: param,
    in: 'query',
    required: schema.required?.includes(param) ?? false,
    ...(description ? { description } : {}),
    schema: rest,
  }));
}

const ref = (name: string) => ({ $ref: `${REF_PREFIX}${name}` });

function jsonContent(schema: JsonSchema) {
  return { 'application/json': { schema } };
}

const requestIdHeader = { 'x-request-id': { $ref: '#/components/headers/RequestId' } };

function buildOperation(operation: ApiOperation) {
  const parameters = [
    ...(operation.pathParameter
      ? [
          {
            name: operation.pathParameter.name,
            in: 'path',
            required: true,
            description: operation.pathParameter.description,
            schema: { type: 'string' },
          },
        ]
      : []),
    ...(operation.query ? queryParameters(operation.query) : []),
    ...(operation.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const successHeaders = {
    ...requestIdHeader,
    ...(operation.idempotent
      ? { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } }
      : {}),
  };
  const responses: Record<string, unknown> = {};
  for (const success of operation.success) {
    responses[String(success.status)] = {
      description: success.description,
      headers: successHeaders,
      content: jsonContent(ref(success.schema)),
    };
  }
  for (const [status, codes] of Object.entries(errorsOf(operation))) {
    responses[status] = {
      description: codes.map(({ code, text }) => `${code}: ${text}`).join('\n'),
      headers: {
        ...requestIdHeader,
        ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } : {}),
      },
      content: jsonContent(ref('Error')),
    };
  }
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    ...(operation.auth === 'public' ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: jsonContent(ref(operation.body)) } }
      : {}),
    responses,
  };
}

type ErrorCode = { code: string; text: string };

/** The errors an operation can answer, by status: those its options imply, then its own. */
function errorsOf(operation: ApiOperation): Record<string, ErrorCode[]> {
  const errors: Record<string, ErrorCode[]> = {};
  const add = (status: number, code: string, text: string) =>
    (errors[String(status)] ??= []).push({ code, text });
  if (operation.body) add(400, 'INVALID_JSON', 'The body is not valid JSON.');
  if (operation.idempotent) {
    add(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key is empty or longer than 255 characters.');
  }
  if (operation.auth === 'api_key') {
    add(401, 'UNAUTHORIZED', 'The API key is missing, unknown or revoked.');
  }
  if (operation.access === 'write') add(403, 'FORBIDDEN', 'The API key is read-only.');
  for (const [status, code, text] of operation.errors ?? []) add(status, code, text);
  if (operation.idempotent) {
    add(
      409,
      'IDEMPOTENCY_REQUEST_IN_PROGRESS',
      'A request with this Idempotency-Key is still running; retry in a moment.',
    );
  }
  // MAX_BODY_BYTES of ./api-route.ts (a server module, so not imported here; the test compares).
  if (operation.body) add(413, 'PAYLOAD_TOO_LARGE', 'The body is over 64 KiB.');
  if (operation.body || operation.query) {
    add(
      422,
      'INVALID_REQUEST_BODY',
      'A body field or query parameter is invalid; `errors` names each.',
    );
  }
  if (operation.idempotent) {
    add(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
  }
  if (operation.rateLimited) {
    add(
      429,
      'RATE_LIMIT_EXCEEDED',
      'Too many requests from this address or for this license key; wait Retry-After seconds.',
    );
  }
  add(
    500,
    'INTERNAL_SERVER_ERROR',
    'Unexpected; the message quotes the request id to give support.',
  );
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => Number(a) - Number(b)));
}
