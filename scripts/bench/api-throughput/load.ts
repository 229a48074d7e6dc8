import autocannon from 'autocannon';
import type { CpuTotals } from './cpu';

// The load generator of ../api-throughput.ts: CONNECTIONS workers against one route, and the table
// of what each route answered.

export const CONNECTIONS = 10;
/** How long after a run its last requests may still be answered. */
const SETTLE_MS = 500;

export type Scenario = {
  name: string;
  expectedStatus: number;
  request: (
    worker: number,
    n: number,
  ) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
};
export type Result = {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  firstError?: string;
  /** Every request's latency in ms, sorted. */
  latencies: number[];
  /** CPU ms the app's server and the database server spent meanwhile (./cpu.ts), where measured. */
  cpu?: CpuTotals;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

let sent = 0;

/**
 * CONNECTIONS keep-alive connections, each sending its next request as soon as the previous one is
 * answered, for `seconds`. The load comes from autocannon: a lean client (raw sockets, requests
 * built once per call), so that the two cores measure the server, not the client (`fetch` cost the
 * client more for a POST with a body than for a GET, and that difference showed in the ratios).
 * Requests carry `Accept-Encoding: gzip, deflate`, as the SDK's fetch sends it; bodies are counted,
 * not decompressed. The request counter runs on across calls, so keys made from it stay unique.
 */
export async function load(
  origin: string,
  apiKey: string,
  scenario: Scenario,
  seconds: number,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let workers = 0;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: origin,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          setupRequest: (_request, context: { worker?: number }) => {
            context.worker ??= workers++;
            const { method, path, body, headers } = scenario.request(context.worker, sent++);
            return {
              method: method as autocannon.Request['method'],
              path,
              headers: {
                authorization: `Bearer ${apiKey}`,
                'accept-encoding': 'gzip, deflate',
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                ...headers,
              },
              body: body === undefined ? undefined : JSON.stringify(body),
            };
          },
          onResponse: (status, body) => {
            if (status === scenario.expectedStatus) return;
            errors++;
            firstError ??= `${status} ${body.slice(0, 200)}`;
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  const result = await done;
  // autocannon stops at the deadline with requests still in flight: let the server finish them, so
  // that they neither run into the next measurement nor write after the caller counts (webhooks).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  errors += result.errors;
  if (result.errors > 0) firstError ??= `${result.errors} connection errors or timeouts`;
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    requests: latencies.length,
    errors,
    seconds: result.duration,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    firstError,
    latencies,
  };
}

/** A measured route: its slices merged, the constant route's beside it, and each round's ratio. */
export type RouteResult = Result & {
  target?: number;
  baseline?: Result;
  /** Each round's ratio of rates to the constant route, and of its server CPU per request. */
  rounds?: number[];
  cpuRounds?: number[];
};

/** Requests per second of a result. */
export const rate = (r: Result) => r.requests / r.seconds;

/** Slices of one route's load as one result. */
export function merged(slices: Result[]): Result {
  const latencies = slices.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    name: slices[0].name,
    requests: latencies.length,
    errors: slices.reduce((sum, r) => sum + r.errors, 0),
    seconds: slices.reduce((sum, r) => sum + r.seconds, 0),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    firstError: slices.find((r) => r.firstError)?.firstError,
    latencies,
    cpu: slices.every((r) => r.cpu)
      ? {
          server: slices.reduce((sum, r) => sum + r.cpu!.server, 0),
          database: slices.reduce((sum, r) => sum + r.cpu!.database, 0),
        }
      : undefined,
  };
}

/** CPU µs per request of the server (or the database server) in a result, where measured. */
export const cpuPerRequest = (r: Result, part: keyof CpuTotals) =>
  r.cpu && r.requests > 0 ? (r.cpu[part] * 1000) / r.requests : undefined;

function printTable(rows: (string | number)[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) {
    console.log(
      row.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  '),
    );
  }
}

/**
 * Requests/s, p50/p99 latency and errors per route; for a measured route, the constant route's
 * requests/s in the slices alternating with it, the ratio of the two, the lowest and highest ratio
 * of a single round (how noisy the run was) and the target ratio. Then, where /proc gave them, the
 * CPU µs per request of the app's server and of the database server (PostgreSQL), and the constant
 * route's server CPU per request over the route's (in the same slices): the ratio the rates would
 * have if the server's one core were all that limited them. Returns the routes under their target
 * (by the whole run's ratio of rates: the target the issue sets).
 */
export function printResults(results: RouteResult[], database: boolean): string[] {
  const ratio = (r: RouteResult) => (r.baseline ? rate(r) / rate(r.baseline) : 1);
  const range = (values?: number[]) =>
    values?.length ? `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}` : '';
  const micros = (value: number | undefined) => (value === undefined ? '' : value.toFixed(0));
  const cpuRatio = (r: RouteResult) => {
    const [own, health] = [
      cpuPerRequest(r, 'server'),
      r.baseline && cpuPerRequest(r.baseline, 'server'),
    ];
    return own && health ? (health / own).toFixed(2) : '';
  };
  printTable([
    [
      'route',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'health',
      'vs health',
      'per round',
      'target',
      '',
      'server µs',
      ...(database ? ['db µs'] : []),
      'CPU vs health',
      'per round',
    ],
    ...results.map((r) => [
      r.name,
      r.requests,
      rate(r).toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.errors,
      r.baseline ? rate(r.baseline).toFixed(0) : '',
      r.baseline ? ratio(r).toFixed(2) : '',
      range(r.rounds),
      r.target === undefined ? '' : `>= ${r.target.toFixed(2)}`,
      r.target === undefined ? '' : ratio(r) >= r.target ? 'met' : 'MISSED',
      micros(cpuPerRequest(r, 'server')),
      ...(database ? [micros(cpuPerRequest(r, 'database'))] : []),
      cpuRatio(r),
      range(r.cpuRounds),
    ]),
  ]);
  for (const r of results.filter((result) => result.firstError)) {
    console.log(`First error of ${r.name}: ${r.firstError}`);
  }
  return results.filter((r) => r.target !== undefined && ratio(r) < r.target).map((r) => r.name);
}
