import { describe, expect, it } from 'vitest';
import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  countQuery,
  firstPageLimit,
  keysFrom,
  offsetPageQuery,
  segmentPageQuery,
  windowEndQuery,
} from './data-list-query';
import { filterConditions } from './data-list-filter';
import { segmentsOf, sqliteIndexFor } from './data-list-order';
import { matchingKeyRows } from './data-list-search';
import { decodeCursor, encodeCursor, keyListQuery, keyListViewSchema } from './list';
import { parseKeySearch } from './search';

// The key list's SQL, read as text: what each filter, search and cursor becomes on each engine.
// data-list.test.ts runs the same statements on a real database.

const NOW = new Date('2026-06-15T12:00:00.000Z');
const BUSINESS = 'bus_1';
const flat = (sql: Prisma.Sql) => sql.sql.replace(/\s+/g, ' ').trim();
const conditions = (filter: Parameters<typeof filterConditions>[2], engine: Engine = 'sqlite') =>
  filterConditions(engine, BUSINESS, filter, NOW).map((sql) => [flat(sql), sql.values]);

describe('parseKeySearch', () => {
  it('reads a key id, a key fragment without dashes and spaces, and a customer text', () => {
    expect(parseKeySearch('  lic_4kZ0pQ  ')).toEqual({
      text: 'lic_4kZ0pQ',
      id: 'lic_4kZ0pQ',
      fragment: 'lic_4kz0pq',
      asciiFragment: 'lic_4kz0pq',
      customerText: 'lic_4kz0pq',
      customerSubstring: true,
    });
    expect(parseKeySearch('AB12-cd 34')).toMatchObject({ fragment: 'ab12cd34' });
    expect(parseKeySearch('Dana Kim')).toMatchObject({
      fragment: 'danakim',
      customerText: 'dana kim',
    });
  });

  it('needs four characters for a fragment and three for a customer substring', () => {
    expect(parseKeySearch('ab-c')).toEqual({
      text: 'ab-c',
      customerText: 'ab-c',
      customerSubstring: true,
    });
    expect(parseKeySearch('da')).toEqual({
      text: 'da',
      customerText: 'da',
      customerSubstring: false,
    });
    expect(parseKeySearch('lic_')).not.toHaveProperty('id');
    expect(parseKeySearch('7xq2')).toMatchObject({ fragment: '7xq2' });
  });

  it('lower-cases A–Z only in the fragment SQLite compares through lower()', () => {
    expect(parseKeySearch('ÄBCD-12')).toMatchObject({
      fragment: 'äbcd12',
      asciiFragment: 'Äbcd12',
    });
  });
});

describe('filterConditions', () => {
  it('scopes every list to the business', () => {
    expect(conditions({})).toEqual([['k."businessId" = ?', [BUSINESS]]]);
  });

  it.each([
    [{ status: 'disabled' }, [['k."disabled" = ?', [true]]]],
    [
      { status: 'expired' },
      [
        ['k."disabled" = ?', [false]],
        ['k."expiresAt" <= ?', [NOW]],
      ],
    ],
    [
      { status: 'active' },
      [
        ['k."disabled" = ?', [false]],
        ['(k."expiresAt" IS NULL OR k."expiresAt" > ?)', [NOW]],
      ],
    ],
    [{ productId: 'pdt_1' }, [['k."productId" = ?', ['pdt_1']]]],
    [{ customerId: 'cus_1' }, [['k."customerId" = ?', ['cus_1']]]],
    [{ source: 'import' }, [['k."source" = ?', ['import']]]],
    [
      { expires: 'next-7-days' },
      [
        ['k."expiresAt" > ?', [NOW]],
        ['k."expiresAt" <= ?', [new Date('2026-06-22T12:00:00.000Z')]],
      ],
    ],
    [
      { expires: 'next-30-days' },
      [
        ['k."expiresAt" > ?', [NOW]],
        ['k."expiresAt" <= ?', [new Date('2026-07-15T12:00:00.000Z')]],
      ],
    ],
    [{ expires: 'expired' }, [['k."expiresAt" <= ?', [NOW]]]],
    [{ expires: 'never' }, [['k."expiresAt" IS NULL', []]]],
    [
      // Exactly the WHERE of the partial index LicenseKey_at_limit_idx, so that it applies.
      { usage: 'at-limit' },
      [['k."activationsLimit" IS NOT NULL AND k."instancesCount" >= k."activationsLimit"', []]],
    ],
    [{ usage: 'in-use' }, [['k."instancesCount" > 0', []]]],
    [{ usage: 'limited' }, [['k."activationsLimit" IS NOT NULL', []]]],
    [{ usage: 'unlimited' }, [['k."activationsLimit" IS NULL', []]]],
    [
      { createdFrom: NOW, createdTo: NOW },
      [
        ['k."createdAt" >= ?', [NOW]],
        ['k."createdAt" <= ?', [NOW]],
      ],
    ],
  ] as const)('%o', (filter, expected) => {
    expect(conditions(filter).slice(1)).toEqual(expected);
  });

  it('at limit, on PostgreSQL: the generated column the partial index reads', () => {
    // prisma/sql/postgresql-license-key-at-limit.sql: its WHERE names no column an activation changes.
    expect(conditions({ usage: 'at-limit' }, 'postgresql').slice(1)).toEqual([
      ['k."limitReached"', []],
    ]);
  });
});

