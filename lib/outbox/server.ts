import 'server-only';
import { readEnv } from '@/lib/env';
import { outboxHandlers } from './handlers';
import { startImportWorker } from '@/lib/imports/worker';
import { startWebhookWorker } from '@/lib/webhooks/worker';
import { startOutboxWorker, type RunningWorker } from './worker';

const KEY = Symbol.for('keydesk.outbox.worker');

/**
 * Starts the outbox workers of this server process (instrumentation.ts: email, webhooks and bulk imports), once
 * per process, unless KEYDESK_OUTBOX_WORKER=0. On SIGTERM or SIGINT they stop claiming and finish
 * the delivery in progress; a delivery cut short by the exit is retried once its lease runs out.
 */
export function startServerOutboxWorker(): void {
  const env = readEnv();
  const store = globalThis as { [KEY]?: RunningWorker };
  if (!env.outboxWorker || store[KEY]) return;
  const email = startOutboxWorker(outboxHandlers(), { pollMillis: env.outboxPollMillis });
  const webhooks = startWebhookWorker({
    pollMillis: env.outboxPollMillis,
    allowPrivate: env.webhooksAllowPrivate,
  });
  const imports = startImportWorker({ pollMillis: env.outboxPollMillis });
  const worker = {
    stop: async () => void (await Promise.all([email.stop(), webhooks.stop(), imports.stop()])),
  };
  store[KEY] = worker;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void worker.stop());
  }
}
