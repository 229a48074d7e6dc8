import { Prisma } from '@/lib/generated/prisma/client';
import type { Cursor, LicenseKeyFilter, ListSort } from './list';

// The key list's orders as SQL (data-list-query.ts builds the statements): each sort's runs of rows,
// the conditions that place a row before or past a cursor, and the index SQLite reads each from.
// Pure.

/** One ordered run of rows: a sort is one run (newest) or two (expiry: dated, then never). */
export type Segment = {
  /** What rows the run holds, beyond the filter (null: all of them). */
  where: Prisma.Sql | null;
  /** The columns the run is ordered by, in the sort's own direction. */
  order: Prisma.Sql[];
  descending: boolean;
  /** Whether a row with this sort value belongs to the run. */
  holds(value: Date | null): boolean;
  /**
   * Rows strictly past `cursor` in this run's reading order (`reverse`: strictly before it). Only
   * called with a cursor of this run.
   */
  past(cursor: Cursor, reverse: boolean): Prisma.Sql;
  /** Rows up to `cursor` (inclusive) in this run's reading order (`reverse`: from it on). */
  upTo(cursor: Cursor, reverse: boolean): Prisma.Sql;
  /** The run's sort value of `k`, as a cursor holds it. */
  value: Prisma.Sql;
  /** The index SQLite reads the run from (see sqliteIndexFor). */
  sqliteIndex(filter: LicenseKeyFilter): string;
};

/**
 * The index a list without a search reads on SQLite, named with INDEXED BY. SQLite keeps no
 * statistics unless ANALYZE runs, and without them it may pick, say, the expiry index for a page of
 * expired keys newest first, then sort a quarter of a million rows; PostgreSQL plans from its own
 * statistics. A page reads, in order, the index whose leading columns are the filter's equality
 * (the status and expiry columns ride at the end of the busy ones, so those filters are checked in
 * the index); a count of an expiry filter reads the expiry range alone.
 */
export function sqliteIndexFor(filter: LicenseKeyFilter, purpose: 'page' | 'count'): string {
  if (filter.customerId) return 'LicenseKey_list_customer_idx';
  if (filter.productId) return 'LicenseKey_list_product_idx';
  // Partial: only the keys at their limit (prisma/sql/sqlite-license-key-at-limit.sql), newest first.
  if (filter.usage === 'at-limit') return 'LicenseKey_at_limit_idx';
  if (purpose === 'count' && (filter.expires || filter.status === 'expired')) {
    return 'LicenseKey_list_expiry_idx';
  }
  if (filter.status === 'disabled') return 'LicenseKey_list_disabled_idx';
  if (filter.source) return 'LicenseKey_list_source_idx';
  return 'LicenseKey_list_newest_idx';
}

const k = (column: string) => Prisma.raw(`k."${column}"`);
const op = (ascending: boolean) => Prisma.raw(ascending ? '>' : '<');
const opOrEqual = (ascending: boolean) => Prisma.raw(ascending ? '>=' : '<=');

/** The runs of a sort, in reading order. */
export function segmentsOf(sort: ListSort): Segment[] {
  if (sort === 'newest') {
    return [
      {
        where: null,
        order: [k('createdAt'), k('id')],
        descending: true,
        holds: () => true,
        past: ({ value, id }, reverse) =>
          Prisma.sql`(k."createdAt", k."id") ${op(reverse)} (${value}, ${id})`,
        upTo: ({ value, id }, reverse) =>
          Prisma.sql`(k."createdAt", k."id") ${opOrEqual(!reverse)} (${value}, ${id})`,
        value: k('createdAt'),
        sqliteIndex: (filter) => sqliteIndexFor(filter, 'page'),
      },
    ];
  }
  return [
    {
      where: Prisma.sql`k."expiresAt" IS NOT NULL`,
      order: [k('expiresAt'), k('id')],
      descending: false,
      holds: (value) => value !== null,
      past: ({ value, id }, reverse) =>
        Prisma.sql`(k."expiresAt", k."id") ${op(!reverse)} (${value}, ${id})`,
      upTo: ({ value, id }, reverse) =>
        Prisma.sql`(k."expiresAt", k."id") ${opOrEqual(reverse)} (${value}, ${id})`,
      value: k('expiresAt'),
      sqliteIndex: () => 'LicenseKey_list_expiry_idx',
    },
    {
      where: Prisma.sql`k."expiresAt" IS NULL`,
      order: [k('id')],
      descending: false,
      holds: (value) => value === null,
      past: ({ id }, reverse) => Prisma.sql`k."id" ${op(!reverse)} ${id}`,
      upTo: ({ id }, reverse) => Prisma.sql`k."id" ${opOrEqual(reverse)} ${id}`,
      value: Prisma.sql`NULL`,
      sqliteIndex: () => 'LicenseKey_list_expiry_idx',
    },
  ];
}
