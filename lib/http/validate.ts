import { z } from 'zod';
import { apiErrors } from './api-error';

/** Validates a body or query against an endpoint's schema; a failure is a 422 naming each field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_body';
    (errors[field] ??= []).push(issue.message);
  }
  const fields = Object.keys(errors).join(', ');
  throw apiErrors.invalid(`Invalid request: check ${fields}.`, errors);
}

/** The query string as a plain object (the last value wins for repeated names). */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
