'use client';

import { useId, useSyncExternalStore } from 'react';
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

/** The value: an ISO 8601 instant, null for "never expires", or '' while the input is incomplete. */
type ExpiryFieldProps = ControlledFieldProps<string | null>;

/**
 * "Expires at" (a datetime-local input, in the browser's time zone) with a "Never expires"
 * checkbox. The form value is always an unambiguous instant: the local wall time the user sees,
 * converted with `new Date(local).toISOString()`.
 */
export function ExpiryField({ value, onChange, onBlur, inputRef, error }: ExpiryFieldProps) {
  const id = useId();
  const inputId = `${id}-expires`;
  const zoneId = `${id}-zone`;
  const errorId = `${id}-error`;
  // An empty or incomplete input ('') is not remembered.
  const { none, setNone } = useOptionalValue({
    value,
    onChange,
    fallback: '',
    remember: Boolean,
  });

  return (
    <div>
      <label htmlFor={inputId} className={labelClassName}>
        Expires at
      </label>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <input
          ref={inputRef}
          id={inputId}
          type="datetime-local"
          value={value ? instantToLocalInput(value) : ''}
          onChange={(event) => onChange(localInputToInstant(event.target.value))}
          onBlur={onBlur}
          disabled={none}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(zoneId, error && errorId)}
          className={inputClassName(Boolean(error), 'max-w-60')}
        />
        <NoneCheckbox label="Never expires" checked={none} onChange={setNone} />
      </div>
      <TimeZoneNote id={zoneId} at={value} />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

const subscribeNever = () => () => {};

/** "Times are in your time zone, Europe/Berlin (UTC+01:00)." Known only in the browser, after hydration. */
function TimeZoneNote({ id, at }: { id: string; at: string | null }) {
  const zone = useSyncExternalStore(
    subscribeNever,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  // The offset that applies at the chosen time (summer and winter differ), else now.
  const instant = at ? new Date(at) : new Date();
  const offset = formatUtcOffset(Number.isNaN(instant.getTime()) ? new Date() : instant);
  return (
    <p id={id} className={hintClassName}>
      {zone ? `Times are in your time zone, ${zone} (${offset}).` : 'Times are in your time zone.'}
    </p>
  );
}

function pad(n: number, width = 2) {
  return String(n).padStart(width, '0');
}

/** "UTC+01:00", "UTC-03:30", "UTC+00:00": the browser's offset at `at`. */
export function formatUtcOffset(at: Date) {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the local wall time a datetime-local input shows ("2026-05-04T09:30"), or ''. */
export function instantToLocalInput(iso: string) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const date = `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const seconds = at.getSeconds() ? `:${pad(at.getSeconds())}` : '';
  return `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}${seconds}`;
}

/** A datetime-local value, read as local wall time, as an ISO instant; '' when empty or invalid. */
export function localInputToInstant(local: string) {
  if (!local) return '';
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? '' : at.toISOString();
}
