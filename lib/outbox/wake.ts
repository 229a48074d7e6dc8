// An in-process signal: a message was just queued, so the worker of this process looks at once
// instead of at its next poll. On globalThis, because Next bundles instrumentation.ts and the
// server actions separately: each bundle has its own copy of this module, but they share one
// global object. Other processes find the message at their next poll.

type Listener = () => void;
const KEY = Symbol.for('keydesk.outbox.wake');

function listeners(): Set<Listener> {
  const store = globalThis as { [KEY]?: Set<Listener> };
  store[KEY] ??= new Set();
  return store[KEY];
}

/** Tells this process's outbox worker that a message is waiting. Call it after the commit. */
export function wakeOutbox(): void {
  for (const listener of listeners()) listener();
}

/** Calls `listener` on every wakeOutbox(); returns how to stop. */
export function onOutboxWake(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
