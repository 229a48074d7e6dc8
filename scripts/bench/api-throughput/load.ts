// The load generator of ../api-throughput.ts: CONNECTIONS workers against one route, and the table
// of what each route answered.

export const CONNECTIONS = 10;

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
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** CONNECTIONS workers, each sending its next request as soon as the previous one is answered. */
export async function load(
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
      const { method, path: route, body, headers } = scenario.request(id, counter++);
      const sent = performance.now();
      try {
        const response = await fetch(`${origin}${route}`, {
          method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
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

/**
 * Requests/s, p50/p99 latency and errors per route, the ratio to the first (constant) route and the
 * target ratio. Returns the routes under their target.
 */
export function printResults(
  results: (Result & { target?: number; baseline?: Result })[],
): string[] {
  const rate = (r: Result) => r.requests / r.seconds;
  // Each route against the constant route of its own server (the first row, or its baseline).
  const ratio = (r: Result & { baseline?: Result }) => rate(r) / rate(r.baseline ?? results[0]);
  printTable([
    ['route', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs health', 'target', ''],
    ...results.map((r) => [
      r.name,
      r.requests,
      rate(r).toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.errors,
      ratio(r).toFixed(2),
      r.target === undefined ? '' : `>= ${r.target.toFixed(2)}`,
      r.target === undefined ? '' : ratio(r) >= r.target ? 'met' : 'MISSED',
    ]),
  ]);
  for (const r of results.filter((result) => result.firstError)) {
    console.log(`First error of ${r.name}: ${r.firstError}`);
  }
  return results.filter((r) => r.target !== undefined && ratio(r) < r.target).map((r) => r.name);
}
