import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, startKeydeskProcess } from '@/lib/testing/keydesk-process';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';

// A job killed midway (kill -9) resumes from its last committed batch and ends with exactly the
// rows of the file: none lost, none doubled, every count and audit event once.

const testDb = await createTestDatabase();
const { db, url } = testDb;
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-import-crash-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await testDb.cleanup();
});
const { runWaitingImports } = await import('./worker');
const { claimImportJob } = await import('./data-claims');
const { rebuildOverviewCounts } = await import('@/lib/overview/data-recount');

const ROWS = 30_000;

describe('an import killed midway', () => {
  it('resumes from its last committed batch and ends with exactly the rows of the file', async () => {
    const acme = await createBusinessFixture(db, 'Crash');
    const lines = Array.from(
      { length: ROWS },
      (_, i) => `CRASH-${String(i).padStart(6, '0')},c${i % 997}@crash.example,${(i % 4) + 1}`,
    );
    const file = path.join(dir, 'keys.csv');
    writeFileSync(file, `key,email,limit\n${lines.join('\n')}\n`);

    const child = startKeydeskProcess(
      ['import-keys', file, '--business', acme.business.id, '--product', acme.product.id],
      { DATABASE_URL: url },
    );
    // Killed once a few batches of the import (not the check) are in.
    await new Promise<void>((resolve, reject) => {
      let text = '';
      child.stderr!.on('data', (chunk) => {
        text += String(chunk);
        const importing = [...text.matchAll(/Importing: ([\d,]+) of/g)];
        const done = Number(importing.at(-1)?.[1].replace(/,/g, '') ?? 0);
        if (done >= 3_000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () =>
        reject(new Error(`The import ended before it was killed:\n${text}`)),
      );
    });
    expect((await exited(child)).signal).toBe('SIGKILL');

    const job = await db.importJob.findFirstOrThrow({ where: { businessId: acme.business.id } });
    expect(job.state).toBe('importing');
    expect(job.rowsDone).toBeGreaterThanOrEqual(3_000);
    expect(job.rowsDone).toBeLessThan(ROWS);
    // What was committed is exactly the batches the job counts.
    const keys = () => db.licenseKey.count({ where: { businessId: acme.business.id } });
    expect(await keys()).toBe(job.rowsDone);
    expect(job.created).toBe(job.rowsDone);

    // The next worker on this machine sees the holder's process gone and takes it at once.
    await runWaitingImports({ workerId: 'test:1:resume' });
    const done = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ state: 'done', rowsDone: ROWS, created: ROWS, present: 0 });
    expect(await keys()).toBe(ROWS);
    const imported = await db.auditEvent.count({
      where: { businessId: acme.business.id, action: 'license_key.imported' },
    });
    expect(imported).toBe(ROWS);
    expect(
      await db.customer.count({
        where: {
          businessId: acme.business.id,
          email: { startsWith: 'c', endsWith: '@crash.example' },
        },
      }),
    ).toBe(997);
    const tally = () =>
      db.keyTally.aggregate({ where: { businessId: acme.business.id }, _sum: { keys: true } });
    expect((await tally())._sum.keys).toBe(ROWS);
    await rebuildOverviewCounts(db, testEngine(), acme.business.id);
    expect((await tally())._sum.keys).toBe(ROWS);
  }, 180_000);

  it('is left to a worker of another machine until its lease has run out', async () => {
    const acme = await createBusinessFixture(db, 'Lease');
    const now = new Date();
    const job = await db.importJob.create({
      data: {
        id: 'imp_lease_test',
        businessId: acme.business.id,
        fileName: 'keys.csv',
        fileBytes: 0,
        delimiter: ',',
        headers: '[]',
        timeZone: 'UTC',
        state: 'importing',
        claimedBy: 'another-host:4242:abcd',
        lockedUntil: new Date(now.getTime() + 60_000),
        actorType: 'operator',
        actorId: 'cli',
        actorName: 'Command line',
        requestId: 'imp_lease_test',
      },
    });
    expect(await claimImportJob('here:1:a', { now, only: job.id })).toBeNull();
    const later = new Date(now.getTime() + 61_000);
    expect(await claimImportJob('here:1:a', { now: later, only: job.id })).toBe(job.id);
    expect(await claimImportJob('here:1:b', { now: later, only: job.id })).toBeNull();
  });
});

describe('a job nobody imports', () => {
  it('loses its file after a week, and says so', async () => {
    const acme = await createBusinessFixture(db, 'Idle');
    const { expireIdleImportJobs } = await import('./data-claims');
    const { createImportJob, getImportJob } = await import('./data-jobs');
    const source = (async function* () {
      yield new TextEncoder().encode('key,email\nIDLE-KEY-0001,a@idle.example\n');
    })();
    const created = await createImportJob(acme.owner, { name: 'idle.csv', source });
    if (!created.ok) throw new Error(created.code);
    const id = created.value.id;
    expect(await expireIdleImportJobs(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await expireIdleImportJobs(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    expect(await getImportJob(acme.owner, id)).toMatchObject({ state: 'failed' });
    expect(await db.importFileChunk.count({ where: { jobId: id } })).toBe(0);
  });
});
