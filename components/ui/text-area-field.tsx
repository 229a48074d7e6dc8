import { useId, type ComponentProps, type ReactNode } from 'react';
import { FieldError } from './field-error';
import { describedBy, hintClassName, inputClassName, labelClassName } from './form-styles';

type TextAreaFieldProps = ComponentProps<'textarea'> & {
  label: string;
  /** A line under the box that it lists in its aria-describedby. */
  hint?: ReactNode;
  error?: string;
};

/** TextField's multi-line sibling: a labelled textarea with its hint and error tied to it. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  ...textarea
}: TextAreaFieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div>
      <label htmlFor={inputId} className={labelClassName}>
        {label}
      </label>
      <textarea
        id={inputId}
        rows={3}
        {...textarea}
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
