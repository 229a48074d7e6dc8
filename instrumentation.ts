// Next.js calls register() once when a server process starts. The outbox worker (lib/outbox)
// delivers email from the server process itself, the overview's counters are compacted and SQLite's
// WAL is checkpointed off the main thread; not while `next build` collects pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // On SQLite, WAL checkpoints run on a worker thread, not inside a request's COMMIT.
  const { startServerCheckpointer } = await import('./lib/database/server-checkpoint');
  await startServerCheckpointer();
  const { startServerOutboxWorker } = await import('./lib/outbox/server');
  startServerOutboxWorker();
  // On PostgreSQL, folds the overview's spread counters back into one row each (data-compact.ts).
  const { startOverviewCompactor } = await import('./lib/overview/data-compact');
  startOverviewCompactor();
}
