'use client';

import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { useComboboxList } from './combobox-list';
import {
  describedBy as describedByOf,
  hintClassName,
  inputClassName,
  labelClassName,
} from './form-styles';
import { mergeRefs } from './merge-refs';
import { Spinner } from './spinner';
import { useDebouncedValue } from './use-debounced-value';

export type AsyncComboboxProps<T, TKey extends QueryKey> = {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  /** The TanStack query for a search text; its data is the list of options. */
  search: (query: string) => UseQueryOptions<T[], Error, T[], TKey>;
  optionKey: (option: T) => string;
  /** The input's text once an option is chosen. */
  displayValue: (option: T) => string;
  /** An option's content; it is also the option's accessible name. */
  renderOption: (option: T) => ReactNode;
  /**
   * Whether an option from an earlier search still fits the text typed since; only those stay on
   * screen until the new results arrive, so Enter never picks a stale option that does not match.
   * Defaults to a case-insensitive substring test on `displayValue`.
   */
  matchesQuery?: (option: T, query: string) => boolean;
  /** Shown (and announced) when a finished search found nothing, e.g. "No customers match". */
  emptyText: string;
  loadingText?: string;
  errorText?: string;
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
  debounceMs?: number;
};

/**
 * A searchable single-choice combobox (the ARIA 1.2 pattern, as Headless UI's Combobox behaved
 * here before it: a library of ~45 KB compressed for one field kind): the server is asked as the
 * user types (debounced, through TanStack Query), the previous results stay while the next ones
 * load, and one polite live region, shown under the input, says "Searching…", the empty text or the
 * error text. Keyboard: typing opens the list with the first match active, so Enter takes it; the
 * arrows move (ArrowDown or ArrowUp also opens the list), Home/End and PageUp/PageDown go to the
 * first and last, Enter chooses, Tab takes the option the user moved to, Escape closes. The list does
 * not open on focus: results arriving while a user merely tabs through must not pick the first one.
 */
export function AsyncCombobox<T, TKey extends QueryKey>({
  label,
  value,
  onChange,
  search,
  optionKey,
  displayValue,
  renderOption,
  matchesQuery,
  emptyText,
  loadingText = 'Searching…',
  errorText = 'The list could not be loaded. Type again to retry.',
  hint,
  error,
  placeholder,
  inputRef,
  onBlur,
  debounceMs = 200,
}: AsyncComboboxProps<T, TKey>) {
  const id = useId();
  const [query, setQuery] = useState('');
  // Ask the server only once the user reaches the field, not for every form that renders.
  const [engaged, setEngaged] = useState(false);
  const debouncedQuery = useDebouncedValue(query.trim(), debounceMs);
  const results = useQuery({ ...search(debouncedQuery), enabled: engaged });
  const searching = engaged && (results.isFetching || query.trim() !== debouncedQuery);
  const stale = results.isPlaceholderData || query.trim() !== debouncedQuery;
  const matches = matchesQuery ?? defaultMatches(displayValue);
  const options = (results.data ?? []).filter((option) => !stale || matches(option, query.trim()));
  const list = useComboboxList({
    options,
    optionKey,
    value,
    onChoose: (option) => onChange(option),
    onClose: () => setQuery(''),
  });
  const { open, active, typed } = list;

  let status = '';
  if (searching) status = loadingText;
  else if (results.isError) status = errorText;
  else if (results.isSuccess && options.length === 0) status = emptyText;

  const invalid = Boolean(error);
  const listboxId = `${id}-options`;
  const buttonId = `${id}-button`;
  const optionId = (option: T) => `${id}-option-${optionKey(option)}`;
  const activeOption = active === null ? undefined : options[active];
  const showsList = open && options.length > 0;
  const describedBy = describedByOf(hint ? `${id}-hint` : null, error ? `${id}-error` : null);
  return (
    <div>
      {/* A plain <label for>: it names the input alone (the button is "Options"). */}
      <label htmlFor={`${id}-input`} className={labelClassName}>
        {label}
      </label>
      <div className="relative">
        <input
          id={`${id}-input`}
          ref={mergeRefs(list.inputRef, inputRef)}
          role="combobox"
          aria-expanded={open}
          aria-controls={showsList ? listboxId : undefined}
          aria-activedescendant={showsList && activeOption ? optionId(activeOption) : undefined}
          aria-autocomplete="list"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={inputClassName(invalid, 'pr-9')}
          value={typed ?? (value ? displayValue(value) : '')}
          onChange={(event) => {
            setQuery(event.target.value);
            list.type(event.target.value);
            // Emptying the input clears the choice.
            if (event.target.value === '' && value !== null) onChange(null);
          }}
          onKeyDown={list.onKeyDown}
          onFocus={() => setEngaged(true)}
          onBlur={() => {
            list.close();
            onBlur?.();
          }}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
        {/* For pointer users; out of the tab order (keyboard: type or arrow down). Its name,
            "Options", also names the listbox. */}
        <button
          id={buttonId}
          type="button"
          tabIndex={-1}
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={showsList ? listboxId : undefined}
          onMouseDown={(event) => event.preventDefault()} // the input keeps the focus
          onClick={list.toggle}
          className="absolute inset-y-0 right-0 flex items-center rounded-r-md px-2.5 text-slate-500 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {searching && open ? <Spinner /> : <ChevronIcon />}
          <span className="sr-only">Options</span>
        </button>
        <div className="absolute inset-x-0 top-full z-20 mt-1">
          {showsList ? (
            <div
              id={listboxId}
              role="listbox"
              aria-labelledby={buttonId}
              tabIndex={-1}
              onMouseDown={(event) => event.preventDefault()} // the input keeps the focus
              className="max-h-72 overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
            >
              {options.map((option, index) => {
                const selected = value !== null && optionKey(value) === optionKey(option);
                return (
                  // The keyboard stays in the input (aria-activedescendant); a click chooses.
                  // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                  <div
                    key={optionKey(option)}
                    id={optionId(option)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    data-focus={index === active ? '' : undefined}
                    data-selected={selected ? '' : undefined}
                    ref={index === active ? list.activeRef : undefined}
                    onMouseMove={() => list.activate(index)}
                    onClick={() => list.choose(option)}
                    className="group flex cursor-pointer items-start gap-2 px-3 py-1.5 text-slate-900 select-none data-focus:bg-indigo-600 data-focus:text-white"
                  >
                    <CheckIcon />
                    <div className="min-w-0 flex-1">{renderOption(option)}</div>
                  </div>
                );
              })}
            </div>
          ) : null}
          <p
            role="status"
            className={
              open && status
                ? `flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg ${options.length > 0 ? 'mt-1' : ''}`
                : 'sr-only'
            }
          >
            {open ? status : ''}
          </p>
        </div>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className={hintClassName}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function defaultMatches<T>(displayValue: (option: T) => string) {
  return (option: T, query: string) =>
    displayValue(option).toLocaleLowerCase().includes(query.toLocaleLowerCase());
}

function ChevronIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path
        fillRule="evenodd"
        d="M10.53 3.47a.75.75 0 0 0-1.06 0L6.22 6.72a.75.75 0 0 0 1.06 1.06L10 5.06l2.72 2.72a.75.75 0 1 0 1.06-1.06l-3.25-3.25Zm-4.31 9.81 3.25 3.25a.75.75 0 0 0 1.06 0l3.25-3.25a.75.75 0 1 0-1.06-1.06L10 14.94l-2.72-2.72a.75.75 0 0 0-1.06 1.06Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className="mt-0.5 size-4 shrink-0 opacity-0 group-data-selected:opacity-100"
    >
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
