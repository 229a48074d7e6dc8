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
 * order of its queries. A statement that fails for a group is tried again for each of its reads
 * alone, so that one read's bad input fails that read only.
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
      if (group.length === 1) group[0].reject(error);
      else await Promise.all(group.map((item) => answer([item])));
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
