import 'server-only';
import { databaseUrl, direct } from '@/lib/db';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { SQLITE_BUSY_TIMEOUT_MS } from './create-client';
import { sql } from './direct';
import { parseDatabaseUrl } from './url';

const KEY = Symbol.for('keydesk.sqlite.checkpointer');

/**
 * On SQLite, checkpoints the server's database from a worker thread (./checkpointer.ts), once per
 * process; stopped on SIGTERM and SIGINT. Failing to start leaves SQLite checkpointing as usual.
 */
export async function startServerCheckpointer(): Promise<void> {
  const store = globalThis as { [KEY]?: Promise<Checkpointer | null> };
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine !== 'sqlite' || target.file === ':memory:') return;
  if (store[KEY]) return;
  const log = (message: string, error: string) =>
    console.error(
      JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, error }),
    );
  store[KEY] = startCheckpointer({
    file: target.file,
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
    setAutocheckpoint: async (pages) => {
      // A pragma's text cannot take a parameter; `pages` is one of the module's constants.
      await direct.rows(sql([`PRAGMA wal_autocheckpoint = ${Math.trunc(pages)}`]));
    },
    onError: (error) => log('A WAL checkpoint failed; the next one tries again', error),
  }).catch((error: unknown) => {
    log(
      'The WAL checkpointer did not start; SQLite checkpoints on commit',
      error instanceof Error ? error.message : String(error),
    );
    return null;
  });
  const checkpointer = await store[KEY];
  if (!checkpointer) return;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void checkpointer.stop());
  }
}
