import 'server-only';
import { readEnv } from '@/lib/env';
import { outboxHandlers } from './handlers';
import { startOutboxWorker, type RunningWorker } from './worker';

const KEY = Symbol.for('keydesk.outbox.worker');

/**
 * Starts the outbox worker of this server process (instrumentation.ts), once per process, unless
 * KEYDESK_OUTBOX_WORKER=0. On SIGTERM or SIGINT it stops claiming and finishes the delivery in
 * progress; a delivery cut short by the exit is retried once its lease runs out.
 */
export function startServerOutboxWorker(): void {
  const env = readEnv();
  const store = globalThis as { [KEY]?: RunningWorker };
  if (!env.outboxWorker || store[KEY]) return;
  const worker = startOutboxWorker(outboxHandlers(), { pollMillis: env.outboxPollMillis });
  store[KEY] = worker;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void worker.stop());
  }
}
