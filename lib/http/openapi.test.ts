import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ApiLicenseKey } from '@/lib/license-keys/api';
import type { apiLicenseKeySchema } from '@/lib/license-keys/api-schema';
import { buildOpenApiDocument } from './openapi';

type Json = { [key: string]: unknown };
type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, { description: string; headers?: Json; content?: Json }>;
};

const document = buildOpenApiDocument();
const paths = document.paths as Record<string, Record<string, Operation>>;
const operations = Object.entries(paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ route, method, operation })),
);

/** The operations Keydesk's API offers (the brief's list, plus /health and this document). */
const EXPECTED: Record<string, string[]> = {
  '/license_keys': ['post', 'get'],
  '/license_keys/{id}': ['get', 'patch'],
  '/license_key_instances': ['get'],
  '/license_key_instances/{id}': ['get', 'patch'],
  '/licenses/activate': ['post'],
  '/licenses/deactivate': ['post'],
  '/licenses/validate': ['post'],
  '/customers': ['post', 'get'],
  '/customers/{customer_id}': ['get', 'patch'],
  '/products': ['post', 'get'],
  '/products/{id}': ['get', 'patch', 'delete'],
  '/products/{id}/unarchive': ['post'],
  '/webhooks': ['post', 'get'],
  '/webhooks/{webhook_id}': ['get', 'patch', 'delete'],
  '/webhooks/{webhook_id}/secret': ['get'],
  '/health': ['get'],
  '/openapi.json': ['get'],
};

/** Every route handler under app/api: its path (parameters as {}) and exported methods. */
function routeFiles(dir = path.join(process.cwd(), 'app/api')): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== 'route.ts') continue;
    const relative = path.relative(dir, entry.parentPath).split(path.sep).join('/');
    const route = `/${relative}`.replace(/\[[^\]]+\]/g, '{}');
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    found[route] = [
      ...source.matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g),
    ]
      .map((match) => match[1].toLowerCase())
      .sort();
  }
  return found;
}

const withoutParameterNames = (route: string) => route.replace(/\{[^}]+\}/g, '{}');

/** Resolves a local JSON pointer such as #/components/schemas/Customer. */
function resolve(pointer: string): unknown {
  expect(pointer.startsWith('#/')).toBe(true);
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Json)[part] : undefined),
      document,
    );
}

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, refs));
  else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') refs.push(child);
      else collectRefs(child, refs);
    }
  }
  return refs;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with a bearer security scheme', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Keydesk API');
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
  });

  it('has every endpoint with its methods, and nothing else', () => {
    const documented = Object.fromEntries(
      Object.entries(paths).map(([route, methods]) => [route, Object.keys(methods).sort()]),
    );
    expect(documented).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED).map(([route, methods]) => [route, [...methods].sort()]),
      ),
    );
  });

  it('matches the route handlers under app/api, path for path and method for method', () => {
    const documented = Object.fromEntries(
      Object.entries(paths).map(([route, methods]) => [
        withoutParameterNames(route),
        Object.keys(methods).sort(),
      ]),
    );
    expect(documented).toEqual(routeFiles());
  });

  it('gives every operation a unique id, a success answer, its errors and the request id header', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, method, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const where = `${method} ${route}`;
      expect(
        statuses.some((status) => status.startsWith('2')),
        where,
      ).toBe(true);
      expect(statuses, where).toContain('500');
      for (const response of Object.values(operation.responses)) {
        expect(response.description, where).toBeTruthy();
        expect(response.headers, where).toHaveProperty('x-request-id');
        expect(response.content, where).toHaveProperty(['application/json', 'schema', '$ref']);
      }
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const publicRoute =
        route.startsWith('/licenses/') || route === '/health' || route === '/openapi.json';
      expect(isPublic, where).toBe(publicRoute);
      if (!isPublic) expect(statuses, where).toContain('401');
      // Dodo's unarchive is a POST without a body.
      if ((method === 'post' || method === 'patch') && !route.endsWith('/unarchive')) {
        expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '422']));
        expect(operation.requestBody, where).toMatchObject({ required: true });
      }
      if (!isPublic && method !== 'get') expect(statuses, where).toContain('403');
    }
  });

  it('documents Idempotency-Key on the idempotent POSTs and 429 with Retry-After on /licenses/*', () => {
    const idempotent = operations
      .filter(({ operation }) =>
        operation.parameters?.some(
          (parameter) => parameter.$ref === '#/components/parameters/IdempotencyKey',
        ),
      )
      .map(({ method, route }) => `${method} ${route}`)
      .sort();
    expect(idempotent).toEqual([
      'post /customers',
      'post /license_keys',
      'post /licenses/activate',
      'post /licenses/deactivate',
      'post /products',
      'post /products/{id}/unarchive',
      'post /webhooks',
    ]);
    expect(resolve('#/components/parameters/IdempotencyKey')).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
    });
    const limited = operations.filter(({ operation }) => '429' in operation.responses);
    expect(limited.map(({ route }) => route).sort()).toEqual([
      '/licenses/activate',
      '/licenses/deactivate',
      '/licenses/validate',
    ]);
    for (const { operation } of limited) {
      expect(operation.responses['429'].headers).toHaveProperty('Retry-After');
    }
  });

  it('names the 404 and 409 codes of each endpoint', () => {
    const codes = (route: string, method: string, status: string) =>
      paths[route][method].responses[status]?.description ?? '';
    expect(codes('/customers/{customer_id}', 'get', '404')).toContain('CUSTOMER_NOT_FOUND');
    expect(codes('/products/{id}', 'get', '404')).toContain('PRODUCT_NOT_FOUND');
    expect(codes('/license_keys', 'post', '409')).toContain('LICENSE_KEY_ALREADY_EXISTS');
    expect(codes('/licenses/activate', 'post', '422')).toContain('LICENSE_KEY_LIMIT_REACHED');
    expect(codes('/webhooks/{webhook_id}', 'patch', '404')).toContain('WEBHOOK_NOT_FOUND');
    expect(codes('/webhooks', 'post', '422')).toContain('WEBHOOK_URL_PRIVATE');
  });

  it('turns list queries into parameters from the same Zod schemas the handlers parse', () => {
    const parameters = paths['/customers'].get.parameters ?? [];
    expect(parameters.map((parameter) => parameter.name)).toEqual([
      'page_number',
      'page_size',
      'email',
      'name',
      'created_at_gte',
      'created_at_lte',
    ]);
    expect(parameters[0]).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    });
    expect(parameters[4]).toMatchObject({ schema: { type: 'string', format: 'date-time' } });
    const body = resolve('#/components/schemas/CreateCustomerRequest') as Json;
    expect(body.required).toEqual(['name', 'email']);
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(resolve(ref), ref).toBeDefined();
  });

  it('is the same document every time it is generated', () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(document));
  });
});

// The other serializers are declared to return their schema's type (toApiCustomer(): ApiCustomer…),
// so the compiler holds them to it; toApiLicenseKey's type is inferred from its body, so check it.
describe('the license key answer schema and toApiLicenseKey', () => {
  it('agree on every field and type (checked by the type checker)', () => {
    expectTypeOf<ApiLicenseKey>().toEqualTypeOf<z.output<typeof apiLicenseKeySchema>>();
  });
});
