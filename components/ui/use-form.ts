import {
  createElement,
  Fragment,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FocusEvent,
  type FormEvent,
  type ReactNode,
} from 'react';

// The part of react-hook-form's API Keydesk's forms use, in a few lines: `useForm` (through
// useActionForm), `register` for native inputs (uncontrolled: the DOM holds the value), `Controller`
// for custom fields, `useWatch`, `setValue`, `setError`, `setFocus`, `reset` and `handleSubmit`,
// with its modes as useActionForm sets them: validate on submit, then each change of a field
// validates that field again. The names and semantics are react-hook-form's, so the forms read the
// same; the library itself (~14 KB compressed) is not part of any page's first load.

export type FieldValues = Record<string, unknown>;
/** The forms name top-level fields only (of every member, when the values are a union). */
export type FieldPath<T> = T extends unknown ? keyof T & string : never;
/** The value of field `N` (in whichever members of a union have it). */
export type PathValue<T, N> = T extends unknown ? (N extends keyof T ? T[N] : never) : never;
export type FieldError = { type: string; message?: string };
type NestedErrors<V> = [NonNullable<V>] extends [Record<string, unknown>]
  ? FieldError & { [P in keyof NonNullable<V>]?: FieldError }
  : FieldError;
export type FieldErrors<T> = { [K in FieldPath<T>]?: NestedErrors<PathValue<T, K>> };

export type ResolverResult<TOutput> =
  | { values: TOutput; errors: Record<string, never> }
  | { values: Record<string, never>; errors: Record<string, FieldError | Record<string, unknown>> };
export type Resolver<TValues, TOutput> = (values: TValues) => Promise<ResolverResult<TOutput>>;

