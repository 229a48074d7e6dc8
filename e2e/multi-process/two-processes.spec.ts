import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../lib/auth/demo-accounts';
import { DEMO_BUSINESS_ID } from '../../lib/auth/demo-business';
import { createPrismaClient, type Database } from '../../lib/database/create-client';
import { readEnv } from '../../lib/env';
import { newId } from '../../lib/ids';
import {
  postgresAdmin,
  root,
  startProcess,
  stopServer,
  waitUntilUp,
  type AppProcess,
} from '../support/app-server';

// The issue's test: TWO Keydesk processes (`next start`, ports 3201 and 3202) on ONE PostgreSQL
// database, driven over HTTP. Whatever must hold across processes is checked with requests split
// between the two: activation limits, duplicate-key refusal, idempotency keys, rate limits (their
// counters live in the database) and sign-in sessions.
//
// It builds nothing: it uses the existing .next build (and runs `npx next build` only when
// .next/BUILD_ID is missing), so build first when the code changed. It makes its own database on
// the server of DATABASE_URL, migrates and seeds it (scripts/prepare-db.ts) and drops it afterwards.
// Skipped unless DATABASE_URL is PostgreSQL. Alone:
//   DATABASE_URL=postgresql://keydesk@127.0.0.1:55432/postgres \
//     npx playwright test e2e/multi-process --config e2e/multi-process/playwright.config.ts

const run = promisify(execFile);
const runUrl = process.env.DATABASE_URL ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(runUrl);
const PORTS = [3201, 3202] as const;
const ORIGINS = PORTS.map((port) => `http://127.0.0.1:${port}`);
/**
 * How long a process may go on trusting a session or membership it checked (README, "Sessions"):
 * short here, so that the test of it can wait it out.
 */
const SESSION_CACHE_SECONDS = 2;
/** Per license key and minute, for both processes together. */
// Above the 50 simultaneous activations below, so that all 50 race for the seats.
const PER_KEY_LIMIT = 60;

test.skip(
  !onPostgres,
  'Two app processes need a shared PostgreSQL: set DATABASE_URL=postgresql://…',
);
test.describe.configure({ mode: 'serial' });

const databaseName = `keydesk_e2e_2p_${randomBytes(5).toString('hex')}`;
let databaseUrl = '';
let db: Database | undefined;
let apiKey = '';
const servers: AppProcess[] = [];
const sharedSecret = randomBytes(32).toString('base64url');

const admin = (sql: string) => postgresAdmin(runUrl, sql);

function startServer(port: number) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KEYDESK_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    // Both "machines" sign cookies with one secret, as a deployment on several machines must.
    BETTER_AUTH_SECRET: sharedSecret,
    KEYDESK_SESSION_CACHE_SECONDS: String(SESSION_CACHE_SECONDS),
    KEYDESK_RATE_LIMIT_PER_LICENSE_KEY: String(PER_KEY_LIMIT),
    // Every request comes from 127.0.0.1: keep the per-address limit out of the way.
    KEYDESK_RATE_LIMIT_PER_ADDRESS: '100000',
    KEYDESK_SEED_DEMO: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const server = startProcess('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], env);
  servers.push(server);
  return server;
}

