import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { origin, summarize, type CpuProfile } from './profile-summary';

// A program that spends most of its time in one function, profiled by Node for real.
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
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', busy],
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
