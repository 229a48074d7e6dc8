import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * A first-in, first-out lock. `run` holds it for one call; `acquire` hands back the release.
 */
export class Queue {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * Design against the lost-write hazard of a single SQLite connection.
 *
 * `@prisma/adapter-better-sqlite3` runs every query on one connection. Its transactions take an
 * in-process lock, but ordinary queries do not: a plain write issued while another request's
 * interactive transaction is open runs *inside* that transaction, resolves, and vanishes if the
 * transaction rolls back. Here every statement, inside or outside a transaction, passes through one
 * queue: a transaction holds the queue from BEGIN until commit or rollback, so no outside statement
 * can land in it. better-sqlite3 is synchronous, so the queue costs no parallelism that existed.
 */
class SerializedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  /** The queue every statement passes through; lib/database/direct.ts runs its work in it too. */
  readonly queue = new Queue();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.queue.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.queue.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.queue.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.queue.acquire();
    try {
      const transaction = await this.#inner.startTransaction(isolationLevel);
      return releasingOnEnd(transaction, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** The driver's connection under the adapter (better-sqlite3's Database, as the adapter calls it). */
  get client(): unknown {
    return (this.#inner as unknown as { client: unknown }).client;
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose() {
    return this.queue.run(() => this.#inner.dispose());
  }
}

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const releaseOnce = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(transaction, {
    get(target, property, receiver) {
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            await target[property]();
          } finally {
            releaseOnce();
          }
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Wraps a driver adapter factory so that each connection it makes serializes its statements.
 * `onConnect` sees each connection made (for the direct path of lib/database/direct.ts).
 */
export function serializedAdapterFactory(
  inner: SqlDriverAdapterFactory,
  onConnect?: (adapter: { client: unknown; queue: Queue }) => void,
): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = new SerializedAdapter(await inner.connect());
      onConnect?.(adapter);
      return adapter;
    },
  };
}