describe('matchingKeyRows', () => {
  const ids = Prisma.sql`k."id"`;
  it('on SQLite: the FTS5 key index, the customer search index, the id and the exact key', () => {
    const sql = matchingKeyRows('sqlite', BUSINESS, 'lic_AB12cd', ids);
    const text = flat(sql);
    expect(text).toContain('k."id" = ? AND k."businessId" = ?');
    expect(text).toContain('k."key" = ? AND k."businessId" = ?');
    expect(text).toContain('"LicenseKeySearch" MATCH ?');
    expect(text).toContain('"CustomerSearch" MATCH ?');
    expect(sql.values).toContain('"lic_ab12cd"');
    expect(text).not.toContain('LIKE');
  });

  it('on PostgreSQL: trigram LIKE on the lower-cased, dashless key and on customers', () => {
    const sql = matchingKeyRows('postgresql', BUSINESS, 'AB12-CD%', ids);
    const text = flat(sql);
    expect(text).toContain(`lower(replace(k."key", '-', '')) LIKE ? ESCAPE '!'`);
    expect(text).toContain(
      `"Customer"."nameLower" LIKE ? ESCAPE '!' OR "Customer"."emailLower" LIKE ? ESCAPE '!'`,
    );
    expect(sql.values).toContain('%ab12cd!%%');
    expect(text).not.toContain('MATCH');
  });

  it('matches customers by prefix range below three characters', () => {
    const sql = matchingKeyRows('postgresql', BUSINESS, 'Da', ids);
    expect(flat(sql)).toContain('"nameLower" >= ? AND "nameLower" < ?');
    expect(sql.values).toEqual(expect.arrayContaining(['da', 'da\u{10FFFF}']));
    expect(flat(sql)).not.toContain('LIKE');
  });

  it('reads the matches first, as rows, the filter tested where each way of finding them reads', () => {
    const input = { businessId: BUSINESS, filter: { search: 'dana' }, now: NOW };
    const disabled = { ...input, filter: { search: 'dana', status: 'disabled' as const } };
    const postgres = flat(keysFrom({ ...disabled, engine: 'postgresql' }, [], 'unused', true));
    expect(postgres).toMatch(/^FROM \(SELECT \* FROM \(SELECT k\."id", k\."key", /);
    // The filter around the parts (each one's plan reads it), the names joined after the set.
    expect(postgres).toMatch(
      / UNION ALL .*\) k WHERE k\."businessId" = \? AND k\."disabled" = \? OFFSET 0\) k CROSS JOIN "Customer" c CROSS JOIN "Product" p WHERE c\."id" = k\."customerId" AND p\."id" = k\."productId"$/,
    );
    expect(postgres).toContain('k."limitReached"');
    const sqlite = flat(keysFrom({ ...disabled, engine: 'sqlite' }, [], 'unused'));
    expect(sqlite).toMatch(
      / UNION ALL .*\) k WHERE k\."businessId" = \? AND k\."disabled" = \?\) k$/,
    );
    expect(sqlite).not.toContain('limitReached');
    expect(
      flat(keysFrom({ ...input, filter: {}, engine: 'sqlite' }, [], 'LicenseKey_list_newest_idx')),
    ).toBe('FROM "LicenseKey" k INDEXED BY "LicenseKey_list_newest_idx" WHERE k."businessId" = ?');
    expect(flat(keysFrom({ ...input, filter: {}, engine: 'postgresql' }, [], 'x'))).toBe(
      'FROM "LicenseKey" k WHERE k."businessId" = ?',
    );
  });
});

