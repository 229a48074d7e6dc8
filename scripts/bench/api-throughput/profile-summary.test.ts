import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { inSlices, monotonicMicros, origin, summarize, type CpuProfile } from './profile-summary';

// A program that spends most of its time in one function, profiled by Node for real (with
// --no-turbo-inlining, so that V8's optimizer keeps the function a frame of its own in samples).
const busy = `function burnForTheTest() {
  let x = 0;
  for (let i = 0; i < 2e6; i++) x = (x * 31 + i) % 1000003;
  return x;
}
const end = Date.now() + 400;
let sum = 0;
while (Date.now() < end) sum += burnForTheTest();
console.log(sum > 0);`;

it('puts the function a profiled program spends its time in at the top, as a share of busy time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-profile-'));
  try {
    const result = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--no-turbo-inlining', '-e', busy],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const [file] = readdirSync(dir);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const { busyMicros, functions, origins } = summarize(profile);

    expect(busyMicros).toBeGreaterThan(300_000);
    expect(functions[0].name).toMatch(/^burnForTheTest /);
    expect(functions[0].share).toBeGreaterThan(0.8);
    // Shares of busy time add up to the whole, by function and by origin alike.
    const total = (entries: { share: number }[]) => entries.reduce((sum, e) => sum + e.share, 0);
    expect(total(functions)).toBeCloseTo(1, 6);
    expect(total(origins)).toBeCloseTo(1, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Two phases, switched at a time this process sets on its own clock: the bench times its slices in
// its process, and the server's profile must be read on the same clock.
const twoPhases = `function phaseOne() { let x = 0; for (let i = 0; i < 1e5; i++) x += i % 7; return x; }
function phaseTwo() { let x = 0; for (let i = 0; i < 1e5; i++) x += i % 11; return x; }
const now = () => Number(process.hrtime.bigint() / 1000n);
const switchAt = Number(process.env.SWITCH_AT);
let sum = 0;
while (now() < switchAt) sum += phaseOne();
while (now() < switchAt + 500000) sum += phaseTwo();
console.log(sum > 0);`;

it("keeps only the samples taken in the slices asked for, on the bench's clock", () => {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-profile-'));
  try {
    const switchAt = monotonicMicros() + 700_000;
    const result = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--no-turbo-inlining', '-e', twoPhases],
      { encoding: 'utf8', env: { ...process.env, SWITCH_AT: String(switchAt) } },
    );
    expect(result.status).toBe(0);
    const [file] = readdirSync(dir);
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const share = (start: number, end: number, name: string) =>
      summarize(profile, inSlices([{ route: name, start, end, requests: 1 }]))
        .functions.filter((f) => f.name.startsWith(`${name} `))
        .reduce((sum, f) => sum + f.share, 0);

    // A slice that ends 100 ms before the switch holds phase one only; one that starts 100 ms after
    // it, phase two only.
    expect(share(switchAt - 400_000, switchAt - 100_000, 'phaseOne')).toBeGreaterThan(0.8);
    expect(share(switchAt - 400_000, switchAt - 100_000, 'phaseTwo')).toBe(0);
    expect(share(switchAt + 100_000, switchAt + 400_000, 'phaseTwo')).toBeGreaterThan(0.8);
    expect(share(switchAt + 100_000, switchAt + 400_000, 'phaseOne')).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('names where code comes from: a package (scoped or not), Node, the app bundle, the rest', () => {
  expect(origin('file:///app/node_modules/next/dist/server/base-server.js', 'f')).toBe('next');
  expect(origin('/app/node_modules/.pnpm/x/node_modules/@prisma/client/runtime/a.js', 'f')).toBe(
    '@prisma/client',
  );
  expect(origin('node:internal/webstreams/readablestream', 'f')).toBe('node (built-in)');
  expect(origin('file:///app/.next/server/chunks/x.js', 'f')).toBe('.next (app bundle)');
  expect(origin('', '(garbage collector)')).toBe('(garbage collector)');
  expect(origin('', 'writev')).toBe('(native)');
  expect(origin('file:///app/scripts/x.ts', 'f')).toBe('other');
});
