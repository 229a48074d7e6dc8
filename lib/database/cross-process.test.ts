import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '@/lib/ids';
import { createBusinessFixture, createMemberActor } from '@/lib/testing/test-database';
import { createPrismaClient, type Database } from './create-client';
import { migrateDatabase } from './migrate';
import { parseDatabaseUrl } from './url';

// What must hold across app processes (read-check-write races: a count read, checked and written
// back lets several processes pass one limit), hammered
// through TWO Prisma clients on one database, each with its own copy of the app modules: on
// PostgreSQL two connection pools, exactly what two Keydesk processes are to the server. Every
// scenario splits its concurrent calls between the two. The PostgreSQL part runs when this run's
// DATABASE_URL is PostgreSQL; it creates and drops its own database on that server.
//
// On SQLite the two clients are two connections to one file. The paths that are single statements
// (rate limits, idempotency claims) are hammered through both. The paths that are interactive
// transactions run through one client there: Keydesk on SQLite is one process, and two
// better-sqlite3 connections in ONE Node process cannot stand in for two processes (one waiting
// for the other's write lock blocks the only thread, so the holder never gets to commit: a
// busy timeout after 5 s, measured). Each of those transactions begins with a write, so two real
// processes on one file wait for SQLite's write lock instead of writing over stale reads.

const runUrl = process.env.DATABASE_URL ?? '';
const onPostgres = parseDatabaseUrl(runUrl || undefined).engine === 'postgresql';
/** Who calls the public license endpoints in these tests. */
const holder = { requestId: 'req_crossprocess', address: '198.51.100.7' };

type AppModules = Awaited<ReturnType<typeof loadApp>>;

/**
 * A fresh copy of the app modules whose lib/db.ts is bound to `client`, as in its own process
 * started with DATABASE_URL=`url`.
 */
