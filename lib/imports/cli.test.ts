import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKeydesk } from '@/lib/testing/keydesk-cli';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// `npm run --silent keydesk -- import-keys`, run as an operator runs it, on a real database: the
// same checks and writes as the dashboard, progress on standard error, a JSON summary on
// standard output, and exit codes a script can act on.

const testDb = await createTestDatabase();
const { db, url } = testDb;
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-import-cli-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await testDb.cleanup();
});
const acme = await createBusinessFixture(db, 'Cli');

function file(name: string, text: string) {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}
const keydesk = (args: string[]) => runKeydesk(url, ['import-keys', ...args]);

describe('npm run keydesk -- import-keys', () => {
  it('checks without writing (--dry-run), then imports, then finds everything already present', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `CLI-KEY-${String(i).padStart(5, '0')};user${i % 40}@cli.example;${i % 3}`,
    );
    const csv = file('good.csv', `\uFEFFLicense Key;Email;Seats\n${rows.join('\r\n')}\r\n`);
    const business = ['--business', acme.business.name, '--product', acme.product.name];

    const dry = await keydesk([csv, ...business, '--dry-run']);
    expect(dry.code).toBe(0);
    const checked = JSON.parse(dry.stdout);
    expect(checked).toMatchObject({
      dryRun: true,
      state: 'checked',
      rows: 1200,
      wouldCreate: 1200,
      alreadyPresent: 0,
      conflicts: 0,
      errors: 0,
      problems: [],
    });
    expect(dry.stderr).toMatch(/Checking: 1,200 of 1,200 rows/);
    expect(await db.licenseKey.count({ where: { businessId: acme.business.id } })).toBe(0);

    const run = await keydesk([csv, ...business]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ state: 'done', created: 1200, errors: 0 });
    expect(run.stderr).toMatch(/Importing: 1,200 of 1,200 rows/);
    const key = await db.licenseKey.findUniqueOrThrow({ where: { key: 'CLI-KEY-00004' } });
    expect(key).toMatchObject({
      productId: acme.product.id,
      activationsLimit: 1,
      source: 'import',
    });
    const events = await db.auditEvent.findMany({ where: { objectId: key.id } });
    expect(events).toMatchObject([{ action: 'license_key.imported', actorType: 'operator' }]);

    const again = await keydesk([csv, ...business]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, alreadyPresent: 1200 });
  }, 120_000);

  it('exits 1 with every failed row in the summary, and 2 for a command that cannot run', async () => {
    const csv = file(
      'bad.csv',
      'key,email,product,activations limit\n' +
        `CLI-BAD-00001,a@cli.example,${acme.product.name},3\n` +
        `CLI-BAD-00002,a@cli.example,${acme.product.name},lots\n` +
        `short,not-an-email,Nope,1\n`,
    );
    const run = await keydesk([csv, '--business', acme.business.id]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ state: 'done', created: 1, errors: 2 });
    expect(
      summary.problems.map((p: { line: number; column: string }) => [p.line, p.column]),
    ).toEqual([
      [3, 'activations limit'],
      [4, 'key'],
      [4, 'email'],
      [4, 'product'],
    ]);

    const noKeys = file('columns.csv', 'name,notes\nDana,hello\n');
    const refused = await keydesk([noKeys, '--business', acme.business.id]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Key: Choose the column that holds the license keys.');
    expect((await keydesk(['/no/such/file.csv', '--business', acme.business.id])).code).toBe(2);
    expect((await keydesk([csv])).code).toBe(2);
    const unknownProduct = await keydesk([csv, '--business', acme.business.id, '--product', 'Zzz']);
    expect(unknownProduct.code).toBe(2);
    expect(unknownProduct.stderr).toContain('No product has the id or name "Zzz"');
  }, 120_000);
});
