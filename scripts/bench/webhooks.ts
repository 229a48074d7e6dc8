/**
 * Webhook delivery under load (issue 14): the built app (`next start`) on a temporary migrated and
 * seeded database, a real receiver on loopback, and three runs of POST /api/license_keys:
 *  1. as fast as CONNECTIONS clients go, with no webhook endpoint (the baseline);
 *  2. the same with one endpoint that wants every event, then again without (throughput with
 *     webhooks within 15% of the mean of the two runs around it);
 *  3. paced at RATE creations per second for PACED_SECONDS: every event delivered, and the delay
 *     from the change (the payload's timestamp) to its arrival at the receiver, p95 <= 1 s.
 * With KEYDESK_BENCH_PG_URL the same runs on PostgreSQL right after. `npm run bench -- webhooks`.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DEMO_BUSINESS_ID } from '@/lib/auth/demo-business';
import { createPrismaClient } from '@/lib/database/create-client';
import { newId } from '@/lib/ids';
import { startWebhookReceiver } from '@/lib/testing/webhook-receiver';
import { newWebhookSecret } from '@/lib/webhooks/secret';
import { CONNECTIONS, load, type Scenario } from './api-throughput/load';
import { benchEngine } from './api-throughput/engine';
import {
  BUILD_OUTPUTS,
  freePort,
  run,
  startServer,
  stopServer,
  waitForHealth,
} from './api-throughput/server';
import { benchNumber } from './shared/smoke';

const SECONDS = benchNumber(null, 8, 1);
const RATE = 200;
const PACED_SECONDS = benchNumber('KEYDESK_BENCH_WEBHOOK_SECONDS', 30, 2);

const bench = await benchEngine('webhooks');
const { databaseUrl } = bench;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  KEYDESK_SEED_DEMO: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  KEYDESK_RATE_LIMIT_PER_ADDRESS: '0',
  KEYDESK_RATE_LIMIT_PER_LICENSE_KEY: '0',
  KEYDESK_WEBHOOKS_ALLOW_PRIVATE: '1',
};
const receiver = await startWebhookReceiver();
const runId = randomBytes(3).toString('hex');
let server: ChildProcess | undefined;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

try {
  if (BUILD_OUTPUTS.some((file) => !existsSync(file))) {
    console.log('Building the app (npx next build)…');
    const build = spawnSync('npx', ['next', 'build'], { env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`next build failed (exit code ${build.status})`);
  }
  run('npx', ['tsx', 'scripts/prepare-db.ts'], env);
  const apiKey = run(
    'npm',
    ['run', '--silent', 'keydesk', '--', 'api-key', 'create', '--business', 'Acme Software'],
    env,
  ).trim();
  const db = createPrismaClient(databaseUrl);
  const [customer, product] = await Promise.all([
    db.customer.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } }),
    db.product.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } }),
  ]);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  server = startServer(port, env);
  await waitForHealth(origin, server);

  const create = (label: string): Scenario => ({
    name: label,
    expectedStatus: 201,
    request: (worker, n) => ({
      method: 'POST',
      path: '/api/license_keys',
      body: {
        key: `HOOK-${runId}-${label.length}-${worker}-${n}`,
        customer_id: customer.id,
        product_id: product.id,
        activations_limit: 3,
      },
    }),
  });
  const measure = async (label: string, warmUpSeconds = 1) => {
    const warm = { ...create(`${label}-warm`), name: `${label} (warm-up)` };
    await load(origin, apiKey, warm, warmUpSeconds);
    return load(origin, apiKey, create(label), SECONDS);
  };
  console.log(
    `Load average before timing: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')}`,
  );

  // Without, with, and without again: the server warms up as it goes, so the ratio compares the
  // run with webhooks to the mean of the two around it.
  const without = await measure('without webhooks', 3);
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      businessId: DEMO_BUSINESS_ID,
      url: receiver.url('/bench'),
      secret: newWebhookSecret(),
    },
  });
  const withHooks = await measure('with webhooks');
  const burst = await db.webhookEvent.count();
  await receiver.waitFor(burst, 120_000);
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabled: true } });
  const withoutAgain = await measure('without webhooks, again');
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabled: false } });

  // Paced: RATE creations a second, each sent on time whatever the answers before it.
  receiver.clear();
  const scenario = create('paced');
  let created = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let n = 0; n < RATE * PACED_SECONDS; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path: route, body } = scenario.request(0, n);
    const sent = fetch(`${origin}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        await response.text();
        if (response.status === 201) created++;
        else failed++;
      })
      .catch(() => void failed++)
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  }
  await Promise.all(inFlight);
  const pacedSeconds = (performance.now() - started) / 1000;
  let allArrived = true;
  try {
    await receiver.waitFor(created, 60_000);
  } catch {
    allArrived = false;
  }
  const ids = new Set(receiver.received.map((request) => request.headers['webhook-id']));
  const lags = receiver.received
    .map((request) => request.at - Date.parse(JSON.parse(request.body).timestamp))
    .sort((a, b) => a - b);
  await db.$disconnect();

  const rate = (r: { requests: number; seconds: number }) => r.requests / r.seconds;
  const ratio = rate(withHooks) / ((rate(without) + rate(withoutAgain)) / 2);
  const rows = [
    ['run', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
    ...[without, withHooks, withoutAgain].map((r) => [
      `POST /api/license_keys, ${r.name}`,
      r.requests,
      Math.round(r.requests / r.seconds),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      r.errors,
    ]),
  ];
  for (const row of rows)
    console.log(row.map((c, i) => String(c)[i ? 'padStart' : 'padEnd'](i ? 9 : 44)).join(' '));
  console.log(
    `With webhooks / the mean of the two without (${CONNECTIONS} connections): ${ratio.toFixed(2)} (target >= 0.85: ${ratio >= 0.85 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `Paced: ${created} keys created in ${pacedSeconds.toFixed(1)} s (${(created / pacedSeconds).toFixed(0)}/s, ${failed} failed); ` +
      `${ids.size} distinct events received, ${receiver.received.length - ids.size} repeats`,
  );
  const p95 = percentile(lags, 0.95);
  console.log(
    `Delivery lag: p50 ${percentile(lags, 0.5)} ms, p95 ${p95} ms, max ${lags.at(-1)} ms ` +
      `(target p95 <= 1000 ms: ${p95 <= 1000 ? 'met' : 'MISSED'}); every event delivered: ${allArrived && ids.size === created ? 'yes' : 'NO'}`,
  );
  const errors = without.errors + withHooks.errors + withoutAgain.errors;
  if (!allArrived || failed > 0 || errors > 0) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await receiver.close();
  await bench.cleanup();
}

bench.thenPostgres();
