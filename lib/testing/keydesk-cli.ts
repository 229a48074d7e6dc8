import { spawn } from 'node:child_process';

/**
 * The operator's command line as a person runs it (`npm run --silent keydesk -- …`) against the
 * database `databaseUrl`, `stdin` piped in: its exit code and what it printed.
 */
export function runKeydesk(databaseUrl: string, args: string[], stdin = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'keydesk', '--', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
