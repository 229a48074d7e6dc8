// `npm run --silent keydesk -- import-keys FILE --business NAME [--product NAME] [--dry-run]
// [--update-existing]`: the dashboard's bulk import from a terminal. The same job, checks and
// writes (lib/imports), run in this process: progress on standard error, a JSON summary on
// standard output, exit code 1 when any row was not imported as the file says (an error or a
// conflict), 2 for a command that cannot run (bad options, a file without the columns it needs).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { operatorActor } from '@/lib/auth/authorize';
import { IMPORT_FIELD_LABELS } from '@/lib/imports/fields';
import type { ImportJobView } from '@/lib/imports/job';
import { configureImportSchema, importFailures, uploadFailureMessages } from '@/lib/imports/schema';
import { newRequestId } from '@/lib/log';
import { CliError } from './cli-terminal';
import type { Command, DataLayer, Values } from './keydesk';

const PROBLEMS_SHOWN = 1000;

export const importKeysCommandSpec: Command = {
  usage:
    'import-keys <file> --business <id or name> [--product <name or id>] [--dry-run] [--update-existing]',
  summary: 'Imports a CSV file of license keys into a business (the bulk import).',
  details: [
    "The same checks as the dashboard's import: columns are matched by their header (key, email,",
    'name, product, activations limit, expires at, disabled, original id); --product is the product',
    'of rows that name none. --dry-run checks every row and writes nothing. A key already there with',
    'other terms is a conflict unless --update-existing. Progress goes to standard error, a JSON',
    'summary to standard output; the exit code is 1 when any row had an error or a conflict.',
    '  npm run --silent keydesk -- import-keys keys.csv --business "Acme Software" --dry-run',
  ],
  options: {
    business: { type: 'string' },
    product: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'update-existing': { type: 'boolean' },
  },
  positionals: ['file'],
  required: ['business'],
  run: (values, data, file) => importKeysCommand(values, data, file),
};

export async function importKeysCommand(values: Values, data: DataLayer, file: string) {
  const { imports } = data;
  const size = await stat(file).catch(() => null);
  if (!size?.isFile()) throw new CliError(`No such file: ${file}`, 2);
  const business = await data.oneBusiness(values);
  const actor = operatorActor(business.id, newRequestId());
  const created = await imports.createImportJob(actor, {
    name: basename(file),
    source: createReadStream(file),
  });
  if (!created.ok) {
    const message = uploadFailureMessages[created.code];
    throw new CliError(created.message ? `${message} ${created.message}` : message);
  }
  const jobId = created.value.id;
  const job = (await imports.getImportJob(actor, jobId))!;
  const defaultProductId =
    typeof values.product === 'string' ? await productId(data, actor, values.product) : null;
  const parsed = configureImportSchema.safeParse({
    jobId,
    ...job.mapping,
    defaultProductId: defaultProductId ?? '',
    timeZone: job.timeZone,
    updateExisting: values['update-existing'] === true,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const label = IMPORT_FIELD_LABELS[field as keyof typeof IMPORT_FIELD_LABELS];
      return label ? `${label}: ${issue.message}` : issue.message;
    });
    throw new CliError(
      `${lines.join('\n')}\nThe file's columns: ${job.headers.join(', ')}. ` +
        'Name them as the dashboard expects (key, email, product, …) or map them there.',
      2,
    );
  }
  const configured = await imports.configureImportJob(actor, parsed.data);
  if (!configured.ok) throw new CliError(importFailures[configured.code].message);
  let finished = await runPass(data, actor, jobId, 'Checking');
  if (values['dry-run'] !== true && finished.state === 'checked') {
    const started = await imports.startImport(actor, jobId);
    if (!started.ok) throw new CliError(importFailures[started.code].message);
    finished = await runPass(data, actor, jobId, 'Importing');
  }
  const problems = (await imports.listImportProblems(actor, jobId, PROBLEMS_SHOWN)) ?? [];
  const summary = {
    job: jobId,
    business: { id: business.id, name: business.name },
    file: basename(file),
    dryRun: values['dry-run'] === true,
    state: finished.state,
    rows: finished.totalRows,
    ...(values['dry-run'] === true
      ? {
          wouldCreate: finished.counts.created,
          wouldUpdate: finished.counts.updated,
        }
      : { created: finished.counts.created, updated: finished.counts.updated }),
    alreadyPresent: finished.counts.present,
    conflicts: finished.counts.conflicts,
    errors: finished.counts.errors,
    failure: finished.failure,
    problems,
    problemsShown: problems.length,
  };
  console.log(JSON.stringify(summary, null, 2));
  const failed =
    finished.state === 'failed' || finished.counts.errors > 0 || finished.counts.conflicts > 0;
  if (failed) {
    const what =
      finished.state === 'failed' ? 'The file could not be read' : 'Some rows were not imported';
    throw new CliError(`${what}: see the summary (job ${jobId}).`, 1);
  }
}

async function productId(data: DataLayer, actor: ReturnType<typeof operatorActor>, name: string) {
  const products = await data.imports.listImportProducts(actor);
  const wanted = name.trim().toLowerCase();
  const matches = products.filter(
    (p) => p.id === name.trim() || p.name.trim().toLowerCase() === wanted,
  );
  if (matches.length === 0) throw new CliError(`No product has the id or name "${name}".`, 2);
  if (matches.length > 1) {
    throw new CliError(`Several products are called "${name}"; give the id instead.`, 2);
  }
  if (matches[0].archived) throw new CliError(`The product "${name}" is archived.`, 2);
  return matches[0].id;
}

/** Runs the job's waiting pass here (or waits for the worker that has it), printing progress. */
async function runPass(
  data: DataLayer,
  actor: ReturnType<typeof operatorActor>,
  jobId: string,
  verb: string,
): Promise<ImportJobView> {
  const { imports, outbox } = data;
  const workerId = outbox.newWorkerId();
  const started = performance.now();
  const report = (done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.ceil((total - done) / rate) : null;
    process.stderr.write(
      `${verb}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows` +
        ` (${Math.round(rate).toLocaleString('en-US')} rows/s${left === null ? '' : `, ${left} s left`})\n`,
    );
  };
  for (;;) {
    await imports.runWaitingImports({
      workerId,
      only: jobId,
      onProgress: (_id, done, total) => report(done, total),
    });
    const job = (await imports.getImportJob(actor, jobId))!;
    if (job.state !== 'checking' && job.state !== 'importing') return job;
    // Another worker (a server process) holds it: follow its progress.
    report(job.rowsDone, job.totalRows);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
