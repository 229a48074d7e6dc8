import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@/lib/database/create-client';
import { migrateDatabase } from '@/lib/database/migrate';
import type { Actor } from '@/lib/auth/authorize';
import type { MemberRole } from '@/lib/auth/permissions';
import { newId } from '@/lib/ids';
import { newRequestId } from '@/lib/log';

/**
 * A real, migrated SQLite database file in a temporary folder, for integration tests.
 * Sets DATABASE_URL so that modules importing lib/db.ts afterwards use it.
 */
export async function createTestDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  return {
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Db = ReturnType<typeof createPrismaClient>;

/** A business with one customer and one product, named after `label`. */
export async function createBusinessFixture(db: Db, label: string) {
  const business = await db.business.create({
    data: { id: newId('bus'), name: `${label} Inc.` },
  });
  const email = `buyer@${label.toLowerCase()}.example`;
  const customer = await db.customer.create({
    data: {
      id: newId('cus'),
      businessId: business.id,
      name: `${label} Buyer`,
      nameLower: `${label} buyer`.toLowerCase(),
      email,
      emailLower: email,
    },
  });
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: business.id,
      name: `${label} App`,
      nameLower: `${label} app`.toLowerCase(),
      keyPrefix: label.toUpperCase().slice(0, 5),
      licenseKeyActivationsLimit: 3,
      licenseKeyDurationCount: 1,
      licenseKeyDurationInterval: 'year',
    },
  });
  const actors = {
    owner: await createMemberActor(db, business.id, 'owner', `${label} Owner`),
    admin: await createMemberActor(db, business.id, 'admin', `${label} Admin`),
    support: await createMemberActor(db, business.id, 'support', `${label} Support`),
  };
  return { business, customer, product, ...actors };
}

/** A person with a membership of `role` in the business, as the data layer sees them acting. */
export async function createMemberActor(
  db: Db,
  businessId: string,
  role: MemberRole,
  name: string,
): Promise<Actor> {
  const user = await db.user.create({
    data: { id: newId('usr'), name, email: `${newId('usr').toLowerCase()}@people.example` },
  });
  const membership = await db.membership.create({
    data: { id: newId('mem'), businessId, userId: user.id, role },
  });
  return { businessId, type: 'member', id: membership.id, name, role, requestId: newRequestId() };
}
