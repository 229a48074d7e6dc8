import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundaries and the size limit of eslint.config.mjs, on fixture sources linted as files of this
// repository: every import the layout refuses, by the `@/` alias and by a relative path, is reported;
// the imports it allows are not. import/no-restricted-paths checks only imports that resolve, so each
// fixture imports files that exist; the importing file itself may be new.

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = path.join(root, 'eslint.config.mjs');
const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile });
const CHECKED = ['import/no-restricted-paths', 'max-lines'];

type Zone = { message: string };
const config = (await import(pathToFileURL(configFile).href)) as {
  BOUNDARIES: Record<string, Zone[]>;
};

/** The boundary and size errors of `code` linted as `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result.messages
    .filter((message) => CHECKED.includes(message.ruleId ?? ''))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

const zoneMessage = (zone: string) => config.BOUNDARIES[zone][0].message;

/** [what, file, code, the zone that refuses it]. */
const REFUSED: [string, string, string, string][] = [
  [
    'a component importing lib/db.ts',
    'components/customers/list.tsx',
    "import { db } from '@/lib/db';",
    'components-import-no-data',
  ],
  [
    'a component importing lib/db.ts by a relative path',
    'components/customers/list.tsx',
    "import { db } from '../../lib/db';",
    'components-import-no-data',
  ],
  [
    'a component importing a data module',
    'components/customers/list.tsx',
    "import { getCustomer } from '@/lib/customers/data';",
    'components-import-no-data',
  ],
  [
    'a component importing a type of a data module',
    'components/members/list.tsx',
    "import type { MemberView } from '@/lib/members/data';",
    'components-import-no-data',
  ],
  [
    'a component importing lib/db.ts at run time',
    'components/customers/list.tsx',
    "export const load = () => import('@/lib/db');",
    'components-import-no-data',
  ],
  [
    'a component importing the Prisma client',
    'components/customers/list.tsx',
    "import type { Prisma } from '@/lib/generated/prisma/client';",
    'components-import-no-data',
  ],
  [
    'a component importing app/',
    'components/docs/page-preview.tsx',
    "import ApiReferencePage from '@/app/docs/api/page';",
    'components-import-no-app',
  ],
  [
    'a route handler importing the Prisma client',
    'app/api/x/route.ts',
    "import { Prisma } from '@/lib/generated/prisma/client';",
    'app-imports-no-prisma',
  ],
  [
    'a route handler importing lib/db.ts',
    'app/internal/x/route.ts',
    "import { db } from '@/lib/db';",
    'app-imports-no-prisma',
  ],
  [
    'a route handler importing lib/db.ts by a relative path',
    'app/api/x/route.ts',
    "import { db } from '../../../lib/db';",
    'app-imports-no-prisma',
  ],
  [
    'a page importing lib/database',
    'app/(dashboard)/x/page.tsx',
    "import { createPrismaClient } from '@/lib/database/create-client';",
    'app-imports-no-prisma',
  ],
  [
    'an api.ts importing the Prisma client',
    'lib/foo/api.ts',
    "import type { Prisma } from '@/lib/generated/prisma/client';",
    'prisma-client-only-in-data-layer',
  ],
  [
    'shared code importing the Prisma client by a relative path',
    'lib/x.ts',
    "import { Prisma } from './generated/prisma/client';",
    'prisma-client-only-in-data-layer',
  ],
  [
    'a script importing the Prisma client',
    'scripts/x.ts',
    "import { PrismaClient } from '@/lib/generated/prisma/client';",
    'prisma-client-only-in-data-layer',
  ],
  [
    'a feature module importing lib/db.ts',
    'lib/products/mappers.ts',
    "import { db } from '@/lib/db';",
    'db-only-in-data-modules',
  ],
  [
    'a feature module importing lib/db.ts by a relative path',
    'lib/products/mappers.ts',
    "import { db } from '../db';",
    'db-only-in-data-modules',
  ],
  [
    'lib/ importing app/',
    'lib/x.ts',
    "import { GET } from '@/app/api/health/route';",
    'lib-imports-no-app',
  ],
  [
    'lib/ importing app/ by a relative path',
    'lib/http/x.ts',
    "import { GET } from '../../app/api/health/route';",
    'lib-imports-no-app',
  ],
  [
    'a test in lib/ importing app/',
    'lib/http/x.test.ts',
    "const { GET } = await import('@/app/api/health/route');",
    'lib-imports-no-app',
  ],
  [
    'a schema importing a data module by a relative path',
    'lib/customers/schema.ts',
    "import { getCustomer } from './data';",
    'client-shared-imports-no-data',
  ],
  [
    'a query factory importing lib/db.ts',
    'lib/products/queries.ts',
    "import { db } from '@/lib/db';",
    'client-shared-imports-no-data',
  ],
  [
    'a data-*.ts module importing api.ts',
    'lib/customers/data-search.ts',
    "import { toApiCustomer } from './api';",
    'data-imports-no-api',
  ],
];

