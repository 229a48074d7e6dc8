// Next.js calls register() once when a server process starts. The outbox worker (lib/outbox)
// delivers email from the server process itself, and the overview's counters are compacted; not
// while `next build` collects pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerOutboxWorker } = await import('./lib/outbox/server');
  startServerOutboxWorker();
  // On PostgreSQL, folds the overview's spread counters back into one row each (data-compact.ts).
  const { startOverviewCompactor } = await import('./lib/overview/data-compact');
  startOverviewCompactor();
}
