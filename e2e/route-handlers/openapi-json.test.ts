import { afterAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { createTestDatabase } from '@/lib/testing/test-database';

// GET /api/openapi.json through its route handler, in-process. The document itself is tested by
// lib/http/openapi.test.ts.

const document = buildOpenApiDocument();
const paths = document.paths as Record<
  string,
  Record<string, { responses: Record<string, { description: string }> }>
>;

describe('GET /api/openapi.json', async () => {
  const testDb = await createTestDatabase();
  afterAll(() => testDb.cleanup());
  const { GET } = await import('@/app/api/openapi.json/route');

  it('states the body limit api-route.ts enforces', async () => {
    const { MAX_BODY_BYTES } = await import('@/lib/http/api-route');
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
    expect(paths['/customers'].post.responses['413'].description).toContain('64 KiB');
  });

  it('serves the document publicly, cacheable, with a request id', async () => {
    const response = await GET(new Request('http://test/api/openapi.json'), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
