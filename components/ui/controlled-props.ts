import type { Ref } from 'react';
import type {
  ControllerFieldState,
  ControllerRenderProps,
  FieldPath,
  FieldValues,
} from './use-form';

/** The props of a custom field that a react-hook-form `Controller` drives (see `controlledProps`). */
export type ControlledFieldProps<T> = {
  value: T;
  onChange: (value: T) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/**
 * What a custom field (one with `value`, `onChange`, `onBlur`, `inputRef` and `error` props) takes
 * from a react-hook-form `Controller`: `render={(props) => <Field {...controlledProps(props)} />}`.
 */
export function controlledProps<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  field,
  fieldState,
}: {
  field: ControllerRenderProps<TValues, TName>;
  fieldState: ControllerFieldState;
}) {
  return {
    value: field.value,
    onChange: field.onChange,
    onBlur: field.onBlur,
    inputRef: field.ref,
    error: fieldState.error?.message,
  };
}
