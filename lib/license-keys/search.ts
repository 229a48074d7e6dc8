import { SUBSTRING_MIN_LENGTH } from '@/lib/search';

// What a person typed into "Search keys", read as everything it could mean. No server imports: the
// list's SQL (data-list-query.ts) and its tests read it.

/** Key fragments shorter than this find too much to be worth it (and trigram indexes need three). */
export const KEY_FRAGMENT_MIN_LENGTH = 4;

export type KeySearch = {
  /** As typed, trimmed: matched against whole keys exactly. */
  text: string;
  /** A key id (`lic_…`), when it looks like one. */
  id?: string;
  /** Lower-cased, without dashes and spaces: matched anywhere in keys with their dashes removed. */
  fragment?: string;
  /**
   * The fragment with only A–Z lower-cased: SQLite's lower(), which the key is compared through
   * there, changes no other letter (a key's letters beyond ASCII match in the case typed).
   */
  asciiFragment?: string;
  /** Lower-cased: matched against customer names and emails. */
  customerText: string;
  /** Whether customers match anywhere in the name or email (true), or at its start only. */
  customerSubstring: boolean;
};

export function parseKeySearch(typed: string): KeySearch {
  const text = typed.trim();
  const bare = text.replace(/[-\s]+/g, '');
  const fragment = bare.toLowerCase();
  const customerText = text.toLowerCase();
  return {
    text,
    ...(/^lic_[A-Za-z0-9]{1,60}$/.test(text) ? { id: text } : {}),
    ...([...fragment].length >= KEY_FRAGMENT_MIN_LENGTH
      ? { fragment, asciiFragment: bare.replace(/[A-Z]/g, (letter) => letter.toLowerCase()) }
      : {}),
    customerText,
    customerSubstring: [...customerText].length >= SUBSTRING_MIN_LENGTH,
  };
}
