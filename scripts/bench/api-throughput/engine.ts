import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { POSTGRES_ONLY } from '../shared/per-engine';
import { createPgDatabase, dropPgDatabase } from './postgresql';

// Which engine a benchmark that runs against the built app measures: SQLite (a temporary file) by
// default; with KEYDESK_BENCH_PG_URL (a PostgreSQL server) the same benchmark runs again right after,
// in a child process, on a fresh PostgreSQL database of that server.

export async function benchEngine(name: string) {
  const engine = POSTGRES_ONLY ? 'postgresql' : 'sqlite';
  const pgServerUrl = process.env.KEYDESK_BENCH_PG_URL;
  const dir = mkdtempSync(path.join(tmpdir(), `keydesk-bench-${name}-`));
  const pgDatabase = `keydesk_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl =
    engine === 'postgresql' && pgServerUrl
      ? await createPgDatabase(pgServerUrl, pgDatabase)
      : `file:${path.join(dir, 'bench.db')}`;
  console.log(`Engine: ${engine}`);
  return {
    engine,
    dir,
    databaseUrl,
    /** Removes the temporary folder and the PostgreSQL database. */
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (engine === 'postgresql' && pgServerUrl) await dropPgDatabase(pgServerUrl, pgDatabase);
    },
    /** After a successful SQLite run: the same benchmark on PostgreSQL, when a server is given. */
    thenPostgres() {
      if (engine !== 'sqlite' || process.exitCode === 1) return;
      if (!pgServerUrl) {
        console.log('Set KEYDESK_BENCH_PG_URL to a PostgreSQL server to measure PostgreSQL too.');
        return;
      }
      const again = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], {
        env: { ...process.env, KEYDESK_BENCH_ENGINE: 'postgresql' },
        stdio: 'inherit',
      });
      process.exitCode = again.status ?? 1;
    },
  };
}