describe('a search read in the list’s order', () => {
  const input = {
    businessId: BUSINESS,
    filter: { search: 'Dana', status: 'disabled' as const },
    now: NOW,
    searchBy: 'order' as const,
  };

  it('reads the filter’s index and tests each row and its customer against the search', () => {
    const sqlite = flat(
      keysFrom({ ...input, engine: 'sqlite' }, [], 'LicenseKey_list_disabled_idx'),
    );
    expect(sqlite).toMatch(
      /^FROM "LicenseKey" k INDEXED BY "LicenseKey_list_disabled_idx" CROSS JOIN "Customer" sc WHERE /,
    );
    expect(sqlite).toContain(`sc."id" = k."customerId"`);
    expect(sqlite).toContain(
      `(k."key" = ? OR instr(lower(replace(k."key", '-', '')), ?) > 0 OR (instr(sc."nameLower", ?) > 0 OR instr(sc."emailLower", ?) > 0))`,
    );
    const postgres = flat(keysFrom({ ...input, engine: 'postgresql' }, [], 'unused'));
    expect(postgres).toContain(`lower(replace(k."key", '-', '')) LIKE ? ESCAPE '!'`);
    expect(postgres).toContain(`sc."nameLower" LIKE ? ESCAPE '!'`);
  });

  it('tests a customer by prefix below three characters', () => {
    const text = flat(keysFrom({ ...input, filter: { search: 'da' }, engine: 'sqlite' }, [], 'x'));
    expect(text).toContain('(sc."nameLower" >= ? AND sc."nameLower" < ? OR sc."emailLower" >= ?');
  });

  it('ends a window at a row of the filter alone, and reads no further than it', () => {
    const [newest] = segmentsOf('newest');
    const end = flat(windowEndQuery({ ...input, engine: 'sqlite' }, newest, null, 10_000, false));
    expect(end).toContain('ORDER BY k."createdAt" DESC, k."id" DESC LIMIT 1 OFFSET ?');
    expect(end).not.toContain('"Customer"');
    const cursor = { direction: 'after' as const, value: NOW, id: 'lic_9' };
    expect(flat(newest.upTo(cursor, false))).toBe('(k."createdAt", k."id") >= (?, ?)');
    expect(flat(newest.upTo(cursor, true))).toBe('(k."createdAt", k."id") <= (?, ?)');
    const [dated, never] = segmentsOf('expiry');
    expect(flat(dated.upTo(cursor, false))).toBe('(k."expiresAt", k."id") <= (?, ?)');
    expect(flat(never.upTo(cursor, false))).toBe('k."id" <= ?');
  });
});

