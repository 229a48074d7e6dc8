/**
 * REST API throughput of the built app: `next start` on a temporary migrated and seeded database,
 * rate limits off, and a small load generator (CONNECTIONS workers, each looping fetch for SECONDS)
 * against three routes, one after another in the same run: GET /api/health (a constant answer, the
 * baseline), POST /api/license_keys (a new key per request) and POST /api/licenses/activate (on a
 * key with unlimited activations). Prints requests/s, p50/p99 latency and errors per route, and the
 * ratios to the constant route. Run with `npm run bench -- api-throughput`.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_BUSINESS_ID } from '@/lib/auth/demo-business';
import { createPrismaClient } from '@/lib/database/create-client';
import { CONNECTIONS, load, printResults, type Result, type Scenario } from './api-throughput/load';
import { createPgDatabase, dropPgDatabase } from './api-throughput/postgresql';
import {
  BUILD_OUTPUTS,
  freePort,
  run,
  startServer,
  stopServer,
  waitForHealth,
} from './api-throughput/server';

const SECONDS = 8;
const WARMUP_SECONDS = 1;

// SQLite by default; with KEYDESK_BENCH_PG_URL (a PostgreSQL server) the same routes are measured on
// a fresh PostgreSQL database right after, in the same `npm run bench`.
const engine = process.env.KEYDESK_BENCH_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';
const pgServerUrl = process.env.KEYDESK_BENCH_PG_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'keydesk-bench-api-'));
const pgDatabase = `keydesk_bench_${randomBytes(4).toString('hex')}`;
const databaseUrl =
  engine === 'postgresql' && pgServerUrl
    ? await createPgDatabase(pgServerUrl, pgDatabase)
    : `file:${path.join(dir, 'bench.db')}`;
console.log(`Engine: ${engine}`);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  KEYDESK_SEED_DEMO: '1',
  KEYDESK_RATE_LIMIT_PER_ADDRESS: '0',
  KEYDESK_RATE_LIMIT_PER_LICENSE_KEY: '0',
  NEXT_TELEMETRY_DISABLED: '1',
};
let server: ChildProcess | undefined;
const stopOnSignal = (signal: NodeJS.Signals) => {
  void (server ? stopServer(server) : Promise.resolve()).finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

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
  if (!apiKey.startsWith('kd_'))
    throw new Error(`The CLI printed no API key: ${JSON.stringify(apiKey)}`);

  const db = createPrismaClient(databaseUrl);
  const [customer, product] = await Promise.all([
    db.customer.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } }),
    db.product.findFirstOrThrow({ where: { businessId: DEMO_BUSINESS_ID }, select: { id: true } }),
  ]);
  await db.$disconnect();

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  server = startServer(port, env);
  await waitForHealth(origin, server);

  const runId = randomBytes(4).toString('hex');
  const unlimitedKey = `BENCH-UNLIMITED-${runId}`;
  const created = await fetch(`${origin}/api/license_keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      key: unlimitedKey,
      customer_id: customer.id,
      product_id: product.id,
      activations_limit: null,
    }),
  });
  if (created.status !== 201) throw new Error(`Could not create the key: ${await created.text()}`);

  const scenarios: Scenario[] = [
    {
      name: 'GET /api/health',
      expectedStatus: 200,
      request: () => ({ method: 'GET', path: '/api/health' }),
    },
    {
      name: 'POST /api/license_keys',
      expectedStatus: 201,
      request: (worker, n) => ({
        method: 'POST',
        path: '/api/license_keys',
        body: {
          key: `BENCH-${runId}-${worker}-${n}`,
          customer_id: customer.id,
          product_id: product.id,
          activations_limit: 3,
        },
      }),
    },
    {
      name: 'POST /api/licenses/activate',
      expectedStatus: 201,
      request: (worker, n) => ({
        method: 'POST',
        path: '/api/licenses/activate',
        body: { license_key: unlimitedKey, name: `bench-${worker}-${n}` },
      }),
    },
  ];

  console.log(
    `Load average (1, 5, 15 min) before timing: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `${CONNECTIONS} connections × ${SECONDS} s per route, after ${WARMUP_SECONDS} s of warm-up each`,
  );
  const results: Result[] = [];
  for (const scenario of scenarios) {
    await load(
      origin,
      apiKey,
      { ...scenario, request: (w, n) => scenario.request(w + 1000, n) },
      WARMUP_SECONDS,
    );
    results.push(await load(origin, apiKey, scenario, SECONDS));
  }

  printResults(results);
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
  if (engine === 'postgresql' && pgServerUrl) await dropPgDatabase(pgServerUrl, pgDatabase);
}

if (engine === 'sqlite' && pgServerUrl && process.exitCode !== 1) {
  const again = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], {
    env: { ...process.env, KEYDESK_BENCH_ENGINE: 'postgresql' },
    stdio: 'inherit',
  });
  process.exitCode = again.status ?? 1;
} else if (engine === 'sqlite') {
  console.log('Set KEYDESK_BENCH_PG_URL to a PostgreSQL server to measure PostgreSQL too.');
}
