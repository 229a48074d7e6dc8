import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The end-to-end suite deletes, migrates and seeds its database. Like dub's guard, refuse to run unless that
 * database is a local SQLite file inside this project whose name says it is for e2e (never the dev database).
 */
export function assertLocalE2eDatabase(url: string | undefined): void {
  if (!url) throw new Error('Refusing to run e2e tests: DATABASE_URL is not set');
  if (!url.startsWith('file:')) {
    throw new Error(
      `Refusing to run e2e tests: DATABASE_URL must be a local file: URL, not a ${url.split(':')[0]}: URL`,
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

export default function globalSetup(): void {
  assertLocalE2eDatabase(process.env.DATABASE_URL);
}
