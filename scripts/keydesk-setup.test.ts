import { verifyPassword } from 'better-auth/crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runKeydesk } from '@/lib/testing/keydesk-cli';
import { createTestDatabase } from '@/lib/testing/test-database';

// `keydesk setup` on an empty installation, run as a person runs it, against a real database.
const testDb = await createTestDatabase();
const { db, url } = testDb;
afterAll(() => testDb.cleanup());

const keydesk = (args: string[], stdin = '') => runKeydesk(url, args, stdin);

const owner = ['--business', 'Northwind Apps', '--email', 'Robin@Northwind.example'];

describe('npm run keydesk -- setup', () => {
  it('refuses bad input naming the option, and changes nothing', async () => {
    const badEmail = await keydesk(
      ['setup', '--business', 'Northwind', '--email', 'robin', '--name', 'Robin Park'],
      'a-long-password-1\n',
    );
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email: Enter an email address');
    const shortPassword = await keydesk([...['setup', ...owner], '--name', 'Robin'], 'short\n');
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toContain('The password: A password has at least 10 characters');
    const missing = await keydesk(['setup', '--business', 'Northwind']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --email, --name');
    expect(await db.business.count()).toBe(0);
  }, 60_000);

  it('creates the first business and its owner, with the password from standard input, once', async () => {
    const run = await keydesk(['setup', ...owner, '--name', 'Robin Park'], 'a-long-password-1\n');
    expect(run.stderr).not.toContain('Error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created the business “Northwind Apps”');
    expect(run.stdout).toContain('Robin Park <robin@northwind.example>');
    const membership = await db.membership.findFirstOrThrow({
      include: { user: { include: { accounts: true } }, business: true },
    });
    expect(membership).toMatchObject({
      role: 'owner',
      business: { name: 'Northwind Apps' },
      user: { email: 'robin@northwind.example', name: 'Robin Park' },
    });
    const hash = membership.user.accounts[0].password!;
    expect(await verifyPassword({ hash, password: 'a-long-password-1' })).toBe(true);

    const again = await keydesk(
      ['setup', '--business', 'Second', '--email', 'x@northwind.example', '--name', 'X'],
      'a-long-password-2\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Keydesk has an owner already');
    expect(await db.business.count()).toBe(1);
  }, 60_000);
});
