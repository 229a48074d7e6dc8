import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { genericErrorMessage, logUnexpectedError } from '@/lib/log';
import type { ActionFailure, Failure } from '@/lib/result';

export type { ActionFailure } from '@/lib/result';
import { memberOrRefusal, type MemberContext } from './member';
import type { Permission } from './permissions';

/** How a feature tells a data failure code to people: on a field, or (no field) above the form. */
export type FailureMessages<C extends string, F extends string> = Record<
  C,
  | { field?: F; message: string | ((failure: Failure<C>) => string) }
  | { fields: Partial<Record<F, string>> }
>;

type ErrorsOn = 'fields' | 'form';

/** A one-button action's failure: always one message, for above the button. */
export type FormFailure = { ok: false; fieldErrors: Record<string, never>; formError: string };

type Config<A extends unknown[], S extends z.ZodType, R, C extends string, E extends ErrorsOn> = {
  /** Named in the log line of an unexpected error. */
  name: string;
  permission: Permission;
  schema: S;
  /** Builds what the schema parses from the action's arguments (default: the first one). */
  input?: (...args: A) => unknown;
  /** `form` for one-button actions: every message, a bad input's too, goes above the form. */
  errorsOn?: E;
  /** With errorsOn 'form': what a bad input is told (default: the schema's first message). */
  invalidMessage?: string;
  /** Messages for the failure codes `run` may answer. */
  failures?: FailureMessages<C, string>;
  /** Strings of the input that must never appear whole in a log line (license keys). */
  secrets?: (input: z.output<S>) => string[];
  /** Context for the log line of an unexpected error (ids, never secrets). */
  logContext?: (input: z.output<S>) => Record<string, unknown>;
  /** The action's work: may answer a value, a failure code from `failures`, or redirect. */
  run: (actor: MemberContext, input: z.output<S>) => Promise<R | Failure<C>>;
};

/**
 * A server action of the dashboard, with its preamble written once: the signed-in member and the
 * permission (checked again inside the data layer), the input parsed with the form's own schema,
 * failure codes turned into field or form messages, and any unexpected error logged with a
 * reference id and told generically. `redirect()` inside `run` works (it is rethrown).
 */
export function memberAction<
  A extends unknown[],
  S extends z.ZodType,
  R,
  C extends string = never,
  E extends ErrorsOn = 'fields',
>(config: Config<A, S, R, C, E>) {
  type Fields = Extract<keyof z.input<S>, string>;
  type Refusal = E extends 'form' ? FormFailure : ActionFailure<Fields>;
  return async (...args: A): Promise<Exclude<R, Failure<string>> | Refusal> =>
    (await perform(config, args)) as Exclude<R, Failure<string>> | Refusal;
}

async function perform<A extends unknown[], S extends z.ZodType, R, C extends string>(
  config: Config<A, S, R, C, ErrorsOn>,
  args: A,
): Promise<unknown> {
  type Fields = Extract<keyof z.input<S>, string>;
  const actor = await memberOrRefusal(config.permission);
  if (typeof actor === 'string') return { ok: false, fieldErrors: {}, formError: actor };
  const raw = config.input ? config.input(...args) : args[0];
  const parsed = config.schema.safeParse(raw);
  if (!parsed.success && config.errorsOn === 'form') {
    const formError = config.invalidMessage ?? parsed.error.issues[0]?.message ?? 'Try again.';
    return { ok: false, fieldErrors: {}, formError };
  }
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return {
      ok: false,
      fieldErrors: fieldErrors as ActionFailure<Fields>['fieldErrors'],
      ...(formErrors.length ? { formError: formErrors[0] } : {}),
    };
  }
  try {
    const result = await config.run(actor, parsed.data);
    if (!isFailure<C>(result)) return result;
    const failure = failureMessage(config.failures, result);
    return config.errorsOn === 'form' ? formOnly(failure) : failure;
  } catch (error) {
    unstable_rethrow(error);
    logUnexpectedError(
      actor.requestId,
      error,
      {
        action: config.name,
        businessId: actor.businessId,
        ...config.logContext?.(parsed.data),
      },
      config.secrets?.(parsed.data) ?? [],
    );
    return { ok: false, fieldErrors: {}, formError: genericErrorMessage(actor.requestId) };
  }
}

function isFailure<C extends string>(value: unknown): value is Failure<C> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

function failureMessage<C extends string, F extends string>(
  table: FailureMessages<C, F> | undefined,
  failure: Failure<C>,
): ActionFailure<F> {
  const entry = table?.[failure.code];
  if (!entry) throw new Error(`No message for the failure code ${failure.code}`);
  if ('fields' in entry) {
    const fieldErrors: Partial<Record<F, string[]>> = {};
    for (const [field, text] of Object.entries(entry.fields) as [F, string][]) {
      fieldErrors[field] = [text];
    }
    return { ok: false, fieldErrors };
  }
  const message = typeof entry.message === 'function' ? entry.message(failure) : entry.message;
  if (!entry.field) return { ok: false, fieldErrors: {}, formError: message };
  return {
    ok: false,
    fieldErrors: { [entry.field]: [message] } as ActionFailure<F>['fieldErrors'],
  };
}

function formOnly<F extends string>(failure: ActionFailure<F>): FormFailure {
  const first = Object.values<string[] | undefined>(failure.fieldErrors).find(Boolean)?.[0];
  return { ok: false, fieldErrors: {}, formError: failure.formError ?? first ?? 'Try again.' };
}
