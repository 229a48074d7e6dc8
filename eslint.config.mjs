// ESLint 9 flat config: Next.js (core web vitals + TypeScript), jsx-a11y's recommended rules, and the
// layout's import boundaries and file size (STYLE.md), which scripts/lint-boundaries.test.ts checks.
import { readdirSync } from 'node:fs';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// eslint-config-next already registers the `jsx-a11y` plugin (as its own wrapped copy of the module).
// Registering it again under the same name with a different object makes ESLint fail with
// "Cannot redefine plugin", so reuse the registered object and only add its recommended rules.
const nextBase = nextCoreWebVitals.find((config) => config.plugins?.['jsx-a11y']);
if (!nextBase) {
  throw new Error('eslint-config-next no longer registers jsx-a11y: update eslint.config.mjs');
}
const jsxA11y = nextBase.plugins['jsx-a11y'];

const SOURCES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.spec.ts'];

// Boundaries. import/no-restricted-paths (eslint-plugin-import, registered by eslint-config-next)
// matches the file an import resolves to, through eslint-config-next's import resolvers: the
// TypeScript one maps tsconfig.json's `@/*`, so `@/lib/db`, `../db` and `../../lib/db` are one
// import. An import that resolves to nothing is not checked (tsc refuses it). Paths are relative to
// this folder; a plain path is a file or a whole folder.

/** Folders of lib/ that are shared infrastructure; every other folder of lib/ is a feature. */
const INFRASTRUCTURE = ['auth', 'database', 'generated', 'http', 'testing'];
const FEATURES = readdirSync(new URL('./lib', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !INFRASTRUCTURE.includes(entry.name))
  .map((entry) => `lib/${entry.name}`);
const DB = ['lib/db.ts', 'lib/database'];
const PRISMA_CLIENT = ['lib/generated'];
const DATA_MODULES = ['lib/*/data.ts', 'lib/*/data-*.ts'];

/** The rule refuses a zone whose `from` mixes globs and plain paths: one zone of each. */
function zones(target, from, message) {
  const isGlob = (pattern) => /[*?{}[\]()!]/.test(pattern);
  return [from.filter((p) => !isGlob(p)), from.filter(isGlob)]
    .filter((list) => list.length > 0)
    .map((list) => ({ target, from: list, message }));
}

export const BOUNDARIES = {
  'lib-imports-no-app': zones(
    ['lib'],
    ['app'],
    'lib/ never imports app/ (imports flow lib/ -> app/). A test of a route handler lives in e2e/.',
  ),
  'components-import-no-app': zones(
    ['components'],
    ['app'],
    'components/ never imports app/ (imports flow components/ -> app/).',
  ),
  'components-import-no-data': zones(
    ['components'],
    [...DB, ...PRISMA_CLIENT, ...DATA_MODULES],
    'components/ never imports lib/db.ts, lib/database, a lib/*/data*.ts module or the Prisma client: ' +
      'the page loads the data; DTO types and pure helpers live in a module without server imports.',
  ),
  'app-imports-no-prisma': zones(
    ['app'],
    [...DB, ...PRISMA_CLIENT],
    'Pages and route handlers never import lib/db.ts, lib/database or the Prisma client: ' +
      'they call a lib/<feature>/data*.ts function.',
  ),
  'client-shared-imports-no-data': zones(
    ['lib/*/schema.ts', 'lib/*/api-schema.ts', 'lib/*/queries.ts'],
    [...DB, ...PRISMA_CLIENT, ...DATA_MODULES],
    'schema.ts, api-schema.ts and queries.ts are shared with client components: no server imports.',
  ),
  'data-imports-no-api': zones(
    DATA_MODULES,
    ['lib/*/api.ts'],
    'lib/<feature>/api.ts imports data.ts, never the reverse.',
  ),
  'db-only-in-data-modules': zones(
    FEATURES,
    DB,
    'In a feature folder only data*.ts imports lib/db.ts or lib/database: every query of the ' +
      'feature is a data function; api.ts holds pure toApi* mappers.',
  ),
  'prisma-client-only-in-data-layer': zones(
    ['.'],
    PRISMA_CLIENT,
    'Only the data layer imports the Prisma client (lib/generated): lib/<feature>/data*.ts, ' +
      'lib/database, lib/db.ts and the helpers listed in eslint.config.mjs.',
  ),
};
const DATA_LAYER_ZONES = ['db-only-in-data-modules', 'prisma-client-only-in-data-layer'];

/** The files exempt from DATA_LAYER_ZONES: they may import the Prisma client and lib/db.ts. */
const DATA_LAYER = [
  ...DATA_MODULES,
  'lib/db.ts',
  'lib/database/**/*.ts',
  // Helpers of data modules: the unique- and foreign-key-violation checks of Prisma's errors; the
  // audit event written with the data module's transaction; the members' transaction type and lock.
  'lib/prisma-errors.ts',
  'lib/audit/record.ts',
  'lib/members/shared.ts',
  // The demo data's seed, and the benchmark that builds its own million-row database.
  'prisma/**/*.ts',
  'scripts/bench/customer-search.ts',
  'scripts/bench/customer-search/*.ts',
  // Tests and their support make and inspect databases.
  ...TESTS,
  'e2e/**/*.ts',
  'lib/testing/**/*.ts',
];

/** The rule's options with every zone but those named. */
const restrictedPaths = (...exempt) => [
  'error',
  {
    basePath: import.meta.dirname,
    zones: Object.entries(BOUNDARIES)
      .filter(([name]) => !exempt.includes(name))
      .flatMap(([, list]) => list),
  },
];

const baseConfig = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      'data/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    name: 'keydesk/jsx-a11y-recommended',
    files: nextBase.files,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Keep Next's mapping of next/image's <Image> onto <img> for the alt-text check.
      'jsx-a11y/alt-text': ['error', { img: ['Image'] }],
    },
  },
  {
    name: 'keydesk/app-router',
    rules: {
      // This rule is for the Pages Router: without a pages/ directory it only prints a warning on every run.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    name: 'keydesk/playwright',
    files: ['e2e/**/*.ts'],
    rules: {
      // Playwright fixtures receive a `use` callback and an empty `{}` when they need no fixture.
      'react-hooks/rules-of-hooks': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    name: 'keydesk/boundaries',
    files: SOURCES,
    rules: { 'import/no-restricted-paths': restrictedPaths() },
  },
  {
    name: 'keydesk/boundaries-data-layer',
    files: DATA_LAYER,
    rules: { 'import/no-restricted-paths': restrictedPaths(...DATA_LAYER_ZONES) },
  },
  {
    // Files stay small, split by responsibility; tests may run longer.
    name: 'keydesk/max-lines',
    files: SOURCES,
    ignores: TESTS,
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
];

export default baseConfig;
