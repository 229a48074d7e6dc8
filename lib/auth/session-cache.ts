// What a signed-in request needs to know (who, and their memberships), kept in this process for a
// few seconds per session cookie, so that the dashboard does not read the session and the
// memberships from the database on every request (the customer picker asks on every keystroke).
// No server imports: the data modules that change sessions or memberships forget entries here.
import { readEnv } from '@/lib/env';

/**
 * An entry as the loader found it in the database. `tags`: the ids a change may name to forget it
 * (the person's user id, their membership ids, their businesses' ids).
 */
export type Loaded<V> = { tags: string[]; value: V; sessionExpiresAt: Date };

type Entry<V> = { tags: string[]; value: V; until: number };

export type SessionCacheOptions = {
  /** How long an entry is served without asking the database again: the revocation bound. */
  ttlMillis: number;
  /** Beyond this many sessions, the oldest entries go first. */
  maxEntries?: number;
  now?: () => number;
};

/**
 * A per-process cache keyed by the session cookie's signed value. An entry is stored only after
 * better-auth has verified that very value against the database, so a hit is as good as that
 * check, for at most `ttlMillis` (and never past the session's own expiry). A change made in this
 * process forgets the entries it affects at once (`forget*`); a change made in another process
 * (a second server, the command line) is seen here within `ttlMillis`.
 *
 * Every `forget*` also moves `generation` on, and a load that began before it is not stored:
 * otherwise a request that read the old memberships just before a removal committed could put
 * them back right after the removal forgot them.
 */
export function createSessionCache<V>({
  ttlMillis,
  maxEntries = 10_000,
  now = () => Date.now(),
}: SessionCacheOptions) {
  const entries = new Map<string, Entry<V>>();
  let generation = 0;

  /** Kept until `ttlMillis` after the load began: what it read is never older than that. */
  function store(key: string, loaded: Loaded<V>, loadedFrom: number) {
    const until = Math.min(loadedFrom + ttlMillis, loaded.sessionExpiresAt.getTime());
    if (until <= now()) return;
    entries.delete(key);
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { tags: loaded.tags, value: loaded.value, until });
  }

  return {
    /** The entry of `key`, or what `load` finds (stored for next time); null: not signed in. */
    async read(key: string, load: () => Promise<Loaded<V> | null>): Promise<V | null> {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      if (hit) entries.delete(key);
      const [startedAt, loadedFrom] = [generation, now()];
      const loaded = await load();
      if (!loaded) return null;
      if (ttlMillis > 0 && generation === startedAt) store(key, loaded, loadedFrom);
      return loaded.value;
    },
    /** One session ended (signed out). */
    forget(key: string) {
      generation++;
      entries.delete(key);
    },
    /** Every entry tagged `id`: a person's sessions ended, a membership or a business changed. */
    forgetTagged(id: string) {
      generation++;
      for (const [key, entry] of entries) if (entry.tags.includes(id)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

export type SessionCache<V> = ReturnType<typeof createSessionCache<V>>;

/**
 * The process's one cache, kept for KEYDESK_SESSION_CACHE_SECONDS (README, "Sessions"). Next may
 * load this module more than once in one server (a route handler and a server action are separate
 * bundles), so the instance lives on globalThis: a sign-out in an action must forget what the
 * picker's route handler keeps.
 */
export function processSessionCache<V>(): SessionCache<V> {
  const slot = globalThis as unknown as { [CACHE]?: SessionCache<unknown> };
  slot[CACHE] ??= createSessionCache<unknown>({
    ttlMillis: readEnv().sessionCacheSeconds * 1000,
  });
  return slot[CACHE] as SessionCache<V>;
}

const CACHE = Symbol.for('keydesk.sessionCache');

/**
 * For the data modules that end sessions or change memberships or businesses, once their change
 * committed: forgets every session of this process that involves `id` (a user, membership or
 * business id), so that its next request reads the database again.
 */
export const forgetCachedSessions = {
  of: (id: string) => processSessionCache().forgetTagged(id),
};
