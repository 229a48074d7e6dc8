// The key list's search as SQL (data-list-query.ts builds the rest): the ids of the keys a search
// finds, read from the indexes that hold them. Pure: no database access here.
import {
  ftsPhrase,
  postgresCustomerContains,
  prefixRange,
  sqliteCustomersContaining,
} from '@/lib/customers/data-search';
import { escapeLike } from '@/lib/database/dialect';
import type { Engine } from '@/lib/database/url';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseKeySearch, type KeySearch } from './search';

/** `column` starts with `lower`: the index range of data-search.ts's prefixRange. */
function startsWith(column: string, lower: string) {
  const { gte, lt } = prefixRange(lower);
  return Prisma.sql`${Prisma.raw(column)} >= ${gte} AND ${Prisma.raw(column)} < ${lt}`;
}

/** Ids of the business's customers whose name or email holds the search, from their indexes. */
function matchingCustomers(engine: Engine, businessId: string, search: KeySearch): Prisma.Sql {
  const { customerText: q } = search;
  if (!search.customerSubstring) {
    return Prisma.sql`
      SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${startsWith('"nameLower"', q)}
      UNION
      SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${startsWith('"emailLower"', q)}`;
  }
  if (engine === 'postgresql') {
    return Prisma.sql`
      SELECT "id" FROM "Customer" WHERE "businessId" = ${businessId} AND ${postgresCustomerContains(q)}`;
  }
  return Prisma.sql`SELECT "id" FROM (${sqliteCustomersContaining(businessId, q)})`;
}

/** Ids of the business's keys the search finds: by id, the whole key, a fragment, or the customer. */
export function matchedKeys(engine: Engine, businessId: string, text: string): Prisma.Sql {
  const search = parseKeySearch(text);
  const parts: Prisma.Sql[] = [];
  if (search.id) {
    parts.push(
      Prisma.sql`SELECT "id" FROM "LicenseKey" WHERE "id" = ${search.id} AND "businessId" = ${businessId}`,
    );
  }
  parts.push(
    Prisma.sql`SELECT "id" FROM "LicenseKey" WHERE "key" = ${search.text} AND "businessId" = ${businessId}`,
  );
  if (search.fragment) {
    parts.push(
      engine === 'postgresql'
        ? Prisma.sql`SELECT "id" FROM "LicenseKey" WHERE "businessId" = ${businessId}
            AND lower(replace("key", '-', '')) LIKE ${`%${escapeLike(search.fragment)}%`} ESCAPE '!'`
        : Prisma.sql`SELECT l."id" FROM "LicenseKeySearch" s CROSS JOIN "LicenseKey" l
            WHERE "LicenseKeySearch" MATCH ${ftsPhrase(search.fragment)} AND l.rowid = s.rowid
              AND l."businessId" = ${businessId}`,
    );
  }
  parts.push(Prisma.sql`SELECT "id" FROM "LicenseKey" WHERE "businessId" = ${businessId}
    AND "customerId" IN (${matchingCustomers(engine, businessId, search)})`);
  return Prisma.join(parts, ' UNION ');
}