/** [what, file, code]. */
const ALLOWED: [string, string, string][] = [
  [
    'a data module importing lib/db.ts and the Prisma client',
    'lib/customers/data.ts',
    "import { db } from '@/lib/db';\nimport { Prisma } from '@/lib/generated/prisma/client';",
  ],
  [
    'a data-*.ts module importing them by relative paths',
    'lib/members/data-invites.ts',
    "import { db } from '../db';\nimport type { Prisma } from '../generated/prisma/client';",
  ],
  [
    'a test importing lib/db.ts and the Prisma client',
    'lib/customers/search.test.ts',
    "import { db } from '@/lib/db';\nimport { Prisma } from '@/lib/generated/prisma/client';",
  ],
  [
    'lib/database importing the Prisma client',
    'lib/database/x.ts',
    "import { PrismaClient } from '@/lib/generated/prisma/client';",
  ],
  [
    'the audit helper importing the Prisma client',
    'lib/audit/record.ts',
    "import type { Prisma } from '@/lib/generated/prisma/client';",
  ],
  ['infrastructure importing lib/db.ts', 'lib/auth/x.ts', "import { db } from '@/lib/db';"],
  [
    'a feature module importing its data module',
    'lib/products/mappers.ts',
    "import { getProduct } from './data';",
  ],
  [
    'a component importing a schema and an action',
    'components/customers/x.tsx',
    "import { createCustomerSchema } from '@/lib/customers/schema';\nimport { createCustomerAction } from '@/lib/customers/actions';",
  ],
  [
    'a page importing a data module',
    'app/(dashboard)/customers/x/page.tsx',
    "import { getCustomer } from '@/lib/customers/data';",
  ],
  [
    'a test in e2e/ importing a route handler and lib/db.ts',
    'e2e/route-handlers/x.test.ts',
    "import { GET } from '@/app/api/health/route';\nimport { db } from '@/lib/db';",
  ],
  [
    'the seed importing the Prisma client',
    'prisma/x.ts',
    "import type { PrismaClient } from '@/lib/generated/prisma/client';",
  ],
];

describe('the import boundaries', () => {
  it.each(REFUSED)('refuse %s', async (_, file, code, zone) => {
    const found = await problems(file, code);
    expect(found).toContainEqual(expect.stringContaining(zoneMessage(zone)));
    expect(found.every((problem) => problem.startsWith('import/no-restricted-paths: '))).toBe(true);
  });

  it.each(ALLOWED)('allow %s', async (_, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe('the size limit', () => {
  const lines = (count: number) =>
    Array.from({ length: count }, (_, i) => `export const line${i} = ${i};\n`).join('');

  it('refuses a source file of 301 lines and lets one of 300 through', async () => {
    expect(await problems('lib/x.ts', lines(301))).toEqual([
      'max-lines: File has too many lines (301). Maximum allowed is 300.',
    ]);
    expect(await problems('lib/x.ts', lines(300))).toEqual([]);
  });

  it('counts blank lines and comments', async () => {
    const code = `${lines(100)}${'\n'.repeat(100)}${'// a comment\n'.repeat(101)}`;
    expect(await problems('components/ui/x.tsx', code)).toHaveLength(1);
  });

  it('lets tests run longer', async () => {
    expect(await problems('lib/x.test.ts', lines(400))).toEqual([]);
    expect(await problems('e2e/fuzz/x.fuzz.test.ts', lines(400))).toEqual([]);
    expect(await problems('e2e/x.spec.ts', lines(400))).toEqual([]);
  });
});
