import { randomBytes } from 'node:crypto';

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
  | 'wha';

/** A new object id with a readable prefix, like Dodo's: `lic_4kZ0pQ…` (21 random base62 characters, ~125 bits). */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const byte of bytes) {
    // 62 * 4 = 248: rejecting bytes >= 248 keeps every character equally likely.
    if (byte < 248) out += ID_ALPHABET[byte % 62];
    if (out.length === 21) break;
  }
  return out.length === 21 ? `${prefix}_${out}` : newId(prefix);
}

let lastMs = 0;
let sequence = 0;

/**
 * An id that sorts by creation time (then by creation order within this process), for rows
 * listed in order of creation such as audit events: 8 base62 characters of the millisecond,
 * 3 of a per-millisecond counter, then 10 random ones.
 */
export function newTimeOrderedId(prefix: IdPrefix, now = Date.now()): string {
  if (now === lastMs) sequence += 1;
  else {
    lastMs = now;
    sequence = 0;
  }
  const random = newId(prefix).slice(prefix.length + 1, prefix.length + 11);
  return `${prefix}_${base62(now, 8)}${base62(sequence, 3)}${random}`;
}

function base62(value: number, width: number): string {
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = ID_ALPHABET[rest % 62] + out;
  return out.padStart(width, '0').slice(-width);
}
