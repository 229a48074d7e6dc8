import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { likeContains } from '@/lib/database/dialect';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import type { Page } from '@/lib/paging';
import { uniqueViolationFields } from '@/lib/prisma-errors';
import { fail, ok, type Result } from '@/lib/result';
import { customerColumns } from './rows';
import type { CreateCustomerInput } from './schema';

export { searchCustomers } from './data-search';

/** A customer of a business, as every surface reads it. */
export type Customer = {
  id: string;
  businessId: string;
  name: string;
  email: string;
  createdAt: Date;
};

const customerSelect = {
  id: true,
  businessId: true,
  name: true,
  email: true,
  createdAt: true,
} as const satisfies Prisma.CustomerSelect;

/** One customer of the actor's business, or null (also for another business's customer). */
export async function getCustomer(actor: Actor, id: string): Promise<Customer | null> {
  assertCan(actor, 'keys:view');
  return db.customer.findFirst({
    where: { id, businessId: actor.businessId },
    select: customerSelect,
  });
}

/** The actor's business's customer with this email address, in any letter case, or null. */
export async function findCustomerByEmail(actor: Actor, email: string): Promise<Customer | null> {
  assertCan(actor, 'keys:view');
  return db.customer.findFirst({
    where: { businessId: actor.businessId, emailLower: email.trim().toLowerCase() },
    select: customerSelect,
  });
}

export type CustomerFilter = {
  /** The whole address, in any letter case. */
  email?: string;
  /** Part of the name, in any letter case; `%` and `_` are plain text. */
  name?: string;
  createdFrom?: Date;
  createdTo?: Date;
};

/**
 * Customers of the actor's business, newest first (ties by id), filtered, one page. The page's ids
 * come from one SQL statement: Prisma's `contains` is a LIKE without an escape character, so "_" or
 * "%" in a name filter would match any character; likeContains escapes them. On PostgreSQL the name
 * filter uses the trigram index of nameLower; on SQLite it reads the business's customers. The
 * email filter uses the unique email index. Dates are bound as Date: each engine's adapter writes
 * them as it stores createdAt, so the comparison is exact to the millisecond.
 */
export async function listCustomers(
  actor: Actor,
  filter: CustomerFilter,
  page: Page,
): Promise<Customer[]> {
  assertCan(actor, 'keys:view');
  const conditions = [Prisma.sql`"businessId" = ${actor.businessId}`];
  if (filter.email) conditions.push(Prisma.sql`"emailLower" = ${filter.email.toLowerCase()}`);
  if (filter.name) {
    conditions.push(likeContains(Prisma.sql`"nameLower"`, filter.name.toLowerCase()));
  }
  if (filter.createdFrom) conditions.push(Prisma.sql`"createdAt" >= ${filter.createdFrom}`);
  if (filter.createdTo) conditions.push(Prisma.sql`"createdAt" <= ${filter.createdTo}`);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Customer"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT ${page.pageSize} OFFSET ${page.pageNumber * page.pageSize}`;
  const rows = await db.customer.findMany({
    where: { id: { in: ids.map((row) => row.id) }, businessId: actor.businessId },
    select: customerSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap(({ id }) => byId.get(id) ?? []);
}

type EmailTaken = 'CUSTOMER_EMAIL_TAKEN';

/**
 * Creates a customer of the actor's business, with its audit event, in one transaction. An email
 * another customer of the business already has, in any letter case, is CUSTOMER_EMAIL_TAKEN and
 * nothing is written: the unique (businessId, emailLower) index decides, so two people submitting
 * at once cannot both succeed.
 */
export async function createCustomer(
  actor: Actor,
  input: CreateCustomerInput,
): Promise<Result<Customer, EmailTaken>> {
  assertCan(actor, 'customers:create');
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: { id: newId('cus'), businessId: actor.businessId, ...customerColumns(input) },
        select: customerSelect,
      });
      await recordAudit(tx, actor, {
        action: 'customer.created',
        objectType: 'customer',
        objectId: customer.id,
        summary: `Created customer ${input.name} <${input.email}>`,
      });
      return ok(customer);
    });
  } catch (error) {
    if (uniqueViolationFields(error)?.includes('emailLower')) return fail('CUSTOMER_EMAIL_TAKEN');
    throw error;
  }
}

/**
 * The business's customer with this email, or a new one (`created`). The customer found is
 * answered unchanged: the name given is not applied. Concurrent calls make one customer.
 */
export async function findOrCreateCustomer(
  actor: Actor,
  input: CreateCustomerInput,
): Promise<{ created: boolean; customer: Customer }> {
  const result = await createCustomer(actor, input);
  if (result.ok) return { created: true, customer: result.value };
  const existing = await findCustomerByEmail(actor, input.email);
  // Only a deletion between the two statements could get here; Keydesk never deletes customers.
  if (!existing) throw new Error('The customer with this email address went away');
  return { created: false, customer: existing };
}

/**
 * Renames a customer of the actor's business or changes its email address; an absent field is
 * kept. Audited in the same transaction; a change that changes nothing writes nothing.
 */
export async function updateCustomer(
  actor: Actor,
  id: string,
  patch: Partial<CreateCustomerInput>,
): Promise<Result<Customer, 'CUSTOMER_NOT_FOUND' | EmailTaken>> {
  assertCan(actor, 'customers:edit');
  const where = { id, businessId: actor.businessId };
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.customer.findFirst({ where, select: customerSelect });
      if (!before) return fail('CUSTOMER_NOT_FOUND');
      const after = { name: patch.name ?? before.name, email: patch.email ?? before.email };
      const changes = (['name', 'email'] as const).filter(
        (field) => after[field] !== before[field],
      );
      if (changes.length === 0) return ok(before);
      await tx.customer.updateMany({ where, data: customerColumns(after) });
      await recordAudit(tx, actor, {
        action: 'customer.updated',
        objectType: 'customer',
        objectId: id,
        summary: `Updated customer ${changes.map((field) => `${field} “${before[field]}” → “${after[field]}”`).join('; ')}`,
      });
      return ok({ ...before, ...after });
    });
  } catch (error) {
    if (uniqueViolationFields(error)?.includes('emailLower')) return fail('CUSTOMER_EMAIL_TAKEN');
    throw error;
  }
}
