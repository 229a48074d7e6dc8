/**
 * The top entries of a V8 CPU profile (a .cpuprofile that `node --cpu-prof` wrote, e.g. the
 * throughput bench's server with KEYDESK_BENCH_CPU_PROF): self time by function and by where the
 * code comes from (a package of node_modules, Next's compiled app, Node itself), as shares of the
 * time the process was busy (idle and the profiler's own program time left out).
 *
 *   npx tsx scripts/bench/api-throughput/profile-summary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};

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

/** Self time per function and per origin, in µs and as a share of busy time, largest first. */
export function summarize(profile: CpuProfile): {
  busyMicros: number;
  functions: Entry[];
  origins: Entry[];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
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
  const [file, topText] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts <file.cpuprofile> [top=25]');
    process.exit(2);
  }
  const top = Number(topText ?? 25);
  const { busyMicros, functions, origins } = summarize(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
  );
  const line = (entry: Entry) =>
    `${(entry.share * 100).toFixed(1).padStart(5)}%  ${(entry.micros / 1000).toFixed(0).padStart(7)} ms  ${entry.name}`;
  console.log(`Busy: ${(busyMicros / 1e6).toFixed(2)} s (idle and (program) left out)\n`);
  console.log('Self time by origin:');
  for (const entry of origins.slice(0, top)) console.log(line(entry));
  console.log('\nSelf time by function:');
  for (const entry of functions.slice(0, top)) console.log(line(entry));
}
