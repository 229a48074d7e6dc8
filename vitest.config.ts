import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      {
        find: /^server-only$/,
        replacement: fileURLToPath(new URL('./vitest.server-only.ts', import.meta.url)),
      },
    ],
  },
  test: {
    environment: 'node',
    // e2e/ holds Playwright's *.spec.ts and the Vitest tests that call route handlers in-process
    // (e2e/fuzz/*.fuzz.test.ts, e2e/route-handlers/*.test.ts): lib/ never imports app/.
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'e2e/**/*.test.{ts,tsx}',
    ],
    exclude: ['node_modules/**', '.next/**', 'lib/generated/**'],
    // Integration tests open real SQLite files and run migrations: separate processes, generous timeout.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
