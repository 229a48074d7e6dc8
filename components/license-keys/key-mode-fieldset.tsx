'use client';

import { useId } from 'react';
import type { UseFormRegisterReturn } from '@/components/ui/use-form';
import { FieldError } from '@/components/ui/field-error';
import {
  describedBy,
  hintClassName,
  inputClassName,
  labelClassName,
} from '@/components/ui/form-styles';
import { LICENSE_KEY_MAX_LENGTH, LICENSE_KEY_MIN_LENGTH } from '@/lib/license-keys/limits';

type KeyModeFieldsetProps = {
  mode: 'generate' | 'import';
  modeRadio: UseFormRegisterReturn<'mode'>;
  keyInput: UseFormRegisterReturn<'key'>;
  keyError?: string;
  /** The chosen product's key prefix (null: it has none; undefined: no product chosen yet). */
  keyPrefix?: string | null;
  productChosen: boolean;
};

/** The "Key" radio group (generate or import) and, for an import, the "License key" textbox. */
export function KeyModeFieldset({
  mode,
  modeRadio,
  keyInput,
  keyError,
  keyPrefix,
  productChosen,
}: KeyModeFieldsetProps) {
  const id = useId();
  const keyId = `${id}-key`;
  const hintId = `${id}-key-hint`;
  const errorId = `${id}-key-error`;

  return (
    <fieldset>
      <legend className={labelClassName}>Key</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <RadioOption id={`${id}-generate`} value="generate" radio={modeRadio}>
          Generate a new key
        </RadioOption>
        <RadioOption id={`${id}-import`} value="import" radio={modeRadio}>
          Import an existing key
        </RadioOption>
      </div>

      {mode === 'import' ? (
        <div className="mt-4">
          <label htmlFor={keyId} className={labelClassName}>
            License key
          </label>
          <input
            {...keyInput}
            id={keyId}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={describedBy(hintId, keyError && errorId)}
            className={inputClassName(Boolean(keyError), 'font-mono')}
          />
          <p id={hintId} className={hintClassName}>
            {LICENSE_KEY_MIN_LENGTH} to {LICENSE_KEY_MAX_LENGTH} characters, as issued by the other
            system. Spaces around it are removed.
          </p>
          <FieldError id={errorId} message={keyError} />
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{generateHint(keyPrefix, productChosen)}</p>
      )}
    </fieldset>
  );
}

function generateHint(keyPrefix: string | null | undefined, productChosen: boolean) {
  if (!productChosen) {
    return "Keydesk will generate a random key, starting with the product's prefix if it has one.";
  }
  return keyPrefix
    ? `Keydesk will generate a random key starting with ${keyPrefix}-.`
    : 'Keydesk will generate a random key.';
}

function RadioOption({
  id,
  value,
  radio,
  children,
}: {
  id: string;
  value: 'generate' | 'import';
  radio: UseFormRegisterReturn<'mode'>;
  children: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <input
        {...radio}
        id={id}
        type="radio"
        value={value}
        className="size-4 border-slate-400 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
      <label htmlFor={id} className="text-sm text-slate-900">
        {children}
      </label>
    </div>
  );
}
