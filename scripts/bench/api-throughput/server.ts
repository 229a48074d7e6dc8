import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

// The app under measurement (../api-throughput.ts): commands, a free port, and `next start` with its
// health check and its stop.

const NEXT_CLI = createRequire(import.meta.url).resolve('next/dist/bin/next');
// A build older than the health route would answer it 404: build again then too.
export const BUILD_OUTPUTS = ['.next/BUILD_ID', '.next/server/app/api/health/route.js'];

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `next start` in its own process group, so that stopping it also stops the next-server it forks.
 * KEYDESK_BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (Node
 * refuses --cpu-prof in NODE_OPTIONS); open it in Chrome's DevTools or read it with
 * scripts/bench/api-throughput/profile-summary.ts.
 */
export function startServer(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const profileDir = env.KEYDESK_BENCH_CPU_PROF;
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      NEXT_CLI,
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk) => process.stderr.write(`[next] ${chunk}`));
  return child;
}

export async function stopServer(child: ChildProcess): Promise<void> {
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

export async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
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
