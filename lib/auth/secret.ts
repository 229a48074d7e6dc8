import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = path.resolve('data/auth-secret');

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set (set it in production, the
 * same on every instance), else one made at random on first use and kept in data/auth-secret, so
 * that a fresh clone works and sessions survive restarts.
 */
export function authSecret(configured: string | undefined): string {
  if (configured) return configured;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(SECRET_FILE, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch {
    // Another process wrote it first: use theirs.
    return readFileSync(SECRET_FILE, 'utf8').trim();
  }
  chmodSync(SECRET_FILE, 0o600);
  return secret;
}
