import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every environment variable the code reads is in one of the README's tables. The names are
// collected from the source itself: lib/env.ts (`env.NAME`), every other `process.env.NAME` outside
// tests, and `${NAME:-default}` in shell scripts.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['app', 'components', 'lib', 'scripts', 'e2e', 'prisma'];
const ROOT_FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'playwright.config.ts',
  'prisma.config.ts',
  'vitest.config.ts',
  '.ci/run',
];
const SKIPPED_DIRS = new Set(['node_modules', 'generated', '.next', '.auth', 'migrations']);
/** Names in sample code for merchants' own programs, which Keydesk itself never reads. */
const SAMPLE_CODE_ONLY = new Set(['KEYDESK_API_KEY']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) {
      return SKIPPED_DIRS.has(name) ? [] : sourceFiles(relative);
    }
    return /\.(ts|tsx|js|mjs|sh)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

function namesRead(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const patterns = [
    /process\.env\.([A-Z][A-Z0-9_]*)\b(?!\s*=[^=])/g,
    /process\.env\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
    /\$\{([A-Z][A-Z0-9_]*):?[-=]/g, // ${NAME:-default} in shell scripts
  ];
  if (file === path.join('lib', 'env.ts')) patterns.push(/\benv\.([A-Z][A-Z0-9_]*)\b/g);
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
}

function namesInReadmeTables(): Set<string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return new Set([...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]));
}

describe('configuration in the README', () => {
  const files = [
    ...SOURCE_DIRS.flatMap(sourceFiles),
    ...ROOT_FILES.filter((f) => existsSync(path.join(ROOT, f))),
  ];
  const read = new Map<string, string>();
  for (const file of files) {
    for (const name of namesRead(file)) if (!read.has(name)) read.set(name, file);
  }

  it('finds the variables the code reads', () => {
    // The collector itself works: these are read in the places it looks.
    expect(read.get('KEYDESK_URL')).toBe(path.join('lib', 'env.ts'));
    expect([...read.keys()]).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'KEYDESK_DB_POOL_MAX', 'E2E_PORT', 'KEYDESK_PG_DIR']),
    );
  });

  it('lists every variable the code reads in one of its tables', () => {
    const documented = namesInReadmeTables();
    const missing = [...read]
      .filter(([name]) => !documented.has(name) && !SAMPLE_CODE_ONLY.has(name))
      .map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });
});
