import { randomBytes } from 'node:crypto';

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'bus' | 'cus' | 'pdt' | 'lic' | 'lki';

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
