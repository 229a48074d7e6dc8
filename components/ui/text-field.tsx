import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, hintClassName, inputClassName, labelClassName } from './form-styles';

type TextFieldProps = ComponentProps<'input'> & {
  label: string;
  /** A line under the input that it lists in its aria-describedby. */
  hint?: ReactNode;
  error?: string;
};

/**
 * A labelled text input with its hint and error under it, both tied to it by aria-describedby. The
 * rest of the props (`register(name)` among them) go to the input; `className` adds to its classes.
 */
export function TextField({ label, hint, error, id, className, ...input }: TextFieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div>
      <label htmlFor={inputId} className={labelClassName}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : null, error && errorId)}
        className={inputClassName(Boolean(error), className)}
      />
      {hint ? (
        <p id={hintId} className={hintClassName}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
