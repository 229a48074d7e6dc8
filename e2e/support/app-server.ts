// Keydesk processes that a spec starts itself (beside the suite's own server): a process group of
// its own, so that stopping it stops next-server too (FACTS.md), its output kept for the failure
// message, and scratch databases on the run's engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export type AppProcess = { child: ChildProcess; output: string[] };

/** `command args` in the project folder, in its own process group, its output collected. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(command, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

/** Waits for `origin`'s /api/health to answer, or fails with the process's last output. */
export async function waitUntilUp(origin: string, server: AppProcess, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) break;
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not start:\n${server.output.join('').slice(-3000)}`);
}

/** SIGTERM to the process group; SIGKILL after 10 s. */
export async function stopServer({ child }: AppProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Runs one statement on the `postgres` database of the server `runUrl` names. */
export async function postgresAdmin(runUrl: string, sql: string) {
  const url = new URL(runUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of the run's engine, named for `label`: a database on the PostgreSQL server of
 * `runUrl`, else a SQLite file under data/. Both names contain "e2e". `remove` deletes it.
 */
export async function scratchDatabase(runUrl: string, label: string) {
  const name = `keydesk_e2e_${label}_${randomBytes(5).toString('hex')}`;
  if (isPostgres(runUrl)) {
    await postgresAdmin(runUrl, `CREATE DATABASE ${name}`);
    const url = new URL(runUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      remove: () => postgresAdmin(runUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const file = path.join(root, 'data', `${name}.db`);
  return {
    url: `file:${file}`,
    remove: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}
