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
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', '.next/**', 'lib/generated/**'],
    // Integration tests open real SQLite files and run migrations: separate processes, generous timeout.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
