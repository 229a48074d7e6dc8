import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// SQLite in WAL mode appends every commit to the -wal file and copies it back into the database
// ("checkpoints") once the WAL holds wal_autocheckpoint pages (1000 by default). That copy, and the
// fsync after it, run inside whichever COMMIT crosses the mark: on the server's one connection,
// on the main thread, in the middle of a request. Measured on this machine: half of the average
// COMMIT's time, and spikes of ~9 ms every few dozen commits.
//
// The checkpointer moves that work to a worker thread with its own connection, which runs a
// PASSIVE checkpoint every CHECKPOINT_EVERY_MS: it copies what no reader still needs and never
// blocks readers or the writer. While it runs, the app's connection checkpoints on its own only
// past FALLBACK_AUTOCHECKPOINT_PAGES (~40 MB of WAL), a bound should the thread fall behind; when it
// stops or fails, the connection's usual 1000 pages apply again.

export const CHECKPOINT_EVERY_MS = 250;
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/** The worker's code (CommonJS, run with `eval`: Next's bundle has no file for it to load). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
const checkpoint = () => {
  try {
    connection.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  connection.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export type Checkpointer = { stop(): Promise<void> };

export type CheckpointerOptions = {
  /** The database file (not :memory:). */
  file: string;
  /** Sets the app connection's wal_autocheckpoint (a PRAGMA on that connection). */
  setAutocheckpoint: (pages: number) => Promise<void>;
  busyTimeoutMs: number;
  everyMs?: number;
  /** Told about a failed checkpoint; the next one tries again. */
  onError?: (message: string) => void;
};

/**
 * Starts checkpointing `file` from a worker thread; the app's connection stops doing it on the
 * main thread once the worker is ready. The thread never keeps the process alive.
 */
export async function startCheckpointer(options: CheckpointerOptions): Promise<Checkpointer> {
  const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      file: options.file,
      busyTimeoutMs: options.busyTimeoutMs,
      everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS,
    },
  });
  worker.unref();
  let running = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const restore = async () => {
    if (!running) return;
    running = false;
    await options.setAutocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES);
  };
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { ready?: boolean; error?: string }) => {
      if (message.ready) resolve();
      if (message.error) options.onError?.(message.error);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The checkpointer exited (code ${code})`)));
  });
  await options.setAutocheckpoint(FALLBACK_AUTOCHECKPOINT_PAGES);
  // A thread that dies leaves the connection checkpointing as before.
  worker.on('error', (error) => {
    options.onError?.(error.message);
    void restore();
  });
  worker.once('exit', () => void restore());
  return {
    async stop() {
      await restore();
      worker.postMessage('stop');
      await exited;
    },
  };
}
