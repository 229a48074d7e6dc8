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

/** The value: a number, NaN while the box is empty or unreadable, or null for unlimited. */
type ActivationsLimitFieldProps = ControlledFieldProps<number | null> & {
  /** The name of the number box ("Activations limit"). */
  label: string;
  hint: string;
  /**
   * `field`: a div whose label names the number box. `group`: a fieldset whose legend names the
   * number box, and whose hint also describes the checkbox.
   */
  as?: 'field' | 'group';
  /** Whether the disabled number box keeps showing the last number while unlimited is checked. */
  showLastNumberWhenUnlimited?: boolean;
};

/**
 * An activations limit with an "Unlimited activations" checkbox. Checking it disables the number
 * and makes the value null; unchecking it brings back the last number (or 1).
 */
export function ActivationsLimitField({
  value,
  onChange,
  onBlur,
  inputRef,
  error,
  label,
  hint,
  as = 'field',
  showLastNumberWhenUnlimited = false,
}: ActivationsLimitFieldProps) {
  const id = useId();
  const inputId = `${id}-limit`;
  const legendId = `${id}-legend`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // An empty box (NaN) is not remembered: unchecking brings back the last number, or 1.
  const { none, shown, setNone } = useOptionalValue({
    value,
    onChange,
    fallback: 1,
    remember: Number.isFinite,
  });
  const group = as === 'group';

  const content = (
    <>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <input
          ref={inputRef}
          id={group ? undefined : inputId}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          aria-labelledby={group ? legendId : undefined}
          value={(none && !showLastNumberWhenUnlimited) || Number.isNaN(shown) ? '' : shown}
          onChange={(event) =>
            onChange(event.target.value === '' ? Number.NaN : event.target.valueAsNumber)
          }
          onBlur={onBlur}
          disabled={none}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, error && errorId)}
          className={inputClassName(Boolean(error), 'max-w-32')}
        />
        <NoneCheckbox
          label="Unlimited activations"
          checked={none}
          onChange={setNone}
          describedBy={group ? hintId : undefined}
        />
      </div>
      <p id={hintId} className={hintClassName}>
        {hint}
      </p>
      <FieldError id={errorId} message={error} />
    </>
  );

  return group ? (
    <fieldset>
      <legend id={legendId} className={labelClassName}>
        {label}
      </legend>
      {content}
    </fieldset>
  ) : (
    <div>
      <label htmlFor={inputId} className={labelClassName}>
        {label}
      </label>
      {content}
    </div>
  );
}
