import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// A long-running `npm run keydesk -- …` command (a worker) as one Node process, for the crash
// tests: no npm or tsx parent to outlive a kill -9, and its exit to wait for.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run keydesk -- <args>` as one Node process, with `env` over this process's environment. */
export function startKeydeskProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/keydesk.ts', ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** How the process ended, once it has. */
export function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
