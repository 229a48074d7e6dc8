import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/test-database';

// The REST API's wrapper around a public echo handler, on a real database file: bodies that are too
// large or too deep are refused as answers (413, 400), never a 500, and never read whole.
process.env.KEYDESK_RATE_LIMIT_PER_ADDRESS = '0';
const testDb = await createTestDatabase();
afterAll(() => testDb.cleanup());
const { apiRoute } = await import('./api-route');
const { MAX_BODY_BYTES, MAX_JSON_DEPTH } = await import('./request-body');

const echo = apiRoute({ auth: 'public' }, async ({ body }) => ({ status: 200, body }));

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request('http://keydesk.test/api/echo', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  const response = await echo(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

/** A chunked body (no Content-Length) of `total` bytes of JSON text; counts the bytes pulled from it. */
function chunkedBody(total: number, chunkSize = 16 * 1024) {
  const counter = { pulled: 0, cancelled: false };
  const chunk = new TextEncoder().encode(' '.repeat(chunkSize));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) {
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
        return;
      }
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter, chunkSize };
}

describe('request body size', () => {
  it('refuses a chunked 10 MB body with 413 after reading little more than the limit', async () => {
    const { stream, counter, chunkSize } = chunkedBody(10 * 1024 * 1024);
    const answer = await post(stream);
    expect(answer).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    // The limit, the chunk that crossed it, and at most one chunk the stream queued ahead.
    expect(counter.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * chunkSize);
    expect(counter.cancelled).toBe(true);
  });

  it('accepts a chunked body within the limit', async () => {
    const { stream } = chunkedBody(MAX_BODY_BYTES - 32 * 1024);
    expect(await post(stream)).toEqual({ status: 200, body: {} });
  });

  it('refuses a declared length over the limit without reading', async () => {
    const answer = await post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(answer).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});

describe('request body nesting', () => {
  const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const nestedObjects = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

  it('refuses 5,000 nested arrays (10 KB) with 400, not a stack overflow', async () => {
    const answer = await post(nestedArrays(5000));
    expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1}`, async () => {
    expect((await post(nestedArrays(MAX_JSON_DEPTH))).status).toBe(200);
    expect((await post(nestedObjects(MAX_JSON_DEPTH))).status).toBe(200);
    expect(await post(nestedArrays(MAX_JSON_DEPTH + 1))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_JSON' },
    });
    expect(await post(nestedObjects(MAX_JSON_DEPTH + 1))).toMatchObject({
      status: 400,
      body: { code: 'INVALID_JSON' },
    });
  });

  it('still finds a NUL at any allowed depth, in keys and values', async () => {
    const deepNul = '['.repeat(MAX_JSON_DEPTH - 1) + '"a\\u0000"' + ']'.repeat(MAX_JSON_DEPTH - 1);
    for (const body of [deepNul, '{"k\\u0000":1}', '{"a":[{"b":"\\u0000"}]}']) {
      expect(await post(body)).toMatchObject({
        status: 400,
        body: { code: 'INVALID_CHARACTERS' },
      });
    }
  });
});

describe('transport security', () => {
  it('answers carry Strict-Transport-Security when KEYDESK_URL is https, errors too', async () => {
    const plain = await echo(
      new Request('http://keydesk.test/api/echo', { method: 'POST', body: '{}' }),
      { params: Promise.resolve({}) },
    );
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    process.env.KEYDESK_URL = 'https://keys.example.com';
    try {
      for (const body of ['{}', '{not json']) {
        const response = await echo(
          new Request('http://keydesk.test/api/echo', { method: 'POST', body }),
          { params: Promise.resolve({}) },
        );
        expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      }
    } finally {
      delete process.env.KEYDESK_URL;
    }
  });
});
