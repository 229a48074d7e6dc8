import { randomBytes } from 'node:crypto';

/**
 * 32 symbols with no look-alike pairs: no 0 or O, no 1 or I (L stays: its twin 1 is gone).
 * 32 divides 256, so `byte & 31` is unbiased. Each symbol carries 5 bits; 25 symbols carry
 * 125 bits, well above the 100-bit floor.
 */
export const KEY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const KEY_GROUPS = 5;
export const KEY_GROUP_LENGTH = 5;
export const KEY_ENTROPY_BITS = KEY_GROUPS * KEY_GROUP_LENGTH * Math.log2(32);

/** A product's key prefix: letters and digits, starting with a letter, at most 12 characters. */
export const KEY_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,11}$/;

/** A new license key such as `PHOTO-7KQ2M-XW9PD-…`, grouped for reading, from a cryptographic source. */
export function generateLicenseKey(prefix?: string | null): string {
  const bytes = randomBytes(KEY_GROUPS * KEY_GROUP_LENGTH);
  const groups: string[] = [];
  for (let g = 0; g < KEY_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < KEY_GROUP_LENGTH; i++)
      group += KEY_ALPHABET[bytes[g * KEY_GROUP_LENGTH + i] & 31];
    groups.push(group);
  }
  const body = groups.join('-');
  return prefix ? `${prefix}-${body}` : body;
}
