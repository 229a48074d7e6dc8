'use client';

import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { FormAlert } from '@/components/ui/form-alert';
import {
  checkboxClassName,
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FieldError as FormFieldError } from '@/components/ui/use-form';
import { TimeZoneOptions } from '@/components/businesses/time-zone-options';
import type { TimeZoneGroup } from '@/lib/businesses/time-zones';
import { configureImportAction } from '@/lib/imports/actions';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from '@/lib/imports/fields';
import type { ConfigureImportFormValues } from '@/lib/imports/schema';

/** The fields in page order: the first invalid one gets the focus. */
const FIELD_ORDER = [...IMPORT_FIELDS, 'defaultProductId', 'timeZone', 'updateExisting'] as const;

const HINTS: Partial<Record<ImportField, string>> = {
  key: 'Required.',
  customerEmail: 'Required.',
  product: 'Required, unless you choose a default product below.',
};

export type ConfigureImportFormProps = {
  jobId: string;
  headers: string[];
  mapping: ImportMapping;
  defaultProductId: string | null;
  timeZone: string;
  updateExisting: boolean;
  products: { id: string; name: string }[];
  timeZones: TimeZoneGroup[];
};

/** "Untitled column 3", "email (column 5)" for a header another column has too: options apart. */
function columnLabels(headers: string[]) {
  return headers.map((header, index) => {
    const name = header.trim();
    if (!name) return `Untitled column ${index + 1}`;
    const shared = headers.filter((other) => other.trim() === name).length > 1;
    return shared ? `${name} (column ${index + 1})` : name;
  });
}

/**
 * The mapping step: which column of the file holds each field (first guessed from the headers),
 * the default product, the zone of dates without a time, and "Update existing keys". "Check file"
 * saves it and starts the check; the page then shows its progress. Validates with the action's
 * own schema (a column read twice, no key column); the server's refusals show on their fields.
 */
export function ConfigureImportForm(props: ConfigureImportFormProps) {
  const { jobId, headers, mapping, products, timeZones } = props;
  const id = useId();
  const columns = columnLabels(headers);
  const defaults = {
    jobId,
    ...(Object.fromEntries(
      IMPORT_FIELDS.map((field) => [
        field,
        mapping[field] === undefined ? '' : String(mapping[field]),
      ]),
    ) as Record<ImportField, string>),
    defaultProductId: props.defaultProductId ?? '',
    timeZone: props.timeZone,
    updateExisting: props.updateExisting,
  } satisfies ConfigureImportFormValues;
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: () => import('@/lib/imports/schema').then((m) => m.configureImportSchema),
    defaultValues: defaults as ConfigureImportFormValues,
    fields: FIELD_ORDER,
    // The schema's output again as its input: a column's index, and '' for no default product.
    action: (values) =>
      configureImportAction({ ...values, defaultProductId: values.defaultProductId ?? '' }),
    failureMessage: 'The file could not be checked. Try again.',
    networkErrorMessage:
      'The check did not start because the server did not answer. Check your connection and try again.',
  });
  const { register, formState } = form;
  const errors = formState.errors as Partial<Record<string, FormFieldError>>;
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);

  /** A select with its label, hint and error, tied together. */
  const select = (name: string, label: string, hint: string | undefined, options: ReactNode) => {
    const controlId = `${id}-${name}`;
    const error = errors[name]?.message;
    return (
      <div key={name}>
        <label htmlFor={controlId} className={labelClassName}>
          {label}
        </label>
        <select
          id={controlId}
          {...register(name as keyof ConfigureImportFormValues)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && `${controlId}-hint`, error && `${controlId}-error`)}
          className={inputClassName(Boolean(error))}
        >
          {options}
        </select>
        {hint ? (
          <p id={`${controlId}-hint`} className={hintClassName}>
            {hint}
          </p>
        ) : null}
        <FieldError id={`${controlId}-error`} message={error} />
      </div>
    );
  };

  const columnOptions = (
    <>
      <option value="">Not in the file</option>
      {columns.map((label, index) => (
        <option key={index} value={String(index)}>
          {label}
        </option>
      ))}
    </>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-[48rem]">
      <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-6 border-0 p-0">
        <FormAlert message={formError} />
        <fieldset className="mx-0 min-w-0 border-0 p-0">
          <legend className="text-base font-semibold text-slate-900">
            Which column holds what
          </legend>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            {IMPORT_FIELDS.map((field) =>
              select(field, IMPORT_FIELD_LABELS[field], HINTS[field], columnOptions),
            )}
          </div>
        </fieldset>
        {select(
          'defaultProductId',
          'Default product',
          'For rows whose product is empty, or every row when no column names the product.',
          <>
            <option value="">None</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </>,
        )}
        {select(
          'timeZone',
          'Time zone of dates without a time',
          'A date alone (2027-01-31) expires at the end of that day in this zone.',
          <TimeZoneOptions groups={timeZones} />,
        )}
        <div>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-updateExisting`}
              type="checkbox"
              {...register('updateExisting')}
              aria-describedby={`${id}-updateExisting-hint`}
              className={checkboxClassName}
            />
            <label htmlFor={`${id}-updateExisting`} className="text-sm font-medium text-slate-900">
              Update existing keys
            </label>
          </div>
          <p id={`${id}-updateExisting-hint`} className={hintClassName}>
            For keys already in Keydesk (same key, customer and product): their activations limit,
            expiry and disabled state are set from the file, each change recorded in the key’s
            history. Unticked, a key whose terms differ is reported as a conflict and left as it is.
          </p>
        </div>
        <div className="border-t border-slate-200 pt-5">
          <Button type="submit" pending={pending} aria-describedby={`${id}-check-hint`}>
            Check file
          </Button>
          <p id={`${id}-check-hint`} className={hintClassName}>
            Checking writes nothing: it tells what importing would do, row by row.
          </p>
        </div>
      </fieldset>
    </form>
  );
}

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;
