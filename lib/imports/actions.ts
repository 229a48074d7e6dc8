'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/member-action';
import { configureImportJob } from './data-configure';
import { startImport } from './data-jobs';
import { configureImportSchema, importFailures, startImportSchema } from './schema';

// The import page's actions (owners and admins): the mapping step's "Check file", and
// "Import N keys" once the check has run. Each starts a pass the import worker runs.

const jobPath = (id: string) => `/license-keys/import/${encodeURIComponent(id)}`;

/** "Check file": how to read the file, then a dry run over every row. */
export const configureImportAction = memberAction({
  name: 'configureImport',
  permission: 'keys:bulk-import',
  schema: configureImportSchema,
  failures: importFailures,
  logContext: ({ jobId }) => ({ importJobId: jobId }),
  run: async (actor, input) => {
    const result = await configureImportJob(actor, input);
    if (!result.ok) return result;
    revalidatePath(jobPath(input.jobId));
    return { ok: true as const };
  },
});

/** "Import N keys": the checked file, written in the background. */
export const startImportAction = memberAction({
  name: 'startImport',
  permission: 'keys:bulk-import',
  schema: startImportSchema,
  input: (jobId: string) => ({ jobId }),
  errorsOn: 'form',
  invalidMessage: importFailures.IMPORT_JOB_NOT_FOUND.message,
  failures: importFailures,
  logContext: ({ jobId }) => ({ importJobId: jobId }),
  run: async (actor, { jobId }) => {
    const result = await startImport(actor, jobId);
    if (!result.ok) return result;
    revalidatePath(jobPath(jobId));
    revalidatePath('/license-keys');
    return { ok: true as const };
  },
});
