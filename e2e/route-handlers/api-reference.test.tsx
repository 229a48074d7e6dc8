import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { readEnv } from '@/lib/env';
import { buildOpenApiDocument } from '@/lib/http/openapi';
import { describeType, fieldsOf } from '@/components/docs/schema-text';

// The /docs/api page rendered to HTML as the server sends it (connection() needs a request: stubbed).
vi.mock('next/server', () => ({ connection: async () => {} }));
const { default: ApiReferencePage } = await import('@/app/docs/api/page');
const html = renderToStaticMarkup(await ApiReferencePage());
const document = buildOpenApiDocument();

const all = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);
const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replaceAll('&#x27;', "'")
    .replaceAll('&amp;', '&')
    .trim();

describe('the API reference page', () => {
  it('has one h1 and headings that never skip a level', () => {
    const levels = all(/<h([1-6])\b/g).map(Number);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, index) => {
      expect(level - levels[index]).toBeLessThanOrEqual(1);
    });
    expect(text(all(/<h1[^>]*>(.*?)<\/h1>/g)[0])).toBe('Keydesk API');
  });

  it('renders every operation of the OpenAPI document, with its method and path', () => {
    const headings = all(/<h3[^>]*>(.*?)<\/h3>/g).map(text);
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const { summary, operationId } = operation as { summary: string; operationId: string };
        expect(headings).toContain(summary);
        expect(html).toContain(`id="operation-${operationId}"`);
        expect(html).toMatch(
          new RegExp(`>${method}</span><span>/api${path.replace(/[{}.]/g, '\\$&')}<`),
        );
      }
    }
  });

  it('explains authentication, the SDK (page_number 0) and the limits', () => {
    const body = text(html);
    expect(body).toContain('Settings → API keys');
    expect(body).toContain('Authorization: Bearer kd_live_…');
    expect(body).toContain(`baseURL: '${readEnv().publicUrl}/api'`);
    expect(body).toContain('page_number: 0');
    expect(body).toContain('Idempotency-Key');
    expect(body).toContain('Retry-After');
  });

  it('gives every table header cells and a caption, and every in-page link a target', () => {
    const tables = all(/<table[^>]*>(.*?)<\/table>/gs);
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      expect(table).toMatch(/<caption[^>]*>[^<]+<\/caption>/);
      expect(table).toContain('<th scope="col"');
    }
    const ids = new Set(all(/\sid="([^"]+)"/g));
    for (const target of all(/href="#([^"]+)"/g)) expect(ids, target).toContain(target);
  });
});

describe('schema text', () => {
  it('reads types as people do', () => {
    expect(describeType({ anyOf: [{ type: 'integer' }, { type: 'null' }] })).toBe('integer | null');
    expect(describeType({ type: 'array', items: { $ref: '#/components/schemas/Customer' } })).toBe(
      'Customer[]',
    );
    expect(describeType({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    expect(describeType({ type: 'string', enum: ['Day', 'Week'] })).toBe('"Day" | "Week"');
  });

  it('lists an inline object’s fields under it, dotted', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        duration: {
          anyOf: [
            {
              type: 'object',
              properties: { count: { type: 'integer', minimum: 1 } },
              required: ['count'],
            },
            { type: 'null' },
          ],
        },
      },
      required: ['duration'],
    });
    expect(
      fields.map(({ name, type, required, constraints }) => ({
        name,
        type,
        required,
        constraints,
      })),
    ).toEqual([
      { name: 'duration', type: 'object | null', required: true, constraints: [] },
      { name: 'duration.count', type: 'integer', required: true, constraints: ['at least 1'] },
    ]);
  });
});
