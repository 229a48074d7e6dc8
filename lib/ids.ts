import { randomFillSync } from 'node:crypto';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix =
  | 'bus'
  | 'cus'
  | 'pdt'
  | 'lic'
  | 'lki'
  | 'mem'
  | 'inv'
  | 'evt'
  | 'key'
  | 'usr'
  | 'ses'
  | 'acc'
  | 'ver'
  | 'obx'
  | 'pwr'
  | 'whk'
  | 'msg'
  | 'whd'
  | 'wha'
  | 'imp';

// Random bytes come from the CSPRNG 4 KB at a time, each handed out once (as nanoid does): a call
// into OpenSSL and a new buffer for every id cost a create or an activation ~40 µs (issue 13). In
// the server each `randomBytes` call is also an async resource and goes through Next's wrapper of
// node:crypto: ~15 µs for a request id's 9 bytes under load (profile).
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

/** `count` bytes from the CSPRNG (at most POOL_BYTES), never handed out before. */
export function randomBytesFromPool(count: number): Buffer {
  if (count > POOL_BYTES) throw new RangeError(`At most ${POOL_BYTES} bytes at a time`);
  if (taken + count > pool.length) {
    // A new buffer, never refilled in place: bytes already handed out stay as they were.
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    taken = 0;
  }
  const bytes = pool.subarray(taken, taken + count);
  taken += count;
  return bytes;
}

/** A new object id with a readable prefix, like Dodo's: `lic_4kZ0pQ…` (21 random base62 characters, ~125 bits). */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytesFromPool(32);
  let out = '';
  for (const byte of bytes) {
    // 62 * 4 = 248: rejecting bytes >= 248 keeps every character equally likely.
    if (byte < 248) out += ID_ALPHABET[byte % 62];
    if (out.length === 21) break;
  }
  return out.length === 21 ? `${prefix}_${out}` : newId(prefix);
}

/** Per prefix: the millisecond of the last id and how many came before it in that millisecond. */
const counters = new Map<IdPrefix, { lastMs: number; sequence: number }>();

/**
 * An id that sorts by creation time (then by creation order within this process), for rows
 * listed in order of creation such as audit events: 8 base62 characters of the millisecond,
 * 3 of a per-millisecond counter, then 10 random ones. The counter is per prefix, so that ids of
 * one kind made at the same millisecond keep their order whatever other kinds are made between
 * them at other times.
 */
export function newTimeOrderedId(prefix: IdPrefix, now = Date.now()): string {
  let counter = counters.get(prefix);
  if (!counter) counters.set(prefix, (counter = { lastMs: -1, sequence: 0 }));
  if (now === counter.lastMs) counter.sequence += 1;
  else {
    counter.lastMs = now;
    counter.sequence = 0;
  }
  const { sequence } = counter;
  const random = newId(prefix).slice(prefix.length + 1, prefix.length + 11);
  return `${prefix}_${base62(now, 8)}${base62(sequence, 3)}${random}`;
}

function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = ID_ALPHABET[rest % 62] + out;
  return out.padStart(width, '0').slice(-width);
}
