import { z } from 'zod';

export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_LIMIT = 20;

/** The `q` of a picker search: trimmed; empty lists the first results; over-long is cut. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .transform((q) => q.slice(0, SEARCH_QUERY_MAX_LENGTH))
    .catch(''),
});
