import pg from 'pg';

// A PostgreSQL database of its own for each run of ../api-throughput.ts, on the server of
// KEYDESK_BENCH_PG_URL, dropped at the end.

async function adminClient(serverUrl: string) {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

export async function createPgDatabase(serverUrl: string, name: string): Promise<string> {
  const client = await adminClient(serverUrl);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await adminClient(serverUrl);
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