describe('counting a search', () => {
  it('counts each way of finding a key once, none repeating an earlier one, as they come', () => {
    const input = { engine: 'sqlite' as const, businessId: BUSINESS, now: NOW };
    const text = flat(countQuery({ ...input, filter: { search: 'lic_AB12cd' } }, 1_000));
    expect(text.replaceAll(' UNION ALL ', ' ')).not.toContain(' UNION ');
    expect(text.split(' UNION ALL ')).toHaveLength(4);
    expect(text).toContain(`k."key" = ? AND k."businessId" = ? AND NOT (instr(`);
    expect(text).toContain(
      `AND NOT (instr(lower(replace(k."key", '-', '')), ?) > 0 OR k."key" = ? OR k."id" = ?)`,
    );
    expect(text).toContain('CROSS JOIN "LicenseKey" k INDEXED BY "LicenseKey_list_customer_idx"');
    const postgres = flat(
      countQuery({ ...input, engine: 'postgresql', filter: { search: 'da' } }, 1_000),
    );
    expect(postgres).toContain('CROSS JOIN LATERAL (');
    expect(postgres).toContain('OFFSET 0) k');
    // Below three characters: names starting with it, then emails starting with it but not names.
    expect(postgres).toContain(
      'AND "emailLower" >= ? AND "emailLower" < ? AND NOT ("nameLower" >= ?',
    );
  });
});

describe('sqliteIndexFor', () => {
  it.each([
    [{}, 'page', 'newest'],
    [{ status: 'active' }, 'page', 'newest'],
    [{ status: 'expired' }, 'page', 'newest'],
    [{ status: 'expired' }, 'count', 'expiry'],
    [{ expires: 'next-7-days' }, 'count', 'expiry'],
    [{ expires: 'next-7-days' }, 'page', 'newest'],
    [{ status: 'disabled' }, 'page', 'disabled'],
    [{ source: 'import' }, 'count', 'source'],
    [{ productId: 'pdt_1', status: 'expired' }, 'count', 'product'],
    [{ customerId: 'cus_1', productId: 'pdt_1' }, 'page', 'customer'],
    [{ usage: 'in-use' }, 'page', 'newest'],
    [{ usage: 'unlimited', source: 'auto' }, 'count', 'source'],
    [{ usage: 'at-limit', productId: 'pdt_1' }, 'page', 'product'],
  ] as const)('%o for a %s reads the %s index', (filter, purpose, index) => {
    expect(sqliteIndexFor(filter, purpose)).toBe(`LicenseKey_list_${index}_idx`);
  });

  it.each([
    [{ usage: 'at-limit' }, 'page'],
    [{ usage: 'at-limit', status: 'active' }, 'count'],
    [{ usage: 'at-limit', status: 'expired' }, 'count'],
    [{ usage: 'at-limit', expires: 'next-30-days', source: 'import' }, 'page'],
  ] as const)('%o for a %s reads the partial index of keys at their limit', (filter, purpose) => {
    expect(sqliteIndexFor(filter, purpose)).toBe('LicenseKey_at_limit_idx');
  });

  it('is the expiry index for both runs of the expiry sort', () => {
    expect(segmentsOf('expiry').map((segment) => segment.sqliteIndex({ productId: 'p' }))).toEqual([
      'LicenseKey_list_expiry_idx',
      'LicenseKey_list_expiry_idx',
    ]);
  });
});

