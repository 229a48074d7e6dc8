import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { ImportProblemView } from './job';

const PAGE = 1000;
const problemSelect = { line: true, seq: true, kind: true, column: true, message: true } as const;

/** Whether the job is the actor's business's (another business's answers as missing). */
async function ownJob(actor: Actor, jobId: string): Promise<boolean> {
  assertCan(actor, 'keys:bulk-import');
  const job = await db.importJob.findFirst({
    where: { id: jobId, businessId: actor.businessId },
    select: { id: true },
  });
  return job !== null;
}

const toView = ({ line, kind, column, message }: ImportProblemView & { seq: number }) => ({
  line,
  kind,
  column,
  message,
});

/** The first problems of a job of the actor's business, in file order (null: no such job). */
export async function listImportProblems(
  actor: Actor,
  jobId: string,
  take = 100,
): Promise<ImportProblemView[] | null> {
  if (!(await ownJob(actor, jobId))) return null;
  const rows = await db.importProblem.findMany({
    where: { jobId },
    orderBy: [{ line: 'asc' }, { seq: 'asc' }],
    take,
    select: problemSelect,
  });
  return (rows as (ImportProblemView & { seq: number })[]).map(toView);
}

/**
 * Every problem of a job of the actor's business, in file order, a page at a time (for the
 * errors CSV); null when there is no such job.
 */
export async function importProblemPages(
  actor: Actor,
  jobId: string,
): Promise<AsyncGenerator<ImportProblemView[]> | null> {
  if (!(await ownJob(actor, jobId))) return null;
  return (async function* pages() {
    let after: { line: number; seq: number } | null = null;
    for (;;) {
      const page = (await db.importProblem.findMany({
        where: after
          ? {
              jobId,
              OR: [{ line: { gt: after.line } }, { line: after.line, seq: { gt: after.seq } }],
            }
          : { jobId },
        orderBy: [{ line: 'asc' }, { seq: 'asc' }],
        take: PAGE,
        select: problemSelect,
      })) as (ImportProblemView & { seq: number })[];
      if (page.length > 0) yield page.map(toView);
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = { line: last.line, seq: last.seq };
    }
  })();
}
