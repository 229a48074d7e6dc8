import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createTestDatabase, testEngine } from '@/lib/testing/test-database';
import { newWebhookSecret } from '@/lib/webhooks/secret';

// A bulk import end to end on a real database, whichever engine: upload, check, import, again.

const testDb = await createTestDatabase();
const { db } = testDb;
afterAll(() => testDb.cleanup());
const { createImportJob, getImportJob, startImport } = await import('./data-jobs');
const { configureImportJob } = await import('./data-configure');
const { listImportProblems } = await import('./data-problems');
const { runWaitingImports } = await import('./worker');
const { configureImportSchema } = await import('./schema');
const { rebuildOverviewCounts } = await import('@/lib/overview/data-recount');
const { createLicenseKey } = await import('@/lib/license-keys/data');

type Fixture = Awaited<ReturnType<typeof createBusinessFixture>>;

/** The business's KeyTally and ActivityRollup summed over slots: the overview's kept counts. */
async function keyTallies(businessId: string) {
  const tallies = await db.keyTally.groupBy({
    by: ['productId', 'expiryDay'],
    where: { businessId },
    _sum: { keys: true, disabled: true, unlimited: true, limitSum: true, atLimit: true },
    orderBy: [{ productId: 'asc' }, { expiryDay: 'asc' }],
  });
  const rollups = await db.activityRollup.aggregate({
    where: { businessId },
    _sum: { keysImport: true, keysManual: true },
  });
  return {
    tallies: tallies
      .filter((t) => (t._sum.keys ?? 0) !== 0)
      .map((t) => ({ ...t, _sum: { ...t._sum, limitSum: Number(t._sum.limitSum) } })),
    rollups: rollups._sum,
  };
}

async function* bytes(text: string) {
  const all = new TextEncoder().encode(text);
  for (let at = 0; at < all.length; at += 64 * 1024) yield all.subarray(at, at + 64 * 1024);
}

/** Uploads `csv`, maps it as proposed and runs the check; answers the job. */
async function check(acme: Fixture, csv: string, options: { updateExisting?: boolean } = {}) {
  const created = await createImportJob(acme.owner, { name: 'keys.csv', source: bytes(csv) });
  if (!created.ok) throw new Error(`${created.code} ${created.message ?? ''}`);
  const id = created.value.id;
  const job = (await getImportJob(acme.owner, id))!;
  const input = configureImportSchema.parse({
    jobId: id,
    ...job.mapping,
    timeZone: 'UTC',
    updateExisting: options.updateExisting ?? false,
  });
  const configured = await configureImportJob(acme.owner, input);
  if (!configured.ok) throw new Error(configured.code);
  await runWaitingImports({ workerId: 'test:1:check' });
  return (await getImportJob(acme.owner, id))!;
}

async function run(acme: Fixture, id: string) {
  const started = await startImport(acme.owner, id);
  if (!started.ok) throw new Error(started.code);
  await runWaitingImports({ workerId: 'test:1:import' });
  return (await getImportJob(acme.owner, id))!;
}

const HEADER = 'license_key,email,name,product,activations_limit,expires_at,disabled,id\n';

/** A file of `rows` rows, every hundredth one bad in a different way. */
function fileOf(acme: Fixture, rows: number, tag: string) {
  const lines: string[] = [];
  const bad = new Map<number, string>();
  for (let i = 0; i < rows; i++) {
    const line = i + 2;
    const key = `${tag}-${String(i).padStart(6, '0')}-KEY`;
    const email = `buyer${i % 250}@${tag.toLowerCase()}.example`;
    let limit = String(i % 7 === 0 ? '' : (i % 5) + 1);
    let product = i % 2 === 0 ? acme.product.name : acme.product.id;
    let keyText = key;
    let expires = i % 3 === 0 ? '' : `2031-0${(i % 9) + 1}-15`;
    if (i % 100 === 37) {
      const kind = ((i / 100) % 4) | 0;
      if (kind === 0) limit = '-3';
      if (kind === 1) keyText = 'abc';
      if (kind === 2) product = 'No Such Product';
      if (kind === 3) expires = '2031-02-30';
      bad.set(line, ['activations_limit', 'license_key', 'product', 'expires_at'][kind]);
    }
    lines.push(
      `${keyText},${email},"Buyer, number ${i % 250}",${product},${limit},${expires},false,LS-${i}`,
    );
  }
  return { csv: HEADER + lines.join('\n') + '\n', bad };
}

