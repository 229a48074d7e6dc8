import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { directSql } from './create-client';
import { DEFAULT_POOL } from './pool';

// The settings every PostgreSQL connection of the app's pool starts with, read back from the server
// through both paths (Prisma and the direct one share the pool).
describe.skipIf(testEngine() !== 'postgresql')('a PostgreSQL connection of the app', async () => {
  const testDb = testEngine() === 'postgresql' ? await createTestDatabase() : null;
  afterAll(() => testDb?.cleanup());

  it('runs without JIT compilation, which cost a search of a million keys 290 ms', async () => {
    const [viaPrisma] = await testDb!.db.$queryRaw<{ jit: string }[]>`SHOW jit`;
    const [viaDirect] = await directSql(testDb!.db).rows(Prisma.sql`SHOW jit`);
    expect(viaPrisma.jit).toBe('off');
    expect(viaDirect.jit).toBe('off');
  });

  it('keeps its statement timeout and names itself', async () => {
    const [row] = await directSql(testDb!.db).rows(
      Prisma.sql`SELECT current_setting('statement_timeout') AS timeout,
        current_setting('application_name') AS name`,
    );
    expect(row).toEqual({
      timeout: `${DEFAULT_POOL.statementTimeoutMillis / 1000}s`,
      name: 'keydesk',
    });
  });
});