async function loadApp(client: Database, url: string) {
  vi.resetModules();
  const runEnv = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  (globalThis as { keydeskDb?: Database }).keydeskDb = client;
  const modules = {
    db: (await import('@/lib/db')).db,
    rateLimit: await import('@/lib/http/rate-limit'),
    throttle: await import('@/lib/auth/throttle'),
    members: await import('@/lib/members/data'),
    invites: await import('@/lib/members/data-invites'),
    businesses: await import('@/lib/businesses/data'),
    apiKeys: await import('@/lib/api-keys/data'),
    idempotency: await import('@/lib/http/idempotency'),
    instances: await import('@/lib/licenses/data'),
  };
  delete (globalThis as { keydeskDb?: Database }).keydeskDb;
  if (runEnv === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = runEnv;
  return modules;
}

type Target = {
  name: string;
  /** Creates and migrates the database; returns its URL and how to get rid of it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Whether interactive transactions are split across the two clients too (see above). */
  transactionsOnBothClients: boolean;
};

const sqlite: Target = {
  name: 'SQLite (two connections to one file)',
  transactionsOnBothClients: false,
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-xp-'));
    const url = `file:${path.join(dir, 'xp.db')}`;
    await migrateDatabase(url);
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres: Target = {
  name: 'PostgreSQL (two clients with two pools, as two processes)',
  transactionsOnBothClients: true,
  async create() {
    const server = new URL(runUrl);
    const name = `keydesk_xp_${randomBytes(6).toString('hex')}`;
    const admin = new URL(server);
    admin.pathname = '/postgres';
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    await migrateDatabase(url.toString());
    return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  },
};

if (!onPostgres) {
  console.info(
    'cross-process.test.ts: DATABASE_URL is not PostgreSQL, so the two-process PostgreSQL scenarios are skipped. ' +
      'Run them with DATABASE_URL=postgresql://… npx vitest run lib/database/cross-process.test.ts',
  );
}

describe.each([
  { target: sqlite, skip: false },
  { target: postgres, skip: !onPostgres },
])('$target.name', ({ target, skip }) => {
  let db: Database;
  const clients: Database[] = [];
  const apps: AppModules[] = [];
  /** The copies that run interactive transactions: both on PostgreSQL, one on SQLite. */
  let txApps: AppModules[] = [];
  let drop = async () => {};

  beforeAll(async () => {
    if (skip) return;
    const created = await target.create();
    drop = created.drop;
    for (let i = 0; i < 2; i++) clients.push(createPrismaClient(created.url));
    db = clients[0];
    for (const client of clients) apps.push(await loadApp(client, created.url));
    txApps = target.transactionsOnBothClients ? apps : [apps[0]];
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    await drop();
  }, 60_000);

  /** Runs `n` single-statement calls at once, alternating between the two "processes". */
  function hammer<T>(n: number, call: (app: AppModules, i: number) => Promise<T>) {
    return Promise.allSettled(Array.from({ length: n }, (_, i) => call(apps[i % 2], i)));
  }
  /** The same for calls that are interactive transactions. */
  function hammerTx<T>(n: number, call: (app: AppModules, i: number) => Promise<T>) {
    return Promise.allSettled(
      Array.from({ length: n }, (_, i) => call(txApps[i % txApps.length], i)),
    );
  }
  const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
    results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const rejected = <T>(results: PromiseSettledResult<T>[]) =>
    results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));

  it.skipIf(skip)('each copy of the app uses its own client', () => {
    expect(apps.map((app) => app.db)).toEqual(clients);
    expect(apps[0].db).not.toBe(apps[1].db);
  });

  describe.skipIf(skip)('rate limits', () => {
    const now = new Date('2031-05-06T07:08:30.000Z');

    it('100 concurrent requests against a limit of 40: exactly 40 pass, and none is lost', async () => {
      const results = await hammer(100, (app) =>
        app.rateLimit.enforceRateLimit('xp:burst', 40, now),
      );
      expect(fulfilled(results)).toHaveLength(40);
      const refusals = rejected(results);
      expect(refusals).toHaveLength(60);
      for (const error of refusals) expect(error).toMatchObject({ status: 429 });
      const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: 'xp:burst' } });
      expect(bucket.count).toBe(100);
    });

    it('the same when all of them start a new window at once', async () => {
      const previous = new Date(now.getTime() - 60_000);
      await db.rateLimitBucket.create({
        data: { key: 'xp:rollover', windowStart: previous, count: 500 },
      });
      const results = await hammer(100, (app) =>
        app.rateLimit.enforceRateLimit('xp:rollover', 40, now),
      );
      expect(fulfilled(results)).toHaveLength(40);
      const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: 'xp:rollover' } });
      expect(bucket).toMatchObject({ count: 100, windowStart: new Date('2031-05-06T07:08:00Z') });
    });
  });

  describe.skipIf(skip)('sign-in throttle', () => {
    const at = (ms: number) => new Date(Date.UTC(2031, 4, 6, 12, 0, 0) + ms);

    // Single statements (no interactive transaction): hammered through both clients on SQLite too.
    it('30 concurrent wrong passwords: 5 checked, one lock, the rest refused as locked', async () => {
      const { MAX_FAILURES } = apps[0].throttle;
      const email = 'burst@xp.example';
      let verified = 0;
      const wrong = async () => {
        verified += 1;
        await new Promise((resolve) => setTimeout(resolve, 20)); // a password check takes a while
        return false;
      };
      const outcomes = fulfilled(
        await hammer(30, (app, i) => app.throttle.throttledSignIn(email, wrong, at(i))),
      );
      expect(outcomes).toHaveLength(30);
      expect(verified).toBe(MAX_FAILURES);
      const row = await db.signInThrottle.findUniqueOrThrow({ where: { emailLower: email } });
      expect(row.lockedUntil).not.toBeNull();
      const locks = outcomes.flatMap((o) => (!o.ok && o.lockedUntil ? [o.lockedUntil] : []));
      expect(locks.length).toBeGreaterThanOrEqual(30 - MAX_FAILURES + 1);
      const right = await apps[1].throttle.throttledSignIn(email, async () => true, at(100));
      expect(right).toEqual({ ok: false, lockedUntil: row.lockedUntil });
    });

    it('concurrent failures below the limit are all counted, and lock nothing', async () => {
      const { MAX_FAILURES } = apps[0].throttle;
      const email = 'typos@xp.example';
      const outcomes = fulfilled(
        await hammer(MAX_FAILURES - 1, (app, i) =>
          app.throttle.throttledSignIn(email, async () => false, at(i)),
        ),
      );
      expect(outcomes).toEqual(Array(MAX_FAILURES - 1).fill({ ok: false, lockedUntil: null }));
      const row = await db.signInThrottle.findUniqueOrThrow({ where: { emailLower: email } });
      expect(row).toMatchObject({ attempts: MAX_FAILURES - 1, lockedUntil: null });
    });
  });

  describe.skipIf(skip)('at least one owner remains', () => {
    const ROUNDS = 6;
    async function twoOwners(label: string) {
      const biz = await createBusinessFixture(db, label);
      const second = await createMemberActor(db, biz.business.id, 'owner', `${label} Second`);
      return { businessId: biz.business.id, first: biz.owner, second };
    }
    const owners = (businessId: string) =>
      db.membership.count({ where: { businessId, role: 'owner' } });

    it('two owners demoting each other at once: one succeeds, one owner is left', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const { businessId, first, second } = await twoOwners(`Demote${round}`);
        const [a, b] = await Promise.all([
          txApps[0].members.changeMemberRole(first, { membershipId: second.id, role: 'admin' }),
          txApps
            .at(-1)!
            .members.changeMemberRole(second, { membershipId: first.id, role: 'admin' }),
        ]);
        expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
        expect(await owners(businessId)).toBe(1);
      }
    });

    it('an owner demoted a moment ago no longer acts as one (the role is read under the lock)', async () => {
      const { businessId, first, second } = await twoOwners('Stale');
      const third = await createMemberActor(db, businessId, 'owner', 'Stale Third');
      expect(
        (
          await txApps[0].members.changeMemberRole(first, {
            membershipId: second.id,
            role: 'admin',
          })
        ).ok,
      ).toBe(true);
      // `second` still says owner, as its request's session did when it began.
      const stale = await txApps.at(-1)!.members.changeMemberRole(second, {
        membershipId: third.id,
        role: 'support',
      });
      expect(stale).toEqual({ ok: false, code: 'OWNER_ONLY' });
      expect(await owners(businessId)).toBe(2);
    });

    it('two owners removing each other at once: one owner is left', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const { businessId, first, second } = await twoOwners(`Remove${round}`);
        const [a, b] = await Promise.all([
          txApps[0].members.removeMember(first, second.id),
          txApps.at(-1)!.members.removeMember(second, first.id),
        ]);
        expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
        expect(await owners(businessId)).toBe(1);
      }
    });

    it('two owners each leaving at once: one of them stays', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const { businessId, first, second } = await twoOwners(`Leave${round}`);
        await Promise.all([
          txApps[0].members.removeMember(first, first.id),
          txApps.at(-1)!.members.removeMember(second, second.id),
        ]);
        expect(await owners(businessId)).toBe(1);
      }
    });

    it('an owner transferring ownership while being demoted: one owner is left', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const { businessId, first, second } = await twoOwners(`Transfer${round}`);
        const admin = await createMemberActor(db, businessId, 'admin', `Transfer${round} Admin`);
        await Promise.all([
          txApps[0].businesses.transferOwnership(first, { membershipId: admin.id }),
          txApps
            .at(-1)!
            .members.changeMemberRole(second, { membershipId: first.id, role: 'admin' }),
          txApps[0].members.changeMemberRole(first, { membershipId: second.id, role: 'support' }),
        ]);
        expect(await owners(businessId)).toBeGreaterThanOrEqual(1);
      }
    });
  });

  describe.skipIf(skip)('unique by reading: API key names, pending invites', () => {
    it('10 concurrent API keys with one name (any case): one is created', async () => {
      const biz = await createBusinessFixture(db, 'Keys');
      const results = fulfilled(
        await hammerTx(10, (app, i) =>
          app.apiKeys.createApiKey(biz.owner, {
            name: i % 2 ? 'Checkout' : 'CHECKOUT',
            readOnly: false,
          }),
        ),
      );
      expect(results).toHaveLength(10);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const active = await db.apiKey.count({
        where: { businessId: biz.business.id, revokedAt: null },
      });
      expect(active).toBe(1);
    });

    it('10 concurrent invites of one address: one stays pending', async () => {
      const biz = await createBusinessFixture(db, 'Invites');
      const results = fulfilled(
        await hammerTx(10, (app) =>
          app.invites.createInvite(biz.owner, { email: 'new@invites.example', role: 'support' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      const pending = await db.invite.count({
        where: { businessId: biz.business.id, acceptedAt: null, revokedAt: null },
      });
      expect(pending).toBe(1);
    });
  });

  describe.skipIf(skip)('idempotency keys', () => {
    it('20 concurrent requests with one key: the work runs once; the others see it', async () => {
      let runs = 0;
      const request = { method: 'POST', path: '/api/xp', body: '{"a":1}' };
      const results = await hammer(20, (app) =>
        app.idempotency.withIdempotency('xp', 'same-key', request, async () => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
          return { status: 201, body: '{"id":"one"}' };
        }),
      );
      expect(runs).toBe(1);
      const answers = fulfilled(results);
      expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
      for (const error of rejected(results)) expect(error).toMatchObject({ status: 409 });

      // Afterwards each process replays the first answer.
      for (const app of apps) {
        const replay = await app.idempotency.withIdempotency('xp', 'same-key', request, () => {
          throw new Error('must not run again');
        });
        expect(replay).toEqual({ status: 201, body: '{"id":"one"}', replayed: true });
      }
    });
  });

  describe.skipIf(skip)('activation limits', () => {
    it('50 concurrent activations of a key with a limit of 5: exactly 5', async () => {
      const biz = await createBusinessFixture(db, 'Seats');
      const key = await db.licenseKey.create({
        data: {
          id: newId('lic'),
          businessId: biz.business.id,
          key: `XP-${randomBytes(8).toString('hex')}`,
          customerId: biz.customer.id,
          productId: biz.product.id,
          activationsLimit: 5,
          source: 'manual',
        },
      });
      const results = fulfilled(
        await hammerTx(50, (app, i) =>
          app.instances.activateLicenseKey(key.key, `machine ${i}`, holder),
        ),
      );
      expect(results).toHaveLength(50);
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      const row = await db.licenseKey.findUniqueOrThrow({ where: { id: key.id } });
      expect(row.instancesCount).toBe(5);
      expect(await db.licenseKeyInstance.count({ where: { licenseKeyId: key.id } })).toBe(5);
    });
  });
});
