// Empties the end-to-end database before a Playwright run (playwright.config.ts): deletes the SQLite
// file, or drops and re-creates the PostgreSQL database. Refuses anything but a local e2e database.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { assertLocalE2eDatabase } from '../e2e/global-setup';
import { parseDatabaseUrl } from '@/lib/database/url';
import { readEnv } from '@/lib/env';

const { databaseUrl } = readEnv();
assertLocalE2eDatabase(databaseUrl);
const target = parseDatabaseUrl(databaseUrl);
if (target.engine === 'sqlite') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
} else {
  const server = new URL(target.url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${target.database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${target.database}"`);
  } finally {
    await client.end();
  }
}
console.log(`E2E database reset: ${target.engine === 'sqlite' ? target.file : target.database}`);
