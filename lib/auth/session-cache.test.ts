import { describe, expect, it } from 'vitest';
import { createSessionCache, type Loaded } from './session-cache';

// The session cache's rules on a clock the test moves: what another process changed is seen within
// the bound, what this process changed at once, and a load that raced a change is not kept.

const TTL = 15_000;
const HOUR = 3_600_000;

function setup(options: { ttlMillis?: number; maxEntries?: number } = {}) {
  let clock = 1_000_000;
  const cache = createSessionCache<string>({ ttlMillis: TTL, now: () => clock, ...options });
  /** The "database": what a load finds now. */
  const rows = new Map<string, Loaded<string>>();
  let loads = 0;
  const read = (key: string) =>
    cache.read(key, async () => {
      loads++;
      return rows.get(key) ?? null;
    });
  const session = (key: string, value: string, tags: string[], expiresIn = HOUR) =>
    rows.set(key, { value, tags, sessionExpiresAt: new Date(clock + expiresIn) });
  return {
    cache,
    rows,
    read,
    session,
    loads: () => loads,
    advance: (ms: number) => (clock += ms),
  };
}

describe('createSessionCache', () => {
  it('answers from memory within the bound, and from the database again once it has passed', async () => {
    const t = setup();
    t.session('cookie-a', 'Pat, owner', ['usr_1', 'mem_1', 'bus_1']);
    expect(await t.read('cookie-a')).toBe('Pat, owner');
    // Another process ends the session: this one still trusts what it read, up to the bound.
    t.rows.delete('cookie-a');
    t.advance(TTL - 1);
    expect(await t.read('cookie-a')).toBe('Pat, owner');
    expect(t.loads()).toBe(1);
    t.advance(1);
    expect(await t.read('cookie-a')).toBeNull();
    expect(t.loads()).toBe(2);
  });

  it('counts the bound from when the load began, not from when it ended', async () => {
    let clock = 0;
    const cache = createSessionCache<string>({ ttlMillis: TTL, now: () => clock });
    await cache.read('k', async () => {
      clock += 5_000; // a slow read: the data is as old as its start
      return { value: 'v', tags: [], sessionExpiresAt: new Date(clock + HOUR) };
    });
    clock = TTL - 1;
    expect(await cache.read('k', async () => null)).toBe('v');
    clock = TTL;
    expect(await cache.read('k', async () => null)).toBeNull();
  });

  it('never serves a session past its own expiry', async () => {
    const t = setup();
    t.session('cookie-a', 'Pat', ['usr_1'], 2_000);
    expect(await t.read('cookie-a')).toBe('Pat');
    t.advance(2_000);
    t.rows.delete('cookie-a');
    expect(await t.read('cookie-a')).toBeNull();
  });

  it('forgets one session at once (signed out), and leaves the others', async () => {
    const t = setup();
    t.session('cookie-a', 'Pat on a laptop', ['usr_1']);
    t.session('cookie-b', 'Pat on a phone', ['usr_1']);
    await t.read('cookie-a');
    await t.read('cookie-b');
    t.rows.delete('cookie-a');
    t.cache.forget('cookie-a');
    expect(await t.read('cookie-a')).toBeNull();
    expect(await t.read('cookie-b')).toBe('Pat on a phone');
    expect(t.loads()).toBe(3);
  });

  it('forgets every session tagged with a user, membership or business id at once', async () => {
    const t = setup();
    t.session('pat-1', 'Pat', ['usr_1', 'mem_1', 'bus_1']);
    t.session('pat-2', 'Pat', ['usr_1', 'mem_1', 'bus_1']);
    t.session('kim', 'Kim', ['usr_2', 'mem_2', 'bus_1', 'mem_3', 'bus_2']);
    t.session('lee', 'Lee', ['usr_3', 'mem_4', 'bus_2']);
    for (const key of ['pat-1', 'pat-2', 'kim', 'lee']) await t.read(key);
    expect(t.cache.size).toBe(4);

    t.cache.forgetTagged('mem_1'); // Pat's membership was removed
    expect(t.cache.size).toBe(2);
    t.cache.forgetTagged('bus_2'); // a business was renamed
    expect(t.cache.size).toBe(0);

    t.session('pat-1', 'Pat, removed', ['usr_1']);
    expect(await t.read('pat-1')).toBe('Pat, removed');
  });

  it('does not keep a load that began before a change this process made', async () => {
    let clock = 0;
    const cache = createSessionCache<string>({ ttlMillis: TTL, now: () => clock });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A request reads the memberships (as they were before the removal) ...
    const racing = cache.read('pat', async () => {
      await gate;
      return {
        value: 'Pat, still a member',
        tags: ['usr_1', 'mem_1'],
        sessionExpiresAt: new Date(HOUR),
      };
    });
    // ... the removal commits and forgets, then that read finishes.
    cache.forgetTagged('mem_1');
    release();
    expect(await racing).toBe('Pat, still a member');
    clock += 1;
    expect(await cache.read('pat', async () => null)).toBeNull();
  });

  it('with a bound of 0, reads the database every time', async () => {
    const t = setup({ ttlMillis: 0 });
    t.session('cookie-a', 'Pat', ['usr_1']);
    await t.read('cookie-a');
    await t.read('cookie-a');
    expect(t.loads()).toBe(2);
    expect(t.cache.size).toBe(0);
  });

  it('keeps at most maxEntries sessions, dropping the oldest', async () => {
    const t = setup({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) t.session(key, key, []);
    for (const key of ['a', 'b', 'c']) await t.read(key);
    expect(t.cache.size).toBe(2);
    await t.read('b');
    await t.read('c');
    expect(t.loads()).toBe(3);
    await t.read('a');
    expect(t.loads()).toBe(4);
  });

  it('does not remember a cookie that is not signed in', async () => {
    const t = setup();
    expect(await t.read('forged')).toBeNull();
    expect(await t.read('forged')).toBeNull();
    expect(t.loads()).toBe(2);
    expect(t.cache.size).toBe(0);
  });
});
