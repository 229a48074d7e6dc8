// What a data function answers: the value, or an expected failure as a code. Codes, never
// sentences: a server action maps a code to a field message (one table per feature, next to its
// form schema), a REST handler to a status and `{ code, message }` (lib/http/api-failures.ts).
// No server imports here.

export type Failure<C extends string> = {
  ok: false;
  code: C;
  /** Facts a message may quote, e.g. the activations in use when a limit is refused. */
  detail?: { instancesCount?: number };
};

export type Result<T, C extends string> = { ok: true; value: T } | Failure<C>;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, detail?: Failure<C>['detail']): Failure<C> {
  return detail ? { ok: false, code, detail } : { ok: false, code };
}

/** What a form hears back from a server action that did nothing: messages by field, or for the form. */
export type ActionFailure<F extends string = string> = {
  ok: false;
  fieldErrors: Partial<Record<F, string[]>>;
  formError?: string;
};
