'use client';

import { useId } from 'react';
import type { ControlledFieldProps } from '@/components/ui/controlled-props';
import { FieldError } from '@/components/ui/field-error';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { NoneCheckbox } from '@/components/ui/none-checkbox';
import { useOptionalValue } from '@/components/ui/use-optional-value';
import {
  DURATION_INTERVALS,
  DURATION_UNIT_LABELS,
  KEY_LIFETIME_MAX,
  type DurationInterval,
} from '@/lib/products/terms';

type KeyLifetime = { count: number; interval: DurationInterval };

const DEFAULT_LIFETIME: KeyLifetime = { count: 1, interval: 'year' };

/** The value: the lifetime (count NaN while the box is empty), or null when keys never expire. */
type KeyLifetimeFieldProps = ControlledFieldProps<KeyLifetime | null>;

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
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const { none, shown, setNone } = useOptionalValue({
    value,
    onChange,
    fallback: DEFAULT_LIFETIME,
  });
  const describedByIds = describedBy(hintId, error && errorId);

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
          disabled={none}
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
          disabled={none}
          aria-describedby={describedByIds}
          className={inputClassName(false, 'max-w-36')}
        >
          {DURATION_INTERVALS.map((interval) => (
            <option key={interval} value={interval}>
              {DURATION_UNIT_LABELS[interval]}
            </option>
          ))}
        </select>
        <NoneCheckbox
          label="Keys never expire"
          checked={none}
          onChange={setNone}
          describedBy={hintId}
        />
      </div>
      <p id={hintId} className={hintClassName}>
        How long a new key works after it is issued, up to{' '}
        {KEY_LIFETIME_MAX.toLocaleString('en-US')} units. Keys already issued keep their expiry.
      </p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
