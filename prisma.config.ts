import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (`prisma generate`). Migrations are applied by `npm run db:migrate`
// (scripts/migrate.ts), which drives Prisma's WebAssembly schema engine and so needs no native binary.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
