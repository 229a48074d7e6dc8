/**
 * REST API throughput of the built app (issue 13): `next start` on a temporary migrated and seeded
 * database, and autocannon (CONNECTIONS keep-alive connections, ./api-throughput/load.ts) against
 * each hot route in turn, in one run: creating a key, activating, validating, a page of the key
 * list, the dashboard's customer picker (signed in), all with rate limits off, and then activation
 * again on a server with the default rate limits. Each route runs in slices alternating with
 * GET /api/health (a constant answer, the baseline). Prints requests/s, p50/p99 latency, errors,
 * the constant route's requests/s beside it, the ratio and its target per route, and the CPU the
 * server (and PostgreSQL) spent per request, from /proc. With
 * KEYDESK_BENCH_PG_URL the same runs on PostgreSQL right after. `npm run bench -- api-throughput`.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { DEMO_BUSINESS_ID } from '@/lib/auth/demo-business';
import { createPrismaClient } from '@/lib/database/create-client';
import { cpuReader, cpuSpent } from './api-throughput/cpu';
import { monotonicMicros, type ProfiledSlice } from './api-throughput/profile-summary';
import { prepareFixture } from './api-throughput/fixture';
import {
  CONNECTIONS,
  cpuPerRequest,
  load,
  merged,
  printResults,
  rate,
  type Result,
  type RouteResult,
} from './api-throughput/load';
import { benchEngine } from './api-throughput/engine';
import { scenarios, type Measured } from './api-throughput/scenarios';
import {
  BUILD_OUTPUTS,
  freePort,
  run,
  startServer,
  stopServer,
  waitForHealth,
} from './api-throughput/server';
import { benchNumber } from './shared/smoke';

/**
 * Each route runs ROUNDS slices of SLICE_SECONDS, alternating with as many of GET /api/health. Four
 * rounds left a route's ratio ±0.06 apart between runs; eight narrow that by about √2.
 */
const ROUNDS = benchNumber(null, 8, 1);
const SLICE_SECONDS = benchNumber(null, 2, 1);
const WARMUP_SECONDS = benchNumber(null, 3, 1);
/**
 * KEYDESK_BENCH_ROUTES: only the routes whose name holds one of these comma-separated parts (and
 * the constant route), e.g. `validate` while working on one route. Every route by default.
 */
const ONLY = (process.env.KEYDESK_BENCH_ROUTES ?? '')
  .split(',')
  .map((part) => part.trim())
  .filter(Boolean);

/** KEYDESK_BENCH_CPU_PROF: the folder the server's CPU profiles and the slices' times go to. */
const PROFILE_DIR = process.env.KEYDESK_BENCH_CPU_PROF;
const profiledSlices: ProfiledSlice[] = [];

const bench = await benchEngine('api');
const { engine, databaseUrl } = bench;
const productionEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  KEYDESK_SEED_DEMO: '1',
  NEXT_TELEMETRY_DISABLED: '1',
};
delete productionEnv.KEYDESK_RATE_LIMIT_PER_ADDRESS;
delete productionEnv.KEYDESK_RATE_LIMIT_PER_LICENSE_KEY;
const env: NodeJS.ProcessEnv = {
  ...productionEnv,
  KEYDESK_RATE_LIMIT_PER_ADDRESS: '0',
  KEYDESK_RATE_LIMIT_PER_LICENSE_KEY: '0',
};
let server: ChildProcess | undefined;
const stopOnSignal = (signal: NodeJS.Signals) => {
  void (server ? stopServer(server) : Promise.resolve())
    .then(() => bench.cleanup())
    .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
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
  let cpu = cpuReader(server.pid!);
  const fixture = await prepareFixture(origin, apiKey, customer.id, product.id);

  console.log(
    `Load average (1, 5, 15 min) before timing: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `${CONNECTIONS} connections; each route ${ROUNDS} × ${SLICE_SECONDS} s, alternating with as many slices of GET /api/health, after ${WARMUP_SECONDS} s of warm-up`,
  );
  const all = scenarios(fixture).filter(
    (s, i) => i === 0 || ONLY.length === 0 || ONLY.some((part) => s.name.includes(part)),
  );
  const [health] = all;
  const results: RouteResult[] = [];
  const healthSlices: Result[] = [];
  const warm = (scenario: Measured) =>
    load(
      origin,
      apiKey,
      { ...scenario, request: (w, n) => scenario.request(w + 1000, n) },
      WARMUP_SECONDS,
    );
  // A route and the constant route in alternating slices: the machine's speed drifts over a run
  // (other tenants, CPU frequency), and a ratio of two figures measured minutes apart carried that
  // drift (validate once read 0.72 where a profile showed it costing what the constant route does).
  // With the CPU the server and the database spent in each slice (./api-throughput/cpu.ts).
  const slice = async (scenario: Measured): Promise<Result> => {
    const before = cpu?.();
    const start = monotonicMicros();
    const result = await load(origin, apiKey, scenario, SLICE_SECONDS);
    profiledSlices.push({
      route: scenario.name,
      start,
      end: monotonicMicros(),
      requests: result.requests,
    });
    const after = cpu?.();
    if (!before || !after) return result;
    return { ...result, cpu: cpuSpent(before, after) };
  };
  const measure = async (scenario: Measured) => {
    await warm(scenario);
    const route: Result[] = [];
    const baseline: Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await slice(health));
      route.push(await slice(scenario));
    }
    healthSlices.push(...baseline);
    results.push({
      ...merged(route),
      target: scenario.target,
      baseline: merged(baseline),
      rounds: route.map((slice, round) => rate(slice) / rate(baseline[round])),
      cpuRounds: route.flatMap((slice, round) => {
        const [own, constant] = [slice, baseline[round]].map((r) => cpuPerRequest(r, 'server'));
        return own && constant ? [constant / own] : [];
      }),
    });
  };
  await warm(health);
  for (const scenario of all.filter((s) => s !== health && !s.productionDefaults)) {
    await measure(scenario);
  }
  results.unshift(merged(healthSlices));
  // The same app with the rate limits a deployment runs with (the defaults of lib/env.ts).
  await stopServer(server);
  server = startServer(port, productionEnv);
  await waitForHealth(origin, server);
  cpu = cpuReader(server.pid!);
  await warm(health);
  for (const scenario of all.filter((s) => s.productionDefaults)) {
    await measure(scenario);
  }

  if (PROFILE_DIR) {
    const file = path.join(PROFILE_DIR, `slices-${engine}.json`);
    writeFileSync(file, JSON.stringify(profiledSlices, null, 1));
    console.log(
      `CPU profiles in ${PROFILE_DIR}, their slices in ${file}: npx tsx scripts/bench/api-throughput/profile-summary.ts <profile> --slices ${file} --route <name>`,
    );
  }
  const missed = printResults(results, engine === 'postgresql');
  console.log(
    missed.length === 0
      ? `Every target met on ${engine}.`
      : `Under target on ${engine}: ${missed.join('; ')}`,
  );
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await bench.cleanup();
}

bench.thenPostgres();
