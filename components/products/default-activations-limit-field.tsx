'use client';

import { useId, useState, type Ref } from 'react';
import { FieldError } from '@/components/ui/field-error';
import {
  checkboxClassName,
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';

type DefaultActivationsLimitFieldProps = {
  /** A number, NaN while the box is empty or unreadable, or null for unlimited. */
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/**
 * "Default activations limit" with an "Unlimited activations" checkbox, as one group. Checking the
 * box disables the number and makes the value null; unchecking it brings back the last number.
 */
export function DefaultActivationsLimitField({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: DefaultActivationsLimitFieldProps) {
  const id = useId();
  const legendId = `${id}-legend`;
  const unlimitedId = `${id}-unlimited`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [lastNumber, setLastNumber] = useState(() =>
    typeof value === 'number' && Number.isFinite(value) ? value : 1,
  );
  const unlimited = value === null;

  function setUnlimited(checked: boolean) {
    if (checked) {
      if (typeof value === 'number' && Number.isFinite(value)) setLastNumber(value);
      onChange(null);
    } else {
      onChange(lastNumber);
    }
  }

  return (
    <fieldset>
      <legend id={legendId} className={labelClassName}>
        Default activations limit
      </legend>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <input
          ref={inputRef}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          aria-labelledby={legendId}
          value={unlimited ? lastNumber : Number.isNaN(value) ? '' : value}
          onChange={(event) =>
            onChange(event.target.value === '' ? Number.NaN : event.target.valueAsNumber)
          }
          onBlur={onBlur}
          disabled={unlimited}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, error && errorId)}
          className={inputClassName(Boolean(error), 'max-w-32')}
        />
        <div className="mt-1 flex items-center gap-2">
          <input
            id={unlimitedId}
            type="checkbox"
            checked={unlimited}
            onChange={(event) => setUnlimited(event.target.checked)}
            aria-describedby={hintId}
            className={checkboxClassName}
          />
          <label htmlFor={unlimitedId} className="text-sm text-slate-900">
            Unlimited activations
          </label>
        </div>
      </div>
      <p id={hintId} className={hintClassName}>
        How many devices can activate a new key at the same time. Keys already issued keep their
        limit.
      </p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
