import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOCHECKPOINT_PAGES,
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startCheckpointer,
} from './checkpointer';

// The WAL checkpointer on a real database file: the app's connection stops checkpointing, the
// worker thread's connection copies committed pages into the database file instead, and stopping
// it gives the connection its usual checkpoints back.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function database() {
  const folder = mkdtempSync(path.join(tmpdir(), 'keydesk-checkpoint-'));
  folders.push(folder);
  const file = path.join(folder, 'app.db');
  const connection = new Database(file);
  connection.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
    CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v);`);
  const autocheckpoints: number[] = [];
  const setAutocheckpoint = async (pages: number) => {
    autocheckpoints.push(pages);
    connection.pragma(`wal_autocheckpoint = ${pages}`);
  };
  const insert = connection.prepare('INSERT INTO t (v) VALUES (?)');
  /** About `pages` pages of commits, a few rows each, yielding between them as a server does. */
  const write = async (pages: number) => {
    for (let i = 0; i < pages; i++) {
      connection.transaction(() => {
        for (let j = 0; j < 4; j++) insert.run(`${'x'.repeat(900)}${i}-${j}`);
      })();
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { file, connection, setAutocheckpoint, autocheckpoints, write };
}

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('WAL checkpointer', () => {
  it('copies commits into the database file while the connection itself does not checkpoint', async () => {
    const { file, connection, setAutocheckpoint, autocheckpoints, write } = database();
    const checkpointer = await startCheckpointer({
      file,
      busyTimeoutMs: 5000,
      everyMs: 20,
      setAutocheckpoint,
    });
    expect(autocheckpoints).toEqual([FALLBACK_AUTOCHECKPOINT_PAGES]);
    const before = statSync(file).size;
    await write(700);
    // Under the fallback mark the connection never checkpointed: only the thread can have grown
    // the file, by most of what was written (~1 KB a row).
    await until(() => statSync(file).size - before > 500 * 4096);
    expect(connection.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2800 });
    await checkpointer.stop();
    expect(autocheckpoints).toEqual([FALLBACK_AUTOCHECKPOINT_PAGES, DEFAULT_AUTOCHECKPOINT_PAGES]);
    connection.close();
  });

  it('without it, the same commits stay in the WAL (the control)', async () => {
    const { file, connection, setAutocheckpoint, write } = database();
    await setAutocheckpoint(FALLBACK_AUTOCHECKPOINT_PAGES);
    const before = statSync(file).size;
    await write(700);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statSync(file).size).toBe(before);
    connection.close();
  });

  it('a thread that cannot open the database fails to start and changes nothing', async () => {
    const { setAutocheckpoint, autocheckpoints, connection } = database();
    await expect(
      startCheckpointer({
        file: path.join(tmpdir(), 'no-such-folder-keydesk', 'app.db'),
        busyTimeoutMs: 5000,
        setAutocheckpoint,
      }),
    ).rejects.toThrow();
    expect(autocheckpoints).toEqual([]);
    connection.close();
  });
});
