// The workers of `npm run keydesk`: email (`outbox work`) and webhooks (`webhooks work`), each the
// same loop the server process runs, for deployments that run them apart from the app servers.
import { readEnv } from '@/lib/env';
import type { DataLayer, Values } from './keydesk';

/** Runs `worker` until SIGTERM or SIGINT, then stops it after the work in progress. */
async function untilStopped(name: string, worker: { stop(): Promise<void> }) {
  console.error(`${name} running; SIGTERM or Ctrl-C stops it.`);
  // The workers' own timers do not keep a process alive (a server's must not): this one does.
  const alive = setInterval(() => {}, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  clearInterval(alive);
  await worker.stop();
  console.error(`${name} stopped.`);
}

export async function outboxWork(values: Values, data: DataLayer) {
  const { outbox } = data;
  const handlers = outbox.handlers();
  if (values.once === true) {
    const settled = await outbox.deliverDueMessages(handlers, { workerId: outbox.newWorkerId() });
    console.error(`Outbox: settled ${settled} message${settled === 1 ? '' : 's'}.`);
    return;
  }
  const pollMillis = readEnv().outboxPollMillis;
  await untilStopped('Outbox worker', outbox.startOutboxWorker(handlers, { pollMillis }));
}

export async function webhooksWork(values: Values, data: DataLayer) {
  const { webhooks, outbox } = data;
  const env = readEnv();
  const allowPrivate = env.webhooksAllowPrivate;
  if (values.once === true) {
    const made = await webhooks.deliverDueWebhooks({
      workerId: outbox.newWorkerId(),
      allowPrivate,
    });
    console.error(`Webhooks: made ${made} attempt${made === 1 ? '' : 's'}.`);
    return;
  }
  const worker = webhooks.startWebhookWorker({ pollMillis: env.outboxPollMillis, allowPrivate });
  await untilStopped('Webhook worker', worker);
}
