import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { apiErrors } from '@/lib/http/api-error';
import type {
  ApiCreateCustomer,
  ApiCustomer,
  ApiCustomerList,
  ApiListCustomersQuery,
} from './api-schema';
import { createCustomer } from './data';
import { CUSTOMER_EMAIL_TAKEN_MESSAGE } from './schema';

const apiSelect = {
  id: true,
  businessId: true,
  name: true,
  email: true,
  createdAt: true,
} as const satisfies Prisma.CustomerSelect;

type ApiRow = Prisma.CustomerGetPayload<{ select: typeof apiSelect }>;

/** A customer as Dodo's API shows it. Keydesk keeps no phone numbers and no metadata. */
export function toApiCustomer(row: ApiRow): ApiCustomer {
  return {
    customer_id: row.id,
    business_id: row.businessId,
    name: row.name,
    email: row.email,
    phone_number: null,
    metadata: {},
    created_at: row.createdAt.toISOString(),
  };
}

const notFound = () => apiErrors.notFound('CUSTOMER_NOT_FOUND', 'Customer not found.');

/**
 * POST /customers: find or create by email. A new customer is created (with its audit event) and
 * `created` is true; when the business already has a customer with this email, in any letter case,
 * that customer is answered unchanged (the name sent is not applied) and `created` is false.
 * The unique (businessId, emailLower) index decides, so two concurrent calls make one customer.
 */
export async function createCustomerForApi(
  actor: Actor,
  input: ApiCreateCustomer,
): Promise<{ created: boolean; customer: ApiCustomer }> {
  const result = await createCustomer(actor, { name: input.name, email: input.email });
  if (result.ok) return { created: true, customer: await getCustomerForApi(actor, result.id) };
  if (result.fieldErrors.email?.includes(CUSTOMER_EMAIL_TAKEN_MESSAGE)) {
    const existing = await db.customer.findFirst({
      where: { businessId: actor.businessId, emailLower: input.email.toLowerCase() },
      select: apiSelect,
    });
    if (existing) return { created: false, customer: toApiCustomer(existing) };
  }
  throw apiErrors.invalid(result.formError ?? 'Invalid customer.', result.fieldErrors);
}

/** GET /customers/{id}: another business's customer is as missing as one that never was. */
export async function getCustomerForApi(actor: Actor, id: string): Promise<ApiCustomer> {
  assertCan(actor, 'keys:view');
  const row = await db.customer.findFirst({
    where: { id, businessId: actor.businessId },
    select: apiSelect,
  });
  if (!row) throw notFound();
  return toApiCustomer(row);
}

/**
 * GET /customers: newest first (ties by id), filtered, one page. The page's ids come from one SQL
 * statement: Prisma's `contains` is a LIKE without an escape character, so "_" or "%" in a name
 * filter would match any character (and a backslash differs between the engines); likeContains
 * escapes them.
 * On PostgreSQL the name filter uses the trigram index of nameLower; on SQLite it reads every
 * customer of the business. The email filter uses the unique email index.
 */
export async function listCustomersForApi(
  actor: Actor,
  query: ApiListCustomersQuery,
): Promise<ApiCustomerList> {
  assertCan(actor, 'keys:view');
  const conditions = [Prisma.sql`"businessId" = ${actor.businessId}`];
  if (query.email) conditions.push(Prisma.sql`"emailLower" = ${query.email.toLowerCase()}`);
  if (query.name) {
    conditions.push(likeContains(Prisma.sql`"nameLower"`, query.name.toLowerCase()));
  }
  // Dates are bound as Date: each engine's adapter writes them the way it stores createdAt (ISO
  // text on SQLite, a UTC timestamp on PostgreSQL), so the comparison is exact to the millisecond.
  if (query.created_at_gte) {
    conditions.push(Prisma.sql`"createdAt" >= ${new Date(query.created_at_gte)}`);
  }
  if (query.created_at_lte) {
    conditions.push(Prisma.sql`"createdAt" <= ${new Date(query.created_at_lte)}`);
  }
  const page = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Customer"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT ${query.page_size} OFFSET ${query.page_number * query.page_size}`;
  const ids = page.map((row) => row.id);
  const rows = await db.customer.findMany({
    where: { id: { in: ids }, businessId: actor.businessId },
    select: apiSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toApiCustomer(row)] : [];
    }),
  };
}
