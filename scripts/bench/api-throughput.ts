/**
 * REST API throughput of the built app: `next start` on a temporary migrated and seeded database,
 * rate limits off, and a small load generator (CONNECTIONS workers, each looping fetch for SECONDS)
 * against three routes, one after another in the same run: GET /api/health (a constant answer, the
 * baseline), POST /api/license_keys (a new key per request) and POST /api/licenses/activate (on a
 * key with unlimited activations). Prints requests/s, p50/p99 latency and errors per route, and the
 * ratios to the constant route. Run with `npm run bench -- api-throughput`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import pg from 'pg';
import path from 'node:path';
import { DEMO_BUSINESS_ID } from '@/lib/auth/demo-business';
import { createPrismaClient } from '@/lib/database/create-client';

const CONNECTIONS = 10;
const SECONDS = 8;
const WARMUP_SECONDS = 1;
const NEXT_CLI = createRequire(import.meta.url).resolve('next/dist/bin/next');
// A build older than the health route would answer it 404: build again then too.
const BUILD_OUTPUTS = ['.next/BUILD_ID', '.next/server/app/api/health/route.js'];

type Scenario = {
  name: string;
  expectedStatus: number;
  request: (worker: number, n: number) => { method: string; path: string; body?: unknown };
};
type Result = {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  firstError?: string;
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `next start` in its own process group, so that stopping it also stops the next-server it forks. */
function startServer(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(
    process.execPath,
    [NEXT_CLI, 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk) => process.stderr.write(`[next] ${chunk}`));
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group is gone already.
    }
  };
  signal('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signal('SIGKILL');
    await exited;
  }
}

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
      throw new Error(`GET /api/health answered ${response.status}: rebuild the app`);
    } catch (error) {
      if (error instanceof Error && error.message.includes('rebuild')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('next start did not answer within 60 s');
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** CONNECTIONS workers, each sending its next request as soon as the previous one is answered. */
async function load(
  origin: string,
  apiKey: string,
  scenario: Scenario,
  seconds: number,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let counter = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const worker = async (id: number) => {
    while (performance.now() < until) {
      const { method, path: route, body } = scenario.request(id, counter++);
      const sent = performance.now();
      try {
        const response = await fetch(`${origin}${route}`, {
          method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status !== scenario.expectedStatus) {
          errors++;
          firstError ??= `${response.status} ${text.slice(0, 200)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, id) => worker(id)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    requests: latencies.length,
    errors,
    seconds: elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    firstError,
  };
}

function printTable(rows: (string | number)[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) {
    console.log(
      row.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  '),
    );
  }
}

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

  const base = results[0];
  const rate = (r: Result) => r.requests / r.seconds;
  printTable([
    [
      'route',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'req/s vs health',
      'p50 vs health',
    ],
    ...results.map((r) => [
      r.name,
      r.requests,
      rate(r).toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.errors,
      `${((rate(r) / rate(base)) * 100).toFixed(0)}%`,
      `${(r.p50 / base.p50).toFixed(1)}x`,
    ]),
  ]);
  for (const r of results.filter((result) => result.firstError)) {
    console.log(`First error of ${r.name}: ${r.firstError}`);
  }
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

async function adminClient(serverUrl: string) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

async function createPgDatabase(serverUrl: string, name: string): Promise<string> {
  const client = await adminClient(serverUrl);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await adminClient(serverUrl);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
