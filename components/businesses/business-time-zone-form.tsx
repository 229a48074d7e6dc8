'use client';

import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useWatch } from '@/components/ui/use-form';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import { setBusinessTimeZoneAction } from '@/lib/businesses/actions';

import { TimeZoneOptions } from '@/components/businesses/time-zone-options';
import type { TimeZoneGroup } from '@/lib/businesses/time-zones';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Which of the listed zones is the browser's: its own name, or the listed alias it resolves to. */
function listedBrowserZone(groups: TimeZoneGroup[], zone: string | null): string | null {
  if (!zone) return null;
  const values = groups.flatMap((group) => group.options.map((option) => option.value));
  if (values.includes(zone)) return zone;
  const resolve = (value: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  return values.find((value) => resolve(value) === zone) ?? null;
}

/**
 * "Time zone" (the server's list, by region, each with its offset now), the browser's own zone to
 * take in one press, and "Save time zone".
 */
export function BusinessTimeZoneForm({
  timeZone,
  groups,
}: {
  timeZone: string;
  groups: TimeZoneGroup[];
}) {
  const id = useId();
  const [saved, setSaved] = useState('');
  // Known only in the browser: null while the server renders, so both render the same markup.
  const ownZone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const browser = useMemo(() => listedBrowserZone(groups, ownZone), [groups, ownZone]);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/businesses/schema').then((m) => m.setBusinessTimeZoneSchema),
    defaultValues: { timeZone },
    fields: ['timeZone'],
    action: setBusinessTimeZoneAction,
    onStart: () => setSaved(''),
    onSuccess: (result) => setSaved(result.message),
    networkErrorMessage: 'The server did not answer, so the time zone was not saved. Try again.',
  });
  const chosen = useWatch({ control: form.control, name: 'timeZone' });
  const error = form.formState.errors.timeZone?.message;
  const selectId = `${id}-zone`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[32rem] space-y-4">
      <FormAlert message={formError} />
      <div>
        <label htmlFor={selectId} className={labelClassName}>
          Time zone
        </label>
        <select
          id={selectId}
          {...form.register('timeZone')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, error && errorId)}
          className={inputClassName(Boolean(error))}
        >
          <TimeZoneOptions groups={groups} />
        </select>
        <p id={hintId} className={hintClassName}>
          The overview&apos;s days and months follow this time zone. Offsets are as of today.
        </p>
        <FieldError id={errorId} message={error} />
      </div>
      {browser && browser !== chosen ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span>
            Your browser is set to <span className="font-medium break-all">{browser}</span>.
          </span>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => {
              form.setValue('timeZone', browser, { shouldValidate: true });
              // This button goes once the zone is chosen: the focus moves to what it changed.
              form.setFocus('timeZone');
            }}
          >
            Use my browser&apos;s time zone
          </Button>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          Save time zone
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      </div>
    </form>
  );
}
