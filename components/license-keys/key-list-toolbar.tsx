'use client';

import Form from 'next/form';
import { useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button } from '@/components/ui/button';
import { inputClassName, labelClassName } from '@/components/ui/form-styles';
import type { KeyListView } from '@/lib/license-keys/list';
import { productLabel } from '@/lib/products/terms';

type Props = {
  view: Pick<KeyListView, 'filter' | 'sort'>;
  products: readonly { id: string; name: string; archived: boolean }[];
};

const STATUSES = [
  ['', 'All'],
  ['active', 'Active'],
  ['expired', 'Expired'],
  ['disabled', 'Disabled'],
] as const;
const SOURCES = [
  ['', 'All'],
  ['auto', 'Auto'],
  ['import', 'Import'],
  ['manual', 'Manual'],
] as const;
const EXPIRIES = [
  ['', 'Any time'],
  ['next-7-days', 'In the next 7 days'],
  ['next-30-days', 'In the next 30 days'],
  ['expired', 'Already expired'],
  ['never', 'Never'],
] as const;
const USAGES = [
  ['', 'Any'],
  ['at-limit', 'At limit'],
  ['in-use', 'In use'],
  ['limited', 'With a limit'],
  ['unlimited', 'Unlimited'],
] as const;
const SORTS = [
  ['newest', 'Newest first'],
  ['expiry', 'Expiry, soonest first'],
] as const;

/**
 * Keeps the URL to what was chosen (`?status=expired`, not `?q=&status=expired&product=&…`): fields
 * left at their default lose their name while the form is read, and get it back right after. (Not
 * `disabled`: that would take the focus from the search box when Enter submits it empty.)
 */
function omitDefaults(form: HTMLFormElement) {
  const unnamed: { field: HTMLInputElement | HTMLSelectElement; name: string }[] = [];
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')) {
    const isDefault =
      field.value.trim() === '' || (field.name === 'sort' && field.value === 'newest');
    if (!isDefault) continue;
    unnamed.push({ field, name: field.name });
    field.removeAttribute('name');
  }
  setTimeout(() => unnamed.forEach(({ field, name }) => field.setAttribute('name', name)));
}

/**
 * Search, filters and sort of the key list: a GET form, so the view lives in the URL (reload, back,
 * forward and a pasted link restore it) and works before scripts load. A changed filter applies at
 * once; the search applies on Enter or "Search". A new view starts at its first page.
 */
export function KeyListToolbar({ view, products }: Props) {
  const form = useRef<HTMLFormElement>(null);
  // Set once the page's script runs and a changed filter applies by itself: scripts wait for it.
  const ready = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const apply = () => form.current?.requestSubmit();
  const { filter, sort } = view;
  return (
    <Form
      ref={form}
      action="/license-keys"
      role="search"
      aria-label="Find license keys"
      data-ready={ready}
      onSubmit={(event) => omitDefaults(event.currentTarget)}
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6"
    >
      <div className="sm:col-span-2 lg:col-span-2">
        <label htmlFor="key-search" className={labelClassName}>
          Search keys
        </label>
        <div className="flex gap-2">
          <input
            key={filter.search ?? ''}
            id="key-search"
            name="q"
            type="search"
            defaultValue={filter.search ?? ''}
            placeholder="Key, part of a key, lic_ id, customer"
            autoComplete="off"
            spellCheck={false}
            className={inputClassName(false, 'min-w-0')}
          />
          <SearchButton />
        </div>
      </div>
      <Select name="status" label="Status" value={filter.status} onChange={apply}>
        {STATUSES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="product" label="Product" value={filter.productId} onChange={apply}>
        <option value="">All products</option>
        {products.map((product) => (
          <option key={product.id} value={product.id}>
            {productLabel(product)}
          </option>
        ))}
      </Select>
      <Select name="source" label="Source" value={filter.source} onChange={apply}>
        {SOURCES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="expires" label="Expires" value={filter.expires} onChange={apply}>
        {EXPIRIES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="usage" label="Activations" value={filter.usage} onChange={apply}>
        {USAGES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Select name="sort" label="Sort" value={sort} onChange={apply}>
        {SORTS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </Form>
  );
}

const noChange = () => () => {};

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  onChange: () => void;
  children: ReactNode;
}) {
  const id = `key-filter-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {props.label}
      </label>
      {/* Keyed by value: a back or forward navigation re-renders the select with the URL's choice. */}
      <select
        key={props.value ?? ''}
        id={id}
        name={props.name}
        defaultValue={props.value ?? ''}
        onChange={props.onChange}
        className={inputClassName(false)}
      >
        {props.children}
      </select>
    </div>
  );
}

function SearchButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" pending={pending} className="mt-1 shrink-0">
      Search
    </Button>
  );
}
