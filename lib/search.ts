import { z } from 'zod';
import { CONTROL_CHARACTERS } from '@/lib/text';

export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_LIMIT = 20;
/** Substring search needs three characters: the trigram indexes cannot look for fewer. */
export const SUBSTRING_MIN_LENGTH = 3;

const ALL_CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTERS.source, 'g');

/**
 * The `q` of a search box or picker: control characters (a NUL, which PostgreSQL cannot even
 * compare, a pasted TAB or line break) become spaces; trimmed; empty lists the first results;
 * over-long is cut.
 */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .transform((q) => q.replace(ALL_CONTROL_CHARACTERS, ' ').trim())
    .transform((q) => q.slice(0, SEARCH_QUERY_MAX_LENGTH))
    .catch(''),
});
