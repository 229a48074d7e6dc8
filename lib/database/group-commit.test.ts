import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { createTestDatabase } from '@/lib/testing/test-database';
import { directSql } from './create-client';
import { MAX_GROUP } from './direct';
import { onStatement } from './statement-log';

// Group commit on SQLite's direct path (./direct.ts): transactions asked for together share one
// BEGIN … COMMIT, each but the first in a savepoint. What must hold: every one answered as written
// is in the file (read by another connection the moment it is answered), one that fails leaves
// nothing behind and takes nobody else's work with it, and a COMMIT that fails answers no one.

const testDb = await createTestDatabase({ engine: 'sqlite' });
afterAll(() => testDb.cleanup());
const direct = directSql(testDb.db);
const file = new URL(testDb.url.split('?')[0]).pathname;
/** Another connection to the same file: it sees only what was committed. */
const reader = new Database(file, { readonly: true });
afterAll(() => reader.close());
const committed = (id: string) =>
  reader.prepare('SELECT COUNT(*) AS n FROM "Business" WHERE "id" = ?').get(id) as { n: number };

const insertBusiness = (id: string, name = 'grouped') =>
  Prisma.sql`INSERT INTO "Business" ("id", "name", "createdAt") VALUES (${id}, ${name}, ${new Date()})`;

/** The statements the queue ran while `work` ran. */
async function statementsDuring<T>(work: () => Promise<T>) {
  const statements: string[] = [];
  const stop = onStatement((sql) => statements.push(sql.trim().split(/\s+/)[0]));
  try {
    return { result: await work(), statements };
  } finally {
    stop();
  }
}

describe('SQLite group commit', () => {
  it('commits transactions asked for together once, and answers each after the commit', async () => {
    const ids = Array.from({ length: 10 }, () => newId('bus'));
    const seenOnAnswer: number[] = [];
    const { statements } = await statementsDuring(() =>
      Promise.all(
        ids.map((id) =>
          direct
            .transaction(async (tx) => tx.run(insertBusiness(id)))
            .then(() => seenOnAnswer.push(committed(id).n)),
        ),
      ),
    );
    expect(seenOnAnswer).toEqual(ids.map(() => 1));
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(1);
    expect(statements.filter((s) => s === 'SAVEPOINT')).toHaveLength(9);
  });

  it('undoes only the one that fails, whether it is first or later in the group', async () => {
    const ids = Array.from({ length: 6 }, () => newId('bus'));
    const failing = new Set([0, 3]);
    const outcomes = await Promise.allSettled(
      ids.map((id, i) =>
        direct.transaction(async (tx) => {
          await tx.run(insertBusiness(id));
          if (failing.has(i)) throw new Error(`transaction ${i} fails after writing`);
          return i;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(
      ids.map((_, i) => (failing.has(i) ? 'rejected' : 'fulfilled')),
    );
    expect(ids.map((id) => committed(id).n)).toEqual(ids.map((_, i) => (failing.has(i) ? 0 : 1)));
  });

  it('undoes a statement error alone (a unique violation) and keeps the group', async () => {
    const taken = newId('bus');
    await direct.transaction(async (tx) => tx.run(insertBusiness(taken)));
    const fresh = [newId('bus'), newId('bus')];
    const outcomes = await Promise.allSettled([
      direct.transaction(async (tx) => tx.run(insertBusiness(fresh[0]))),
      direct.transaction(async (tx) => {
        await tx.run(insertBusiness(newId('bus'), 'written, then undone'));
        return tx.run(insertBusiness(taken));
      }),
      direct.transaction(async (tx) => tx.run(insertBusiness(fresh[1]))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(fresh.map((id) => committed(id).n)).toEqual([1, 1]);
    expect(await testDb.db.business.count({ where: { name: 'written, then undone' } })).toBe(0);
  });

  it('answers no one as written when the shared COMMIT fails', async () => {
    // A deferred foreign key fails at COMMIT: the whole group is refused, and nothing is kept.
    const ids = [newId('bus'), newId('bus')];
    const outcomes = await Promise.allSettled([
      direct.transaction(async (tx) => tx.run(insertBusiness(ids[0]))),
      direct.transaction(async (tx) => {
        await tx.run(Prisma.sql`PRAGMA defer_foreign_keys = ON`);
        await tx.run(insertBusiness(ids[1]));
        return tx.run(Prisma.sql`INSERT INTO "Customer" ("id", "businessId", "name", "email",
            "nameLower", "emailLower", "createdAt")
          VALUES (${newId('cus')}, 'bus_missing', 'x', 'x@x.example', 'x', 'x@x.example', ${new Date()})`);
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(ids.map((id) => committed(id).n)).toEqual([0, 0]);
    // The connection is usable afterwards, outside any transaction.
    const after = newId('bus');
    await direct.transaction(async (tx) => tx.run(insertBusiness(after)));
    expect(committed(after).n).toBe(1);
  });

  it(`shares a COMMIT among at most ${MAX_GROUP}, and keeps every one of more`, async () => {
    const ids = Array.from({ length: MAX_GROUP * 2 + 5 }, () => newId('bus'));
    const { statements } = await statementsDuring(() =>
      Promise.all(ids.map((id) => direct.transaction(async (tx) => tx.run(insertBusiness(id))))),
    );
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(3);
    expect(ids.every((id) => committed(id).n === 1)).toBe(true);
  });

  it('lets no plain statement land inside a group', async () => {
    // A write through Prisma asked for while a group is open waits for its COMMIT; the group's
    // failing member, rolled back, takes nothing of it.
    const plain = newId('bus');
    const grouped = newId('bus');
    await Promise.allSettled([
      direct.transaction(async (tx) => tx.run(insertBusiness(grouped))),
      direct.transaction(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('fails after waiting');
      }),
      new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        testDb.db.business.create({ data: { id: plain, name: 'plain' } }),
      ),
    ]);
    expect([committed(grouped).n, committed(plain).n]).toEqual([1, 1]);
  });
});