describe('sorts and cursors', () => {
  const input = { engine: 'sqlite' as const, businessId: BUSINESS, filter: {}, now: NOW };

  it('newest first: one run, a row-value cursor each way', () => {
    const [newest] = segmentsOf('newest');
    const cursor = { direction: 'after' as const, value: NOW, id: 'lic_9' };
    expect(flat(newest.past(cursor, false))).toBe('(k."createdAt", k."id") < (?, ?)');
    expect(flat(newest.past(cursor, true))).toBe('(k."createdAt", k."id") > (?, ?)');
    const text = flat(segmentPageQuery(input, newest, cursor, 51, false));
    expect(text).toContain('ORDER BY k."createdAt" DESC, k."id" DESC LIMIT ?');
    expect(flat(segmentPageQuery(input, newest, cursor, 51, true))).toContain(
      'ORDER BY k."createdAt" ASC, k."id" ASC LIMIT ?',
    );
  });

  it('by expiry: dated keys soonest first, then the keys that never expire', () => {
    const [dated, never] = segmentsOf('expiry');
    expect(dated.holds(NOW)).toBe(true);
    expect(dated.holds(null)).toBe(false);
    expect(never.holds(null)).toBe(true);
    const cursor = { direction: 'after' as const, value: null, id: 'lic_5' };
    expect(flat(never.past(cursor, false))).toBe('k."id" > ?');
    expect(flat(segmentPageQuery(input, dated, null, 10, false))).toContain(
      'k."expiresAt" IS NOT NULL ORDER BY k."expiresAt" ASC, k."id" ASC',
    );
  });

  it('counts with a bound, and pages by offset on the index for the REST API', () => {
    expect(flat(countQuery(input, 10_000))).toContain('LIMIT ?) counted');
    expect(countQuery(input, 10_000).values).toEqual([BUSINESS, 10_001]);
    for (const names of [true, false]) {
      const offset = flat(offsetPageQuery(input, 50_000, 10, { names }));
      expect(offset).toContain('WHERE k."id" IN ( SELECT k."id" FROM "LicenseKey" k');
      expect(offset).toContain('LIMIT ? OFFSET ?');
      expect(offset.includes('"customerName"')).toBe(names);
    }
    // The first page skips nothing: it reads the index in order, and joins no names unless asked.
    const first = flat(offsetPageQuery(input, 0, 10, { names: false }));
    expect(first).not.toContain(' IN (');
    expect(first).not.toContain('"Customer"');
    // Its LIMIT is in its text, one of a few (the page's reader keeps the page's own size).
    expect(first).toMatch(/LIMIT 10$/);
    expect(offsetPageQuery(input, 0, 7, { names: false }).values).toEqual([BUSINESS]);
    expect([1, 10, 11, 25, 26, 50, 51, 100].map(firstPageLimit)).toEqual([
      10, 10, 25, 25, 50, 50, 100, 100,
    ]);
    for (const bad of [0, 2.5, Number.NaN]) expect(() => firstPageLimit(bad)).toThrow(RangeError);
  });

  it('writes and reads cursors, and refuses what is not one', () => {
    const text = encodeCursor(NOW, 'lic_4kZ0');
    expect(text).toBe(`${NOW.getTime()}.lic_4kZ0`);
    expect(decodeCursor(text, 'after')).toEqual({ direction: 'after', value: NOW, id: 'lic_4kZ0' });
    expect(decodeCursor('never.lic_1', 'before')).toEqual({
      direction: 'before',
      value: null,
      id: 'lic_1',
    });
    for (const bad of ['', 'x.lic_1', '123', '123.', '123.lic_1;drop', '9'.repeat(20) + '.lic_1']) {
      expect(decodeCursor(bad, 'after'), bad).toBeNull();
    }
  });
});

describe('the key list view in the URL', () => {
  it('reads every parameter, drops what is not a choice, and writes it back', () => {
    const view = keyListViewSchema.parse({
      q: ' 7xq2 ',
      status: 'expired',
      product: 'pdt_1',
      source: 'nope',
      expires: 'never',
      usage: 'at-limit',
      sort: 'expiry',
      after: `${NOW.getTime()}.lic_1`,
    });
    expect(view).toEqual({
      filter: {
        search: '7xq2',
        status: 'expired',
        productId: 'pdt_1',
        expires: 'never',
        usage: 'at-limit',
      },
      sort: 'expiry',
      cursor: { direction: 'after', value: NOW, id: 'lic_1' },
    });
    expect(keyListQuery(view)).toBe(
      '?q=7xq2&status=expired&product=pdt_1&expires=never&usage=at-limit&sort=expiry',
    );
    expect(keyListQuery(view, { before: 'x' })).toContain('&before=x');
    expect(keyListViewSchema.parse({ q: ['a', 'b'], product: "pdt'1", usage: 'full' })).toEqual({
      filter: { search: 'a' },
      sort: 'newest',
      cursor: null,
    });
  });

  it.each(['at-limit', 'in-use', 'limited', 'unlimited'] as const)(
    'reads and writes usage=%s, the overview’s links',
    (usage) => {
      const view = keyListViewSchema.parse({ status: 'active', usage });
      expect(view.filter).toEqual({ status: 'active', usage });
      expect(keyListQuery(view)).toBe(`?status=active&usage=${usage}`);
    },
  );
});