export type UseFormRegisterReturn<TName extends string = string> = {
  name: TName;
  onChange: (event: ChangeEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
  ref: (element: HTMLElement | null) => (() => void) | undefined;
};

type Focusable = { focus: () => void };
type Field = { elements: Set<HTMLElement>; focusable?: Focusable };

export type Control<TValues extends FieldValues> = {
  values: TValues;
  errors: FieldErrors<TValues>;
  subscribe: (listener: () => void) => () => void;
  version: () => number;
  fieldRef: (name: FieldPath<TValues>) => (element: Focusable | null) => (() => void) | undefined;
  change: (name: FieldPath<TValues>, value: unknown) => void;
};

export type UseFormReturn<TValues extends FieldValues, TOutput> = {
  control: Control<TValues>;
  formState: { errors: FieldErrors<TValues>; isSubmitted: boolean };
  register: <N extends FieldPath<TValues>>(name: N) => UseFormRegisterReturn<N>;
  setValue: <N extends FieldPath<TValues>>(
    name: N,
    value: PathValue<TValues, N>,
    options?: { shouldValidate?: boolean; shouldDirty?: boolean },
  ) => void;
  setError: (name: FieldPath<TValues>, error: FieldError) => void;
  setFocus: (name: FieldPath<TValues>) => void;
  reset: (values?: TValues, options?: { keepDirtyValues?: boolean }) => void;
  handleSubmit: (
    onValid: (values: TOutput) => unknown,
    onInvalid?: (errors: FieldErrors<TValues>) => unknown,
  ) => (event?: FormEvent) => Promise<void>;
};

export type UseFormProps<TValues extends FieldValues, TOutput> = {
  defaultValues: TValues;
  resolver: Resolver<TValues, TOutput>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value a native input shows for `value`, written into the DOM (the inputs are uncontrolled). */
function show(element: HTMLElement, value: unknown) {
  if (!(element instanceof HTMLInputElement) && !(element instanceof HTMLSelectElement)) {
    if (element instanceof HTMLTextAreaElement) element.value = value == null ? '' : String(value);
    return;
  }
  if (element instanceof HTMLInputElement && element.type === 'radio') {
    element.checked = element.value === String(value);
  } else if (element instanceof HTMLInputElement && element.type === 'checkbox') {
    element.checked = Boolean(value);
  } else {
    element.value = value == null ? '' : String(value);
  }
}

function createForm<TValues extends FieldValues, TOutput>(
  props: UseFormProps<TValues, TOutput>,
): UseFormReturn<TValues, TOutput> {
  let defaults = { ...props.defaultValues };
  let version = 0;
  let isSubmitted = false;
  const listeners = new Set<() => void>();
  const fields = new Map<string, Field>();
  const registered = new Map<string, UseFormRegisterReturn>();
  const fieldOf = (name: string) => {
    let field = fields.get(name);
    if (!field) fields.set(name, (field = { elements: new Set() }));
    return field;
  };
  const notify = () => {
    version += 1;
    form.formState = { errors: control.errors, isSubmitted };
    for (const listener of listeners) listener();
  };

  async function validateField(name: string) {
    const { errors } = await props.resolver(control.values);
    const error = (errors as Record<string, FieldError>)[name];
    const next = { ...control.errors } as Record<string, FieldError>;
    if (error) next[name] = error;
    else delete next[name];
    control.errors = next as FieldErrors<TValues>;
    notify();
  }

  function change(name: string, value: unknown) {
    control.values = { ...control.values, [name]: value };
    notify();
    if (isSubmitted) void validateField(name);
  }

  const control: Control<TValues> = {
    values: { ...props.defaultValues },
    errors: {},
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    fieldRef: (name) => (element) => {
      if (!element) return;
      const field = fieldOf(name);
      field.focusable = element;
      return () => {
        if (field.focusable === element) field.focusable = undefined;
      };
    },
    change,
  };

  const form: UseFormReturn<TValues, TOutput> = {
    control,
    formState: { errors: control.errors, isSubmitted },
    register(name) {
      let props = registered.get(name);
      if (!props) {
        props = {
          name,
          onChange: ({ target }) => {
            if (target instanceof HTMLInputElement && target.type === 'checkbox') {
              change(name, target.checked);
            } else if (
              !(target instanceof HTMLInputElement && target.type === 'radio') ||
              target.checked
            ) {
              change(name, (target as HTMLInputElement).value);
            }
          },
          onBlur: () => {},
          // React 19 calls the returned function when the element goes (a field shown only in
          // one mode, say): the focus then goes to the field's element on screen.
          ref: (element) => {
            if (!element) return;
            const field = fieldOf(name);
            field.elements.add(element);
            field.focusable ??= element;
            show(element, control.values[name]);
            return () => {
              field.elements.delete(element);
              if (field.focusable === element)
                field.focusable = field.elements.values().next().value;
            };
          },
        };
        registered.set(name, props);
      }
      return props as UseFormRegisterReturn<typeof name>;
    },
    setValue(name, value, options) {
      control.values = { ...control.values, [name]: value };
      for (const element of fields.get(name)?.elements ?? []) show(element, value);
      notify();
      if (options?.shouldValidate) void validateField(name);
    },
    setError(name, error) {
      control.errors = { ...control.errors, [name]: error };
      notify();
    },
    setFocus(name) {
      fields.get(name)?.focusable?.focus();
    },
    reset(values, options) {
      const next = { ...(values ?? defaults) } as Record<string, unknown>;
      if (options?.keepDirtyValues) {
        for (const [name, value] of Object.entries(control.values)) {
          if (!same(value, defaults[name])) next[name] = value;
        }
      }
      if (values) defaults = { ...values };
      control.values = next as TValues;
      control.errors = {};
      isSubmitted = false;
      for (const [name, field] of fields) {
        for (const element of field.elements) show(element, next[name]);
      }
      notify();
    },
    handleSubmit: (onValid, onInvalid) => async (event) => {
      event?.preventDefault();
      const result = await props.resolver(control.values);
      control.errors = result.errors as FieldErrors<TValues>;
      isSubmitted = true;
      notify();
      if (Object.keys(result.errors).length === 0) await onValid(result.values as TOutput);
      else await onInvalid?.(control.errors);
    },
  };
  return form;
}

/** One form's state; the component that holds it renders again on every change. */
export function useForm<TValues extends FieldValues, TOutput>(
  props: UseFormProps<TValues, TOutput>,
): UseFormReturn<TValues, TOutput> {
  const [form] = useState(() => createForm(props));
  useSyncExternalStore(form.control.subscribe, form.control.version, form.control.version);
  return form;
}

export function useWatch<TValues extends FieldValues, N extends FieldPath<TValues>>({
  control,
  name,
}: {
  control: Control<TValues>;
  name: N;
}): PathValue<TValues, N> {
  useSyncExternalStore(control.subscribe, control.version, control.version);
  return control.values[name] as PathValue<TValues, N>;
}

export type ControllerRenderProps<TValues extends FieldValues, N extends FieldPath<TValues>> = {
  name: N;
  value: PathValue<TValues, N>;
  onChange: (value: PathValue<TValues, N>) => void;
  onBlur: () => void;
  ref: (element: Focusable | null) => (() => void) | undefined;
};
export type ControllerFieldState = { error?: FieldError };

/** A custom field: `render` gets its value, change and blur handlers, a ref for focus, and its error. */
export function Controller<TValues extends FieldValues, N extends FieldPath<TValues>>({
  control,
  name,
  render,
}: {
  control: Control<TValues>;
  name: N;
  render: (props: {
    field: ControllerRenderProps<TValues, N>;
    fieldState: ControllerFieldState;
  }) => ReactNode;
}) {
  useSyncExternalStore(control.subscribe, control.version, control.version);
  const [ref] = useState(() => control.fieldRef(name));
  const field = {
    name,
    value: control.values[name] as PathValue<TValues, N>,
    onChange: (value: PathValue<TValues, N>) => control.change(name, value),
    onBlur: () => {},
    ref,
  };
  const error = control.errors[name] as FieldError | undefined;
  return createElement(Fragment, null, render({ field, fieldState: { error } }));
}
