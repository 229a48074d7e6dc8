import { afterAll, describe, expect, it } from 'vitest';
import { hashApiKeySecret } from '@/lib/api-keys/secret';
import { runKeydesk } from '@/lib/testing/keydesk-cli';
import { createBusinessFixture, createTestDatabase } from '@/lib/testing/test-database';

// The operator's command line, run as a person runs it (`npm run --silent keydesk -- …`) against a
// real test database: what it writes goes through the data layer, audited as the operator.

const testDb = await createTestDatabase();
const { db, url } = testDb;
afterAll(() => testDb.cleanup());

const acme = await createBusinessFixture(db, 'Acme');

const keydesk = (args: string[], stdin = '') => runKeydesk(url, args, stdin);

describe('npm run keydesk', () => {
  it('api-key create prints a key alone that the data layer stored hashed, audited as the operator', async () => {
    const run = await keydesk([
      'api-key',
      'create',
      '--business',
      acme.business.id,
      '--name',
      'CI',
    ]);
    expect(run.code).toBe(0);
    const secret = run.stdout.trim();
    expect(secret).toMatch(/^kd_live_[A-Za-z0-9_-]{43}$/);
    const key = await db.apiKey.findUniqueOrThrow({
      where: { secretHash: hashApiKeySecret(secret) },
    });
    expect(key).toMatchObject({ businessId: acme.business.id, name: 'CI', readOnly: false });
    expect(key.createdByMember).toBeNull();
    const events = await db.auditEvent.findMany({ where: { objectId: key.id } });
    expect(events).toMatchObject([
      { action: 'api_key.created', actorType: 'operator', actorName: 'Command line' },
    ]);

    // The data layer's rule for names holds here too: a second active "CI" is refused.
    const again = await keydesk([
      'api-key',
      'create',
      '--business',
      acme.business.id,
      '--name',
      'ci',
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('already has this name');
  }, 60_000);

  it('user set-password changes the hash, ends sessions, and records it in each business', async () => {
    const email = 'dana.operator@acme.example';
    const user = await db.user.create({
      data: { id: 'usr_cli_test', name: 'Dana Operator', email, emailVerified: true },
    });
    await db.membership.create({
      data: { id: 'mem_cli_test', userId: user.id, businessId: acme.business.id, role: 'admin' },
    });
    const run = await keydesk(['user', 'set-password', '--email', email], 'a-new-password-123\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Password set for Dana Operator');
    const account = await db.account.findFirstOrThrow({
      where: { userId: user.id, providerId: 'credential' },
    });
    expect(account.password).toMatch(/:/);
    expect(account.password).not.toContain('a-new-password-123');
    const events = await db.auditEvent.findMany({
      where: { objectId: user.id, action: 'member.password_set' },
    });
    expect(events).toMatchObject([{ businessId: acme.business.id, actorType: 'operator' }]);

    const unknown = await keydesk(
      ['user', 'set-password', '--email', 'nobody@x.example'],
      'a-new-password-123\n',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No staff member has the email address nobody@x.example.');
  }, 60_000);
});

describe('npm run keydesk -- overview recount', () => {
  it('rebuilds the counts of keys written straight into the database', async () => {
    const { newId } = await import('@/lib/ids');
    const loaded = await createBusinessFixture(db, 'Loaded');
    await db.licenseKey.createMany({
      data: [null, 2].map((activationsLimit) => ({
        id: newId('lic'),
        businessId: loaded.business.id,
        key: `LOADED-${newId('lic')}`,
        customerId: loaded.customer.id,
        productId: loaded.product.id,
        activationsLimit,
        source: 'import' as const,
      })),
    });
    const tallied = () =>
      db.keyTally.aggregate({
        where: { businessId: loaded.business.id },
        _sum: { keys: true, unlimited: true, limitSum: true },
      });
    expect((await tallied())._sum.keys).toBeNull();
    const run = await keydesk(['overview', 'recount', '--business', loaded.business.name]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Recounted the overview of Loaded Inc\. \(bus_\w+\) in \d+\.\d s\.\n$/,
    );
    expect((await tallied())._sum).toEqual({ keys: 2, unlimited: 1, limitSum: 2n });
    const unknown = await keydesk(['overview', 'recount', '--business', 'Nobody Ltd']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No business has the id or name "Nobody Ltd".');
  });
});
