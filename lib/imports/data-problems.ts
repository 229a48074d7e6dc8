import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/authorize';
import { db } from '@/lib/db';
import type { ImportProblemView } from './job';

const PAGE = 1000;

/** The first problems of a job of the actor's business, in file order (null: no such job). */
export async function listImportProblems(
  actor: Actor,
  jobId: string,
  take = 100,
): Promise<ImportProblemView[] | null> {
  assertCan(actor, 'keys:bulk-import');
  const job = await db.importJob.findFirst({
    where: { id: jobId, businessId: actor.businessId },
    select: { id: true },
  });
  if (!job) return null;
  return db.importProblem.findMany({
    where: { jobId },
    orderBy: [{ line: 'asc' }, { seq: 'asc' }],
    take,
    select: { line: true, kind: true, column: true, message: true },
  }) as Promise<ImportProblemView[]>;
}

/**
 * Every problem of a job of the actor's business, in file order, a page at a time (for the
 * errors CSV); null when there is no such job.
 */
export async function importProblemPages(
  actor: Actor,
  jobId: string,
): Promise<AsyncGenerator<ImportProblemView[]> | null> {
  assertCan(actor, 'keys:bulk-import');
  const job = await db.importJob.findFirst({
    where: { id: jobId, businessId: actor.businessId },
    select: { id: true },
  });
  if (!job) return null;
  return (async function* pages() {
    let after: { line: number; seq: number } | null = null;
    for (;;) {
      const page: ImportProblemView[] & { seq?: number }[] = (await db.importProblem.findMany({
        where: after
          ? {
              jobId,
              OR: [{ line: { gt: after.line } }, { line: after.line, seq: { gt: after.seq } }],
            }
          : { jobId },
        orderBy: [{ line: 'asc' }, { seq: 'asc' }],
        take: PAGE,
        select: { line: true, seq: true, kind: true, column: true, message: true },
      })) as (ImportProblemView & { seq: number })[];
      if (page.length === 0) return;
      yield page.map(({ line, kind, column, message }) => ({ line, kind, column, message }));
      const last = page[page.length - 1] as ImportProblemView & { seq: number };
      after = { line: last.line, seq: last.seq };
      if (page.length < PAGE) return;
    }
  })();
}
