import { config, type ZodType } from 'zod';
import type { FieldError, Resolver } from './use-form';

// Loaded by useActionForm once a form is on screen, with the form's schema: Zod (~30 KB
// compressed) is not part of any page's first load.

// Zod probes for eval (`new Function`) to compile fast parsers, when a schema builds its first
// object; the pages' Content-Security-Policy refuses eval, and the browser reports even a probe
// that fails quietly. Parse without it: useActionForm loads this module before any schema.
config({ jitless: true });

type Issue = { code: string; message: string; path: PropertyKey[]; errors?: Issue[][] };

/**
 * Validates a form's values with its schema, as @hookform/resolvers' zodResolver did: the parsed
 * values, or the first message of each field (nested for an object field: `keyLifetime.count`).
 */
export function zodResolver<TValues, TOutput>(
  schema: ZodType<TOutput, TValues>,
): Resolver<TValues, TOutput> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    return { values: {}, errors: nest(result.error.issues as Issue[]) };
  };
}

function nest(issues: Issue[]) {
  const first = new Map<string, FieldError>();
  const queue = [...issues];
  for (let issue = queue.shift(); issue; issue = queue.shift()) {
    const path = issue.path.join('.');
    const union = issue.code === 'invalid_union' ? (issue.errors ?? []) : [];
    if (!first.has(path)) {
      const shown = union[0]?.[0] ?? issue;
      first.set(path, { type: shown.code, message: shown.message });
    }
    for (const member of union) queue.push(...member);
  }
  const errors: Record<string, FieldError | Record<string, unknown>> = {};
  for (const [path, error] of first) {
    const [name, ...rest] = path.split('.');
    if (rest.length === 0) errors[name] = { ...errors[name], ...error };
    else errors[name] = { ...errors[name], [rest.join('.')]: error };
  }
  return errors;
}
