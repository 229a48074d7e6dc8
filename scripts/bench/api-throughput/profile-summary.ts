/**
 * The top entries of a V8 CPU profile (a .cpuprofile that `node --cpu-prof` wrote, e.g. the
 * throughput bench's server with KEYDESK_BENCH_CPU_PROF): self time by function and by where the
 * code comes from (a package of node_modules, Next's compiled app, Node itself), as shares of the
 * time the process was busy (idle and the profiler's own program time left out).
 *
 * The bench alternates a route's slices with the constant route's, so one profile holds both. With
 * `--slices` (the bench's slices-<engine>.json) and `--route` (part of a route's name), only the
 * samples taken during that route's slices count, and each entry is also given in µs per request.
 * The profile's timestamps and the bench's are the same clock (CLOCK_MONOTONIC: V8's and
 * process.hrtime's on Linux).
 *
 *   npx tsx scripts/bench/api-throughput/profile-summary.ts <file.cpuprofile> [--slices <file>
 *     --route <part of a name>] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  /** When profiling started, in µs of the monotonic clock. */
  startTime: number;
  samples: number[];
  /** µs from the previous sample (the first: from startTime). */
  timeDeltas: number[];
};

/** A slice of the bench: which route ran from when to when (µs of the monotonic clock). */
export type ProfiledSlice = { route: string; start: number; end: number; requests: number };

/** Now on the clock a V8 CPU profile's timestamps are on, in µs. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Whether a sample taken at `micros` falls in one of `slices`. */
export function inSlices(slices: ProfiledSlice[]): (micros: number) => boolean {
  return (micros) => slices.some((slice) => micros >= slice.start && micros < slice.end);
}

const NOT_BUSY = new Set(['(idle)', '(program)']);

/** Where a frame's code comes from: a package, Next's server bundle, Node's own code, or the rest. */
export function origin(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  if (url.includes('/.next/')) return '.next (app bundle)';
  return 'other';
}

export type Entry = { name: string; micros: number; share: number };

/**
 * Self time per function and per origin, in µs and as a share of busy time, largest first; only
 * the samples taken when `keep` (given the sample's time on the monotonic clock) says so.
 */
export function summarize(
  profile: CpuProfile,
  keep: (micros: number) => boolean = () => true,
): {
  busyMicros: number;
  functions: Entry[];
  origins: Entry[];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (keep(at)) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  let busyMicros = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    if (NOT_BUSY.has(callFrame.functionName)) continue;
    busyMicros += micros;
    const where = origin(callFrame.url, callFrame.functionName);
    const file = callFrame.url.split('/').slice(-1)[0];
    const name = `${callFrame.functionName || '(anonymous)'} ${where === 'other' ? file : where}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    origins.set(where, (origins.get(where) ?? 0) + micros);
  }
  const entries = (map: Map<string, number>) =>
    [...map]
      .map(([name, micros]) => ({ name, micros, share: busyMicros ? micros / busyMicros : 0 }))
      .sort((a, b) => b.micros - a.micros);
  return { busyMicros, functions: entries(functions), origins: entries(origins) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slices: { type: 'string' },
      route: { type: 'string' },
      top: { type: 'string', default: '25' },
    },
  });
  const [file] = positionals;
  if (!file || Boolean(values.slices) !== Boolean(values.route)) {
    console.error(
      'usage: profile-summary.ts <file.cpuprofile> [--slices <slices.json> --route <name part>] [--top 25]',
    );
    process.exit(2);
  }
  const top = Number(values.top);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  let keep: ((micros: number) => boolean) | undefined;
  let requests = 0;
  if (values.slices && values.route) {
    const all = JSON.parse(readFileSync(values.slices, 'utf8')) as ProfiledSlice[];
    const profileEnd = profile.startTime + profile.timeDeltas.reduce((sum, d) => sum + d, 0);
    // The route's slices that this profile's process was running for (the bench restarts the
    // server for the production-defaults rows).
    const chosen = all.filter(
      (slice) =>
        slice.route.includes(values.route!) &&
        slice.start >= profile.startTime &&
        slice.end <= profileEnd,
    );
    if (chosen.length === 0) {
      console.error(`No slice of a route named like "${values.route}" lies within this profile.`);
      process.exit(1);
    }
    console.log(
      `${chosen.length} slices of ${[...new Set(chosen.map((s) => s.route))].join(', ')}`,
    );
    keep = inSlices(chosen);
    requests = chosen.reduce((sum, slice) => sum + slice.requests, 0);
  }
  const { busyMicros, functions, origins } = summarize(profile, keep);
  const perRequest = (micros: number) =>
    requests > 0 ? `  ${(micros / requests).toFixed(1).padStart(6)} µs/request` : '';
  const line = (entry: Entry) =>
    `${(entry.share * 100).toFixed(1).padStart(5)}%  ${(entry.micros / 1000).toFixed(0).padStart(7)} ms${perRequest(entry.micros)}  ${entry.name}`;
  console.log(
    `Busy: ${(busyMicros / 1e6).toFixed(2)} s${perRequest(busyMicros)} (idle and (program) left out)\n`,
  );
  console.log('Self time by origin:');
  for (const entry of origins.slice(0, top)) console.log(line(entry));
  console.log('\nSelf time by function:');
  for (const entry of functions.slice(0, top)) console.log(line(entry));
}
