import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuReader, cpuSpent } from './cpu';

// A process that starts a child, which burns CPU_MS of CPU time and says so, then stays alive (the
// reader counts living processes: an exited one's time leaves /proc with it).
const CPU_MS = 300;
const grandchild = `const start = process.cpuUsage();
while ((process.cpuUsage(start).user + process.cpuUsage(start).system) / 1000 < ${CPU_MS}) {}
console.log('burnt'); setInterval(() => {}, 1000);`;
const parent = `const child = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['ignore', 'inherit', 'inherit'] });
setInterval(() => {}, 1000);`;

describe.skipIf(process.platform !== 'linux')('cpuReader', () => {
  it('counts the CPU time of the server process and of every process under it', async () => {
    const server = spawn(process.execPath, ['-e', parent], {
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const read = cpuReader(server.pid!)!;
      expect(read).not.toBeNull();
      const before = read();
      await once(server.stdout!, 'data');
      const spent = cpuSpent(before, read()).server;
      // Ticks of 10 ms, and the parent's own start-up on top.
      expect(spent).toBeGreaterThanOrEqual(CPU_MS - 20);
    } finally {
      process.kill(-server.pid!, 'SIGKILL');
    }
  });

  it('is null for a process that does not exist', () => {
    expect(cpuReader(2 ** 22 + 1)).toBeNull();
  });
});

it('counts what each process spent between two snapshots: a new one whole, an ended one not less', () => {
  const before = new Map([
    [1, { part: 'server' as const, cpuMs: 100 }],
    [2, { part: 'database' as const, cpuMs: 500 }],
    [3, { part: 'database' as const, cpuMs: 40 }],
  ]);
  const after = new Map([
    [1, { part: 'server' as const, cpuMs: 130 }],
    [3, { part: 'database' as const, cpuMs: 45 }],
    [4, { part: 'database' as const, cpuMs: 7 }],
  ]);
  expect(cpuSpent(before, after)).toEqual({ server: 30, database: 12 });
});
