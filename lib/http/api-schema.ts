import { z } from 'zod';
import { withinStoredRange } from '@/lib/instants';

// Field schemas every REST endpoint shares: ids, paging, instants. No server imports: the OpenAPI
// document is generated from the schemas built with these.

/** An id sent by the caller (`cus_…`, `lki_…`): checked for shape only, then looked up in its business. */
export const objectIdSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string id.` })
    .trim()
    .min(1, { error: `${what} is required.` })
    .max(64, { error: `${what} is too long to be an id.` });

const pageNumber = z.coerce
  .number({ error: 'page_number must be a whole number.' })
  .int({ error: 'page_number must be a whole number.' })
  .min(0, { error: 'page_number starts at 0.' })
  .max(1_000_000, { error: 'page_number is too large.' })
  .default(0);

const pageSize = z.coerce
  .number({ error: 'page_size must be a whole number.' })
  .int({ error: 'page_size must be a whole number.' })
  .min(1, { error: 'page_size must be at least 1.' })
  .max(100, { error: 'page_size can be at most 100.' })
  .default(10);

/** Paging shared by every list endpoint: `page_number` from 0, `page_size` 10 by default, at most 100. */
export const pageQuerySchema = z.object({ page_number: pageNumber, page_size: pageSize });

/** A query's instant bound (`created_at_gte`): ISO 8601 with a zone, within the stored range. */
export const instantQuerySchema = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be an ISO 8601 date-time with a zone.` })
    .refine(withinStoredRange, { error: `${name} must be between 1970 and 9999.` });

/** Paging as the data layer takes it, from the API's snake_case query. */
export function pageOf(query: { page_number: number; page_size: number }) {
  return { pageNumber: query.page_number, pageSize: query.page_size };
}

/** The creation-time bounds of a list query, as the data layer's filters take them. */
export function createdRangeOf(query: { created_at_gte?: string; created_at_lte?: string }) {
  return {
    createdFrom: query.created_at_gte ? new Date(query.created_at_gte) : undefined,
    createdTo: query.created_at_lte ? new Date(query.created_at_lte) : undefined,
  };
}
