// Coalesced reads (issue 13): the hot reads of requests that arrive together, taken together.
//
// - coalesced, for a read that is one round trip to a database server (PostgreSQL). While one
//   statement is on its way, the reads asked for after it wait and then go together, as one
//   statement, when it returns ("smart batching"). A read asked for when nothing is in flight goes
//   at once, so alone it costs what it did; under load, many waiting reads cost one round trip, one
//   statement and one wake-up of the server's backend instead of one each.
// - gatheredPerTurn, for a read in the process (SQLite): the reads asked for in one turn of the
//   event loop run back to back at its end, each its own statement.
//
// Neither is a cache: every read is answered by a statement that started after it was asked, so it
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

/**
 * Reads gathered for one turn of the event loop (issue 13), for a hot read on SQLite, which runs in
 * the process and has no round trip to share. The reads asked for during a turn (the requests that
 * arrived together reach their read before any of them is answered) run one after another at its
 * end (setImmediate), each with its own result or error; their requests then go on side by side.
 *
 * What it buys is locality. A request runs through a few hundred microseconds of Next's and
 * Keydesk's code before and after its read, and one after another the requests push each other's
 * code and data out of the CPU's caches: measured on this machine, SQLite's validation statement
 * took ~6 µs when run back to back and ~50 µs after 8 MB of other work, as under load. Gathered, the
 * reads and then the requests' remaining work run back to back, warm. A read waits at most for the
 * rest of the turn it was asked in: nothing, when the server has nothing else to do.
 */
export function gatheredPerTurn<Q, R>(read: (query: Q) => Promise<R>): (query: Q) => Promise<R> {
  let waiting: Waiting<Q, R>[] = [];
  const runAll = () => {
    const group = waiting;
    waiting = [];
    for (const item of group) read(item.query).then(item.resolve, item.reject);
  };
  return (query) =>
    new Promise<R>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(runAll);
      waiting.push({ query, resolve, reject });
    });
}