test.beforeAll(async ({}, testInfo) => {
  if (!onPostgres) return;
  testInfo.setTimeout(600_000);
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    await run('npx', ['next', 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  await admin(`CREATE DATABASE ${databaseName}`);
  const url = new URL(runUrl);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  const env = { ...process.env, DATABASE_URL: databaseUrl, KEYDESK_SEED_DEMO: '1' };
  await run('npx', ['tsx', 'scripts/prepare-db.ts'], { cwd: root, env });
  const cli = ['run', '--silent', 'keydesk', '--', 'api-key', 'create'];
  const { stdout } = await run('npm', [...cli, '--business', 'Acme Software'], { cwd: root, env });
  apiKey = stdout.trim();
  expect(apiKey).toMatch(/^kd_live_[A-Za-z0-9_-]{43}$/);
  db = createPrismaClient(databaseUrl);

  const started = PORTS.map((port) => startServer(port));
  await Promise.all(started.map((server, i) => waitUntilUp(ORIGINS[i], server)));
});

test.afterAll(async ({}, testInfo) => {
  if (!onPostgres) return;
  testInfo.setTimeout(120_000);
  await Promise.all(servers.map(stopServer));
  await db?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

/** One request to process `which`: 0 (A, port 3201) or 1 (B, port 3202). */
async function call(
  which: number,
  method: 'GET' | 'POST',
  apiPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${ORIGINS[which]}/api${apiPath}`, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

/** How many answers had each status (and error code), e.g. { "201": 5, "429 RATE_LIMIT_EXCEEDED": 40 }. */
function tally(answers: Answer[]) {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const label = status >= 400 ? `${status} ${String(body.code)}` : String(status);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** `n` requests at once, alternating between the two processes. */
const split = (n: number, request: (which: number, i: number) => Promise<Answer>) =>
  Promise.all(Array.from({ length: n }, (_, i) => request(i % 2, i)));

const uniqueKey = (label: string) => `2P-${label}-${randomBytes(8).toString('hex').toUpperCase()}`;

/** A customer and a product of the demo business for one test. */
async function scenario() {
  const token = randomBytes(4).toString('hex');
  const customer = await db!.customer.create({
    data: {
      id: newId('cus'),
      businessId: DEMO_BUSINESS_ID,
      name: `Two Proc ${token}`,
      nameLower: `two proc ${token}`,
      email: `two.${token}@e2e.example`,
      emailLower: `two.${token}@e2e.example`,
    },
  });
  const product = await db!.product.create({
    data: {
      id: newId('pdt'),
      businessId: DEMO_BUSINESS_ID,
      name: `Twin ${token}`,
      nameLower: `twin ${token}`,
    },
  });
  return { customer_id: customer.id, product_id: product.id };
}

/** Rate-limit counts are per minute: start a burst early enough in a minute to end within it. */
async function freshWindow() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) {
    await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
  }
}

test('both processes answer, from one database', async () => {
  for (const which of [0, 1]) {
    const answer = await call(which, 'GET', '/license_keys');
    expect(answer.status).toBe(200);
  }
});

test('50 simultaneous activations split across both processes, key limit 5: exactly 5 seats', async () => {
  const key = await call(0, 'POST', '/license_keys', {
    key: uniqueKey('SEATS'),
    ...(await scenario()),
    activations_limit: 5,
  });
  expect(key.status).toBe(201);
  const { id, key: keyString } = key.body as { id: string; key: string };

  await freshWindow();
  const answers = await split(50, (which, i) =>
    call(which, 'POST', '/licenses/activate', { license_key: keyString, name: `machine ${i}` }),
  );
  // All 50 reach the seats (under the per-key limit); exactly 5 get one.
  expect(tally(answers)).toEqual({ '201': 5, '422 LICENSE_KEY_LIMIT_REACHED': 45 });
  for (const which of [0, 1]) {
    const read = await call(which, 'GET', `/license_keys/${id}`);
    expect(read.body.instances_count).toBe(5);
  }
  expect(await db!.licenseKeyInstance.count({ where: { licenseKeyId: id } })).toBe(5);
});

test('one key string imported through both processes at once (25 + 25): one 201, one row', async () => {
  const key = uniqueKey('SAME');
  const body = { key, ...(await scenario()) };
  const answers = await split(50, (which) => call(which, 'POST', '/license_keys', body));
  expect(tally(answers)).toEqual({ '201': 1, '409 LICENSE_KEY_ALREADY_EXISTS': 49 });
  expect(await db!.licenseKey.count({ where: { key } })).toBe(1);
});

test('an Idempotency-Key used on process A is replayed by process B', async () => {
  const body = { key: uniqueKey('IDEM'), ...(await scenario()) };
  const idempotencyKey = `2p-${randomBytes(8).toString('hex')}`;
  const first = await call(0, 'POST', '/license_keys', body, { 'idempotency-key': idempotencyKey });
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotent-replayed')).toBeNull();

  const replay = await call(1, 'POST', '/license_keys', body, {
    'idempotency-key': idempotencyKey,
  });
  expect(replay.status).toBe(201);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  expect(replay.body.id).toBe(first.body.id);
  expect(await db!.licenseKey.count({ where: { key: body.key } })).toBe(1);
});

test('one Idempotency-Key sent to both processes at once: the request runs once', async () => {
  const body = { key: uniqueKey('IDEM2'), ...(await scenario()) };
  const headers = { 'idempotency-key': `2p-${randomBytes(8).toString('hex')}` };
  const answers = await split(20, (which) => call(which, 'POST', '/license_keys', body, headers));
  const executed = answers.filter((a) => a.status === 201 && !a.headers.get('idempotent-replayed'));
  expect(executed).toHaveLength(1);
  for (const answer of answers) {
    if (answer.status === 201) expect(answer.body.id).toBe(executed[0].body.id);
    else expect(`${answer.status} ${answer.body.code}`).toBe('409 IDEMPOTENCY_REQUEST_IN_PROGRESS');
  }
  expect(await db!.licenseKey.count({ where: { key: body.key } })).toBe(1);
});

test(`the per-key rate limit counts both processes together: ${PER_KEY_LIMIT / 2 + 1} + ${PER_KEY_LIMIT / 2 + 1} validations, limit ${PER_KEY_LIMIT}`, async () => {
  const key = await call(0, 'POST', '/license_keys', {
    key: uniqueKey('RATE'),
    ...(await scenario()),
  });
  expect(key.status).toBe(201);
  const licenseKey = String(key.body.key);
  await freshWindow();
  const statuses: string[] = [];
  for (let i = 0; i < PER_KEY_LIMIT + 2; i++) {
    const answer = await call(i % 2, 'POST', '/licenses/validate', { license_key: licenseKey });
    statuses.push(`${answer.status}${answer.status === 429 ? ` on ${i % 2 ? 'B' : 'A'}` : ''}`);
  }
  expect(statuses).toEqual([...Array(PER_KEY_LIMIT).fill('200'), '429 on A', '429 on B']);
});

test('a session signed in on process A works on process B; signed out on B, it ends on B at once and on A within the bound', async ({
  browser,
}) => {
  const [originA, originB] = ORIGINS;
  const contextA = await browser.newContext();
  const pageA = await contextA.newPage();
  await pageA.goto(`${originA}/sign-in`);
  await pageA.getByRole('textbox', { name: 'Email' }).fill(DEMO_ACCOUNTS.acmeOwner.email);
  await pageA.getByLabel('Password').fill(readEnv().demoPassword);
  await pageA.getByRole('button', { name: 'Sign in' }).click();
  await expect(pageA).toHaveURL(`${originA}/`);
  await expect(pageA.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // A separate browser that only has A's cookies, on B.
  const contextB = await browser.newContext();
  await contextB.addCookies(await contextA.cookies());
  const pageB = await contextB.newPage();
  await pageB.goto(`${originB}/license-keys`);
  await expect(pageB).toHaveURL(`${originB}/license-keys`);
  await expect(pageB.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The session lives in the database: ended on B, it is gone on B at once (even for a copy of
  // the cookie) and on A within SESSION_CACHE_SECONDS (A may have checked it just before).
  const cookie = cookieHeader(await contextA.cookies());
  expect((await picker(originA, cookie)).status).toBe(200);
  await pageB.getByRole('button', { name: 'Sign out' }).click();
  await expect(pageB).toHaveURL(/\/sign-in/);
  const signedOut = Date.now();
  expect((await picker(originB, cookie)).status).toBe(401);
  await expectRefusedWithinBound(originA, cookie, signedOut);
  await pageA.goto(`${originA}/license-keys`);
  await expect(pageA).toHaveURL(/\/sign-in/);

  await contextA.close();
  await contextB.close();
});

test('a member removed by another process loses access on both processes within the bound', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGINS[0]}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_ACCOUNTS.acmeSupport.email);
  await page.getByLabel('Password').fill(readEnv().demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${ORIGINS[0]}/`);
  const cookie = cookieHeader(await context.cookies());
  for (const origin of ORIGINS) expect((await picker(origin, cookie)).status).toBe(200);

  // The command line, or a third process: neither app process hears of it.
  await db!.membership.deleteMany({
    where: { businessId: DEMO_BUSINESS_ID, user: { email: DEMO_ACCOUNTS.acmeSupport.email } },
  });
  const removed = Date.now();
  for (const origin of ORIGINS) await expectRefusedWithinBound(origin, cookie, removed);
  await context.close();
});

/** The Cookie header a browser context would send. */
function cookieHeader(cookies: { name: string; value: string }[]) {
  return cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
}

/** The dashboard's customer picker, asked with `cookie`. */
function picker(origin: string, cookie: string) {
  return fetch(`${origin}/internal/customers?q=da`, { headers: { cookie } });
}

/** The picker refuses `cookie` (401) on `origin` no later than the bound after `since`. */
async function expectRefusedWithinBound(origin: string, cookie: string, since: number) {
  let status = 0;
  while (Date.now() - since < SESSION_CACHE_SECONDS * 1000 + 2000) {
    status = (await picker(origin, cookie)).status;
    if (status === 401) break;
    expect(status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(status, `${origin} still answered after the bound`).toBe(401);
}
