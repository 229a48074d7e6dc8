import { useEffect, useRef, useState } from 'react';
import {
  useForm,
  type FieldPath,
  type FieldValues,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
} from './use-form';
import type { z } from 'zod';
import type { ActionFailure } from '@/lib/result';
import { useServerAction } from './use-server-action';

/** A server action either fails with an `ActionFailure`, answers `{ ok: true, … }` or redirects. */
export type ActionResult = ActionFailure | { ok: true };

export const FAILURE_MESSAGE = 'That did not work. Try again.';

type ActionFormOptions<TValues extends FieldValues, TOutput, TResult extends ActionResult> = Omit<
  UseFormProps<TValues, TOutput>,
  'resolver'
> & {
  /**
   * The action's own schema, loaded on demand: the form validates with it before calling the
   * action. `() => import('@/lib/x/schema').then((m) => m.xSchema)`: Zod and the schema load once
   * the form is on screen, not with the page.
   */
  schema: () => Promise<z.ZodType<TOutput, TValues>>;
  /** The fields in page order: server errors go onto them and the first invalid one gets the focus. */
  fields: readonly FieldPath<TValues>[];
  /** Called with the values the schema parsed. */
  action: (values: TOutput) => Promise<TResult>;
  /** Before each call (a previous success message can go). */
  onStart?: () => void;
  onSuccess?: (result: Extract<TResult, { ok: true }>, values: TOutput) => void;
  /** After the failure's messages are placed. */
  onFailure?: (failure: Extract<TResult, { ok: false }>) => void;
  /** For a failure that says nothing: no field error and no form error. */
  failureMessage?: string;
  /** For a call that got no answer. */
  networkErrorMessage?: string;
};

export type ActionForm<TValues extends FieldValues, TOutput> = {
  form: UseFormReturn<TValues, TOutput>;
  /** The form's onSubmit: validates with the resolver, then calls the action. */
  onSubmit: ReturnType<UseFormReturn<TValues, TOutput>['handleSubmit']>;
  pending: boolean;
  /** A message about the whole form, for `FormAlert`, or null. */
  formError: string | null;
};

/**
 * One submit path for every react-hook-form form that posts to a server action. The action's schema
 * validates on submit, then on each change; the action's field errors are set on their fields, an error with no
 * field of its own (or none at all) becomes `formError`, and the first invalid field in `fields`
 * order gets the focus, for client-side and server-side errors alike. A redirect from the action
 * reaches the router; a call without an answer shows `networkErrorMessage`.
 */
export function useActionForm<TValues extends FieldValues, TOutput, TResult extends ActionResult>({
  schema,
  fields,
  action,
  onStart,
  onSuccess,
  onFailure,
  failureMessage = FAILURE_MESSAGE,
  networkErrorMessage,
  ...formProps
}: ActionFormOptions<TValues, TOutput, TResult>): ActionForm<TValues, TOutput> {
  const resolver = useLazyResolver(schema);
  // Validates on submit, then each change of a field validates it again (./use-form.ts); the
  // focus follows `fields`, the page order.
  const form = useForm<TValues, TOutput>({ ...formProps, resolver });
  const { run, pending, error, setError } = useServerAction(networkErrorMessage);
  // Server errors are focused once rendered: the field may only now be enabled again.
  const [focusRequest, setFocusRequest] = useState<{ name: FieldPath<TValues> } | null>(null);
  const { setFocus } = form;

  useEffect(() => {
    if (focusRequest) setFocus(focusRequest.name);
  }, [focusRequest, setFocus]);

  function firstInvalid(invalid: Partial<Record<string, unknown>>) {
    return fields.find((name) => invalid[name]);
  }

  function showFailure({ fieldErrors, formError }: ActionFailure) {
    for (const name of fields) {
      const message = fieldErrors[name]?.[0];
      if (message) form.setError(name, { type: 'server', message });
    }
    const first = fields.find((name) => fieldErrors[name]?.length);
    // A message for a field the form does not show (the key's mode, say) is about the whole form.
    const unplaced = Object.entries(fieldErrors).find(
      ([name, messages]) => messages?.length && !(fields as readonly string[]).includes(name),
    )?.[1]?.[0];
    setError(formError ?? unplaced ?? (first ? null : failureMessage));
    if (first) setFocusRequest({ name: first });
  }

  function submit(values: TOutput) {
    if (pending) return;
    onStart?.();
    run(
      () => action(values),
      (result) => {
        if (result.ok) {
          onSuccess?.(result as Extract<TResult, { ok: true }>, values);
          return;
        }
        showFailure(result);
        onFailure?.(result as Extract<TResult, { ok: false }>);
      },
    );
  }

  const onSubmit = form.handleSubmit(submit, (invalid) => {
    const first = firstInvalid(invalid);
    if (first) setFocus(first);
  });

  return { form, onSubmit, pending, formError: error };
}

/**
 * A react-hook-form resolver for a schema that `load` imports: the import starts once the form is
 * mounted (after the page has hydrated), so it is normally done before the first submit, which
 * otherwise waits for it. Should the import fail (the network gone), it is tried again at the next
 * validation; until then the values go to the action unchecked, and the action's own parse of the
 * same schema answers with the same field errors.
 */
function useLazyResolver<TValues extends FieldValues, TOutput>(
  load: () => Promise<z.ZodType<TOutput, TValues>>,
): Resolver<TValues, TOutput> {
  const loading = useRef<Promise<Resolver<TValues, TOutput>> | null>(null);
  const loadRef = useRef(load);
  const [resolver] = useState(() => {
    const get = () =>
      // The resolver first: it turns Zod's eval probe off, and Zod probes when a schema module
      // builds its first object (loaded side by side, the schema could run first, and the page's
      // Content-Security-Policy would report the probe).
      (loading.current ??= import('./zod-resolver').then(({ zodResolver }) =>
        loadRef.current().then((schema) => zodResolver(schema)),
      ));
    const lazy: Resolver<TValues, TOutput> = async (values) => {
      let resolve: Resolver<TValues, TOutput>;
      try {
        resolve = await get();
      } catch {
        loading.current = null;
        return { values: values as unknown as TOutput, errors: {} };
      }
      return resolve(values);
    };
    return { lazy, get };
  });
  useEffect(() => {
    resolver.get().catch(() => {
      loading.current = null;
    });
  }, [resolver]);
  return resolver.lazy;
}
