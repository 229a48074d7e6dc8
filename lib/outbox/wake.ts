// An in-process signal: a message was just queued, so the worker of this process looks at once
// instead of at its next poll. One channel per queue (email, webhooks, bulk imports), so that a key change wakes
// the webhook worker and not the email one. On globalThis, because Next bundles
// instrumentation.ts and the server actions separately: each bundle has its own copy of this
// module, but they share one global object. Other processes find the message at their next poll.

export type OutboxChannel = 'email' | 'webhooks' | 'imports';
type Listener = () => void;
const KEY = Symbol.for('keydesk.outbox.wake');

function listeners(channel: OutboxChannel): Set<Listener> {
  const store = globalThis as { [KEY]?: Record<OutboxChannel, Set<Listener>> };
  store[KEY] ??= { email: new Set(), webhooks: new Set(), imports: new Set() };
  return store[KEY][channel];
}

/** Tells this process's email worker that a message is waiting. Call it after the commit. */
export function wakeOutbox(channel: OutboxChannel = 'email'): void {
  for (const listener of listeners(channel)) listener();
}

/** Tells this process's webhook worker that an event is waiting. Call it after the commit. */
export function wakeWebhooks(): void {
  wakeOutbox('webhooks');
}

/** Calls `listener` on every wake of `channel`; returns how to stop. */
export function onOutboxWake(listener: Listener, channel: OutboxChannel = 'email'): () => void {
  listeners(channel).add(listener);
  return () => listeners(channel).delete(listener);
}
