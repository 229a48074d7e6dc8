import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The end-to-end suite deletes, migrates and seeds its database. Like dub's guard, refuse to run unless
 * that database is local and says it is for e2e: a SQLite file inside this project whose name contains
 * "e2e", or a PostgreSQL database on this machine whose name contains "e2e" (never the dev database).
 */
export function assertLocalE2eDatabase(url: string | undefined): void {
  if (!url) throw new Error('Refusing to run e2e tests: DATABASE_URL is not set');
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url);
    if (!LOCAL_HOSTS.has(parsed.hostname)) {
      throw new Error(`Refusing to run e2e tests: ${parsed.hostname} is not this machine`);
    }
    if (!parsed.pathname.slice(1).includes('e2e')) {
      throw new Error('Refusing to run e2e tests: the database name must contain "e2e"');
    }
    return;
  }
  if (!url.startsWith('file:')) {
    throw new Error(
      `Refusing to run e2e tests: DATABASE_URL must be a local file: or postgres: URL, not a ${url.split(':')[0]}: URL`,
    );
  }
  const file = path.resolve(projectRoot, url.slice('file:'.length).split('?')[0]);
  const relative = path.relative(projectRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(
      `Refusing to run e2e tests: ${file} is outside the project folder ${projectRoot}`,
    );
  }
  if (!path.basename(file).includes('e2e')) {
    throw new Error(
      `Refusing to run e2e tests: ${file} is not an e2e database (its name must contain "e2e")`,
    );
  }
}

/**
 * The e2e database for this run: `data/e2e.db`, or, when the run's DATABASE_URL is PostgreSQL, the
 * database `keydesk_e2e` on that same server. Another server of the run names its own `variant`
 * (`data/e2e-<variant>.db`, `keydesk_e2e_<variant>`).
 */
export function e2eDatabaseUrl(runUrl: string | undefined, variant?: string): string {
  if (runUrl?.startsWith('postgres://') || runUrl?.startsWith('postgresql://')) {
    const parsed = new URL(runUrl);
    parsed.pathname = variant ? `/keydesk_e2e_${variant}` : '/keydesk_e2e';
    return parsed.toString();
  }
  return variant ? `file:./data/e2e-${variant}.db` : 'file:./data/e2e.db';
}

export default function globalSetup(): void {
  assertLocalE2eDatabase(process.env.DATABASE_URL);
}
