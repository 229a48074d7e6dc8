import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient, type Database } from '@/lib/database/create-client';
import { migrateDatabase } from '@/lib/database/migrate';
import { parseDatabaseUrl, type Engine } from '@/lib/database/url';
import type { Actor } from '@/lib/auth/authorize';
import type { MemberRole } from '@/lib/auth/permissions';
import { customerColumns } from '@/lib/customers/rows';
import { newId } from '@/lib/ids';
import { productNameColumns } from '@/lib/products/rows';
import { newRequestId } from '@/lib/log';

/**
 * The DATABASE_URL the test run started with (read before any test database replaces it). The
 * engine of the run follows it: a postgres:// URL makes every test database a fresh PostgreSQL
 * database on that server; anything else, or nothing, a temporary SQLite file.
 */
const RUN_DATABASE_URL = process.env.DATABASE_URL;

/** The engine the integration tests of this run use. */
export function testEngine(): Engine {
  return RUN_DATABASE_URL && parseDatabaseUrl(RUN_DATABASE_URL).engine === 'postgresql'
    ? 'postgresql'
    : 'sqlite';
}

export type TestDatabase = { url: string; db: Database; cleanup: () => Promise<void> };

/**
 * A real, migrated, empty database for integration tests, on the engine of the run (testEngine),
 * or on `options.engine` for a test of one engine's machinery (SQLite's statement queue, say).
 * Sets DATABASE_URL so that modules importing lib/db.ts afterwards use it. `cleanup` disconnects
 * and deletes it: the SQLite file's folder, or the PostgreSQL database.
 */
export async function createTestDatabase(options: { engine?: Engine } = {}): Promise<TestDatabase> {
  const engine = options.engine ?? testEngine();
  if (engine === 'postgresql' && testEngine() !== 'postgresql') {
    throw new Error('A PostgreSQL test database needs a run with DATABASE_URL=postgresql://…');
  }
  const created = engine === 'postgresql' ? await createPostgresDatabase() : createSqliteFile();
  try {
    await migrateDatabase(created.url);
  } catch (error) {
    await created.remove();
    throw error;
  }
  process.env.DATABASE_URL = created.url;
  const db = createPrismaClient(created.url);
  return {
    url: created.url,
    db,
    async cleanup() {
      await db.$disconnect();
      // lib/db.ts keeps the app's client on globalThis: close it too when it uses this database,
      // or PostgreSQL would have to cut its connections off.
      const app = globalThis as unknown as { keydeskDb?: Database };
      if (app.keydeskDb && process.env.DATABASE_URL === created.url) {
        await app.keydeskDb.$disconnect();
      }
      await created.remove();
    },
  };
}

function createSqliteFile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-test-'));
  return {
    url: `file:${path.join(dir, 'test.db')}`,
    async remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database `keydesk_test_<random>` on the run's PostgreSQL server. */
async function createPostgresDatabase() {
  const server = new URL(RUN_DATABASE_URL!);
  const name = `keydesk_test_${randomBytes(6).toString('hex')}`;
  // CREATE and DROP DATABASE run from the server's maintenance database: the run's own database
  // (keydesk_e2e, say) need not exist, and a database cannot drop itself.
  const maintenance = new URL(server);
  maintenance.pathname = '/postgres';
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  // A session time zone far from UTC, at a quarter-hour offset (UTC+12:45/+13:45): any time that
  // slips through a timestamptz or now() on the server instead of staying UTC shows up in a test.
  await admin(`ALTER DATABASE "${name}" SET timezone TO 'Pacific/Chatham'`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends the connections of any client a test left open.
    remove: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A business with one customer and one product, named after `label`. */
export async function createBusinessFixture(db: Database, label: string) {
  const business = await db.business.create({
    data: { id: newId('bus'), name: `${label} Inc.` },
  });
  const email = `buyer@${label.toLowerCase()}.example`;
  const customer = await db.customer.create({
    data: {
      id: newId('cus'),
      businessId: business.id,
      ...customerColumns({ name: `${label} Buyer`, email }),
    },
  });
  const product = await db.product.create({
    data: {
      id: newId('pdt'),
      businessId: business.id,
      ...productNameColumns(`${label} App`),
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
  db: Database,
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
