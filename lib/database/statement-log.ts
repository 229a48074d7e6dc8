import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';

// Every SQL statement a Prisma client sends, as its driver adapter sees it: BEGIN, each query,
// COMMIT or ROLLBACK, with its arguments as the driver gets them. The statement-budget tests
// (e2e/route-handlers/statement-budget.test.ts) count them per request, and the customer-search
// benchmark explains them; with no listener the cost is one Set size check.

type Listener = (sql: string, args: readonly unknown[]) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with each statement's SQL and arguments from now on; returns its removal. */
export function onStatement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reports one statement to the listeners (the direct path of lib/database/direct.ts calls it). */
export function noteStatement(sql: string, args: readonly unknown[] = []) {
  if (listeners.size > 0) for (const listener of listeners) listener(sql, args);
}

function observedQueries<T extends SqlDriverAdapter | Transaction>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw') {
        return (query: SqlQuery) => {
          noteStatement(query.sql, query.args);
          return object[property](query);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
          // The adapter sends BEGIN itself, from inside; it counts as one statement.
          noteStatement('BEGIN');
          return observedQueries(await (object as SqlDriverAdapter).startTransaction(...args));
        };
      }
      const value = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** Wraps a driver adapter factory so that its connections report their statements. */
export function observedAdapterFactory<F extends SqlDriverAdapterFactory>(inner: F): F {
  return new Proxy(inner, {
    get(object, property, receiver) {
      if (property === 'connect') {
        return async () => observedQueries(await object.connect());
      }
      const value = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