describe('bulk import', () => {
  it('imports exactly the good rows of a 10,000-row file with 1% bad rows, and again changes nothing', async () => {
    const acme = await createBusinessFixture(db, 'Bulk');
    const { csv, bad } = fileOf(acme, 10_000, 'BULK');
    const checked = await check(acme, csv);
    expect(checked.state).toBe('checked');
    expect(checked.totalRows).toBe(10_000);
    expect(checked.counts).toEqual({
      created: 9_900,
      present: 0,
      conflicts: 0,
      errors: 100,
      updated: 0,
    });
    expect(checked.preview).toHaveLength(10);
    expect(checked.preview[0]).toMatchObject({ line: 2, outcome: 'create', maskedKey: '••••-KEY' });
    // The dry run wrote no key and no customer.
    expect(await db.licenseKey.count({ where: { businessId: acme.business.id } })).toBe(0);
    expect(await db.customer.count({ where: { businessId: acme.business.id } })).toBe(1);
    const problems = (await listImportProblems(acme.owner, checked.id, 1000))!;
    expect(new Map(problems.map((p) => [p.line, p.column]))).toEqual(bad);

    const done = await run(acme, checked.id);
    expect(done.state).toBe('done');
    expect(done.counts).toEqual({
      created: 9_900,
      present: 0,
      conflicts: 0,
      errors: 100,
      updated: 0,
    });
    const keys = await db.licenseKey.findMany({
      where: { businessId: acme.business.id },
      select: {
        key: true,
        source: true,
        activationsLimit: true,
        expiresAt: true,
        note: true,
        customer: { select: { email: true, name: true } },
      },
    });
    expect(keys).toHaveLength(9_900);
    const byKey = new Map(keys.map((k) => [k.key, k]));
    expect(byKey.get('BULK-000001-KEY')).toEqual({
      key: 'BULK-000001-KEY',
      source: 'import',
      activationsLimit: 2,
      expiresAt: new Date('2031-02-15T23:59:59.999Z'),
      note: 'Original ID: LS-1',
      customer: { email: 'buyer1@bulk.example', name: 'Buyer, number 1' },
    });
    expect(byKey.get('BULK-000000-KEY')?.activationsLimit).toBeNull();
    expect(byKey.get('BULK-000000-KEY')?.expiresAt).toBeNull();
    expect(byKey.has('BULK-000037-KEY')).toBe(false);
    // 250 customers found or created once each, each audited; every key audited under the job.
    expect(await db.customer.count({ where: { businessId: acme.business.id } })).toBe(251);
    expect(
      await db.auditEvent.count({
        where: {
          businessId: acme.business.id,
          action: 'license_key.imported',
          requestId: checked.id,
        },
      }),
    ).toBe(9_900);
    expect(
      await db.auditEvent.count({
        where: { businessId: acme.business.id, action: 'customer.created' },
      }),
    ).toBe(250);
    const trail = await db.auditEvent.findMany({
      where: { businessId: acme.business.id, objectType: 'import_job' },
      orderBy: { createdAt: 'asc' },
      select: { action: true, summary: true },
    });
    expect(trail.map((e) => e.action)).toEqual([
      'license_keys.import_started',
      'license_keys.import_finished',
    ]);
    expect(trail[1].summary).toContain('9,900 created');
    // The file is gone once imported; the overview's counts are what a recount finds.
    expect(await db.importFileChunk.count({ where: { jobId: checked.id } })).toBe(0);
    const kept = await keyTallies(acme.business.id);
    await rebuildOverviewCounts(db, testEngine(), acme.business.id);
    expect(await keyTallies(acme.business.id)).toEqual(kept);

    // The same file again: everything already present, nothing written.
    const again = await check(acme, csv);
    expect(again.counts).toEqual({
      created: 0,
      present: 9_900,
      conflicts: 0,
      errors: 100,
      updated: 0,
    });
    const events = await db.auditEvent.count({ where: { businessId: acme.business.id } });
    const rerun = await run(acme, again.id);
    expect(rerun.counts).toEqual(again.counts);
    expect(await db.licenseKey.count({ where: { businessId: acme.business.id } })).toBe(9_900);
    // Only the run's own start and end are new in the trail.
    expect(await db.auditEvent.count({ where: { businessId: acme.business.id } })).toBe(events + 2);
  }, 120_000);

  it('reports a key held by another business as a conflict without naming it', async () => {
    const acme = await createBusinessFixture(db, 'Tenant');
    const other = await createBusinessFixture(db, 'Rival');
    const taken = await createLicenseKey(other.owner, {
      mode: 'import',
      key: 'RIVAL-SECRET-KEY-1',
      customerId: other.customer.id,
      productId: other.product.id,
      activationsLimit: 1,
      expiresAt: null,
    });
    expect(taken.ok).toBe(true);
    const csv = `key,email,product\nRIVAL-SECRET-KEY-1,a@tenant.example,${acme.product.name}\nTENANT-NEW-KEY-1,a@tenant.example,${acme.product.name}\n`;
    const checked = await check(acme, csv);
    expect(checked.counts).toMatchObject({ created: 1, conflicts: 1 });
    const done = await run(acme, checked.id);
    expect(done.counts).toMatchObject({ created: 1, conflicts: 1 });
    const [problem] = (await listImportProblems(acme.owner, checked.id))!;
    expect(problem).toMatchObject({ line: 2, kind: 'conflict', column: 'key' });
    expect(checked.preview[0]).toMatchObject({
      line: 2,
      outcome: 'conflict',
      maskedKey: '••••EY-1',
    });
    expect(problem.message).not.toContain('Rival');
    expect(problem.message).not.toContain(other.business.id);
    const rival = await db.licenseKey.findUniqueOrThrow({ where: { key: 'RIVAL-SECRET-KEY-1' } });
    expect(rival.businessId).toBe(other.business.id);
    // Another business cannot read the job.
    expect(await getImportJob(other.owner, checked.id)).toBeNull();
  });

  it('previews a row it cannot read as the file has it, the key masked', async () => {
    const acme = await createBusinessFixture(db, 'Preview');
    const checked = await check(acme, 'key,email,product\nPREVIEW-KEY-77,not an email,Nope\n');
    expect(checked.preview).toEqual([
      expect.objectContaining({
        line: 2,
        outcome: 'error',
        maskedKey: '••••Y-77',
        customerEmail: 'not an email',
        product: 'Nope',
      }),
    ]);
    expect(checked.preview[0].message).toContain('Unknown product');
  });

  it('reports other terms as a conflict, and updates them only when asked, each change audited', async () => {
    const acme = await createBusinessFixture(db, 'Terms');
    await db.webhookEndpoint.create({
      data: {
        id: newId('whk'),
        businessId: acme.business.id,
        url: 'http://127.0.0.1:9/hook',
        secret: newWebhookSecret(),
      },
    });
    const first = `key,email,product,activations_limit,disabled\nTERMS-KEY-0001,t@terms.example,${acme.product.name},2,false\n`;
    await run(acme, (await check(acme, first)).id);
    const changed = first.replace(',2,false', ',5,true');
    const conflicted = await check(acme, changed);
    expect(conflicted.counts).toMatchObject({ conflicts: 1, updated: 0 });
    const [problem] = (await listImportProblems(acme.owner, conflicted.id))!;
    expect(problem.message).toContain('activations limit 2 (file: 5)');
    const updating = await check(acme, changed, { updateExisting: true });
    expect(updating.counts).toMatchObject({ conflicts: 0, updated: 1 });
    const done = await run(acme, updating.id);
    expect(done.counts).toMatchObject({ updated: 1, created: 0 });
    const key = await db.licenseKey.findUniqueOrThrow({ where: { key: 'TERMS-KEY-0001' } });
    expect(key).toMatchObject({ activationsLimit: 5, disabled: true });
    const actions = await db.auditEvent.findMany({
      where: { objectId: key.id },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'license_key.imported',
      'license_key.disabled',
      'license_key.limit_changed',
    ]);
    const events = await db.webhookEvent.findMany({
      where: { businessId: acme.business.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual([
      'license_key.created',
      'license_key.disabled',
      'license_key.updated',
    ]);
    expect(JSON.parse(events[2].payload).data).toMatchObject({
      key: 'TERMS-KEY-0001',
      activations_limit: 5,
      status: 'disabled',
    });
  });

  it('two imports of one file at once write each key once, and between them count every row once', async () => {
    const acme = await createBusinessFixture(db, 'Twice');
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `TWICE-${String(i).padStart(5, '0')},t${i % 300}@twice.example,${acme.product.name}`,
    );
    const csv = `key,email,product\n${rows.join('\n')}\n`;
    const jobs = [];
    for (const worker of ['a', 'b']) {
      const checked = await check(acme, csv);
      const started = await startImport(acme.owner, checked.id);
      if (!started.ok) throw new Error(started.code);
      jobs.push({ id: checked.id, worker });
    }
    // Two workers (on PostgreSQL two connections), each taking one job, side by side.
    await Promise.all(
      jobs.map(({ id, worker }) => runWaitingImports({ workerId: `test:1:${worker}`, only: id })),
    );
    const [a, b] = await Promise.all(jobs.map(({ id }) => getImportJob(acme.owner, id)));
    expect(a!.state).toBe('done');
    expect(b!.state).toBe('done');
    expect(a!.counts.created + b!.counts.created).toBe(3000);
    expect(a!.counts.present + b!.counts.present).toBe(3000);
    expect(await db.licenseKey.count({ where: { businessId: acme.business.id } })).toBe(3000);
    expect(
      await db.customer.count({
        where: {
          businessId: acme.business.id,
          email: { startsWith: 't', endsWith: '@twice.example' },
        },
      }),
    ).toBe(300);
    expect(
      await db.auditEvent.count({
        where: { businessId: acme.business.id, action: 'license_key.imported' },
      }),
    ).toBe(3000);
  }, 120_000);
});
