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
import {
  DURATION_INTERVALS,
  DURATION_UNIT_LABELS,
  KEY_LIFETIME_MAX,
  type DurationInterval,
} from '@/lib/products/schema';

type KeyLifetime = { count: number; interval: DurationInterval };

type KeyLifetimeFieldProps = {
  /** The lifetime (count NaN while the box is empty), or null when keys never expire. */
  value: KeyLifetime | null;
  onChange: (value: KeyLifetime | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/**
 * "Key lifetime": a number, a "Lifetime unit" select and a "Keys never expire" checkbox, grouped
 * under one legend. Checking the box disables the other two and makes the value null; unchecking
 * it brings back the last lifetime (or 1 year).
 */
export function KeyLifetimeField({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
}: KeyLifetimeFieldProps) {
  const id = useId();
  const legendId = `${id}-legend`;
  const unitId = `${id}-unit`;
  const neverId = `${id}-never`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [last, setLast] = useState<KeyLifetime>(value ?? { count: 1, interval: 'year' });
  const never = value === null;
  const shown = value ?? last;
  const describedByIds = describedBy(hintId, error && errorId);

  function setNever(checked: boolean) {
    if (checked) {
      if (value) setLast(value);
      onChange(null);
    } else {
      onChange(last);
    }
  }

  return (
    <fieldset>
      <legend id={legendId} className={labelClassName}>
        Key lifetime
      </legend>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <input
          ref={inputRef}
          type="number"
          inputMode="numeric"
          min={1}
          max={KEY_LIFETIME_MAX}
          step={1}
          aria-labelledby={legendId}
          value={Number.isNaN(shown.count) ? '' : shown.count}
          onChange={(event) =>
            onChange({
              count: event.target.value === '' ? Number.NaN : event.target.valueAsNumber,
              interval: shown.interval,
            })
          }
          onBlur={onBlur}
          disabled={never}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds}
          className={inputClassName(Boolean(error), 'max-w-28')}
        />
        <label htmlFor={unitId} className="sr-only">
          Lifetime unit
        </label>
        <select
          id={unitId}
          value={shown.interval}
          onChange={(event) =>
            onChange({ count: shown.count, interval: event.target.value as DurationInterval })
          }
          onBlur={onBlur}
          disabled={never}
          aria-describedby={describedByIds}
          className={inputClassName(false, 'max-w-36')}
        >
          {DURATION_INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {DURATION_UNIT_LABELS[interval]}
            </option>
          ))}
        </select>
        <div className="mt-1 flex items-center gap-2">
          <input
            id={neverId}
            type="checkbox"
            checked={never}
            onChange={(event) => setNever(event.target.checked)}
            aria-describedby={hintId}
            className={checkboxClassName}
          />
          <label htmlFor={neverId} className="text-sm text-slate-900">
            Keys never expire
          </label>
        </div>
      </div>
      <p id={hintId} className={hintClassName}>
        How long a new key works after it is issued, up to{' '}
        {KEY_LIFETIME_MAX.toLocaleString('en-US')} units. Keys already issued keep their expiry.
      </p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
