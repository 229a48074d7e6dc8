import { describe, expect, it } from 'vitest';
import { coalesced, gatheredPerTurn } from './coalesced';

const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

/** A `readAll` whose statements the test answers by hand: each call waits until it is released. */
function heldReads() {
  const calls: { queries: number[]; release: () => void }[] = [];
  const readAll = (queries: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        queries,
        release: () =>
          queries.includes(13)
            ? reject(failure(`statement failed for ${queries.join(',')}`, '22P02'))
            : queries.includes(99)
              ? reject(failure('Connection terminated unexpectedly'))
              : resolve(queries.map((q) => `answer ${q}`)),
      });
    });
  /** Lets the promise callbacks waiting on a release run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { calls, readAll, settle };
}

describe('coalesced reads', () => {
  it('sends a read at once when nothing is in flight', async () => {
    const { calls, readAll } = heldReads();
    const read = coalesced(readAll);
    const answer = read(1);
    expect(calls.map((c) => c.queries)).toEqual([[1]]);
    calls[0].release();
    expect(await answer).toBe('answer 1');
  });

  it('sends the reads asked for while one is in flight together, each answered with its own result', async () => {
    const { calls, readAll, settle } = heldReads();
    const read = coalesced(readAll);
    const first = read(1);
    const later = [read(2), read(3), read(4)];
    expect(calls.map((c) => c.queries)).toEqual([[1]]);
    calls[0].release();
    await settle();
    expect(calls.map((c) => c.queries)).toEqual([[1], [2, 3, 4]]);
    calls[1].release();
    expect(await Promise.all([first, ...later])).toEqual([
      'answer 1',
      'answer 2',
      'answer 3',
      'answer 4',
    ]);

    // Nothing in flight again: the next read goes at once.
    const next = read(5);
    expect(calls).toHaveLength(3);
    calls[2].release();
    expect(await next).toBe('answer 5');
  });

  it('sends at most `max` reads in one statement', async () => {
    const { calls, readAll, settle } = heldReads();
    const read = coalesced(readAll, { max: 2 });
    const answers = [read(1), read(2), read(3), read(4), read(5)];
    for (let i = 0; i < 3; i++) {
      calls[i].release();
      await settle();
    }
    expect(calls.map((c) => c.queries)).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5].map((q) => `answer ${q}`));
  });

  it('fails the whole group at once when the statement fails for another reason than its input', async () => {
    const { calls, readAll, settle } = heldReads();
    const read = coalesced(readAll);
    const first = read(1);
    const group = [read(98), read(99)].map((p) => p.catch((error: Error) => error.message));
    calls[0].release();
    await settle();
    calls[1].release();
    expect(await Promise.all(group)).toEqual([
      'Connection terminated unexpectedly',
      'Connection terminated unexpectedly',
    ]);
    expect(calls).toHaveLength(2); // not tried again one by one
    expect(await first).toBe('answer 1');
  });

  it('fails only the read whose input the statement refuses', async () => {
    const { calls, readAll, settle } = heldReads();
    const read = coalesced(readAll);
    const first = read(1);
    const group = [read(12), read(13), read(14)].map((p) =>
      p.then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    calls[0].release();
    await settle();
    calls[1].release(); // [12, 13, 14] fails as a whole: each is tried again alone
    await settle();
    expect(calls.slice(2).map((c) => c.queries)).toEqual([[12], [13], [14]]);
    for (const call of calls.slice(2)) call.release();
    expect(await first).toBe('answer 1');
    expect(await Promise.all(group)).toEqual([
      { value: 'answer 12' },
      { error: 'statement failed for 13' },
      { value: 'answer 14' },
    ]);

    // The failure left nothing in flight.
    await settle();
    const after = read(2);
    expect(calls).toHaveLength(6);
    calls[5].release();
    expect(await after).toBe('answer 2');
  });
});

describe('reads gathered per turn', () => {
  /** A read that logs when it runs, answers at once, and refuses 13. */
  function loggedReads() {
    const ran: number[] = [];
    const read = gatheredPerTurn(async (query: number) => {
      ran.push(query);
      if (query === 13) throw failure('no such thing as 13');
      return `answer ${query}`;
    });
    return { ran, read };
  }

  it('runs the reads asked for in one turn at its end, each with its own answer', async () => {
    const { ran, read } = loggedReads();
    const answers = [read(1), read(2), read(3)];
    await Promise.resolve();
    expect(ran).toEqual([]); // not within the turn they were asked in
    expect(await Promise.all(answers)).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('starts a new group for a read asked for after the turn', async () => {
    const { ran, read } = loggedReads();
    const first = read(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([1]);
    const second = read(2);
    expect(ran).toEqual([1]);
    expect(await Promise.all([first, second])).toEqual(['answer 1', 'answer 2']);
    expect(ran).toEqual([1, 2]);
  });

  it('fails only the read that fails', async () => {
    const { read } = loggedReads();
    const settled = await Promise.allSettled([read(12), read(13), read(14)]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([
      'answer 12',
      'Error: no such thing as 13',
      'answer 14',
    ]);
  });
});
