// Coalesced reads (issue 13), for a hot read that is one round trip to a database server. While one
// statement is on its way, the reads asked for after it wait and then go together, as one
// statement, when it returns ("smart batching"). A read asked for when nothing is in flight goes at
// once, so alone it costs what it did; under load, many waiting reads cost one round trip, one
// statement and one wake-up of the server's backend instead of one each.
//
// It is not a cache: every read is answered by a statement that started after it was asked, so it
// sees every write committed before its request arrived.

type Waiting<Q, R> = {
  query: Q;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
};

/**
 * A reader of one `Q` at a time built on `readAll`, which answers many at once: its results in the
 * order of its queries. When a group's statement fails for its input (an SQLSTATE of class 22, a
 * data exception), each of its reads is tried again alone, so that one read's bad input fails that
 * read only; any other failure (a lost connection, a timeout) fails the group at once rather than
 * trying each read against a server that is not answering.
 */
export function coalesced<Q, R>(
  readAll: (queries: Q[]) => Promise<R[]>,
  { max = 100 }: { max?: number } = {},
): (query: Q) => Promise<R> {
  const waiting: Waiting<Q, R>[] = [];
  let inFlight = false;

  const answer = async (group: Waiting<Q, R>[]) => {
    try {
      const results = await readAll(group.map((item) => item.query));
      group.forEach((item, i) => item.resolve(results[i]));
    } catch (error) {
      if (group.length > 1 && isDataException(error)) {
        await Promise.all(group.map((item) => answer([item])));
      } else {
        for (const item of group) item.reject(error);
      }
    }
  };
  const send = async () => {
    inFlight = true;
    while (waiting.length > 0) await answer(waiting.splice(0, max));
    inFlight = false;
  };

  return (query) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ query, resolve, reject });
      if (!inFlight) void send();
    });
}

/** PostgreSQL's class 22: the statement was refused for a value it was given. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
