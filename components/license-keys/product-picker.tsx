'use client';

import { useState, type Ref } from 'react';
import { AsyncCombobox } from '@/components/ui/async-combobox';
import { productSearchQuery } from '@/lib/products/queries';
import { describeDuration, type ProductOption } from '@/lib/products/terms';

type ProductPickerProps = {
  /** A product chosen before the form opened ("Issue another key" on a key's page). */
  initialProduct?: ProductOption | null;
  /** The chosen product's id ('' for none): the form field's value. */
  productId: string;
  onChange: (product: ProductOption | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/** The "Product" combobox: searches the business's products by name. */
export function ProductPicker({
  initialProduct = null,
  productId,
  onChange,
  onBlur,
  inputRef,
  error,
}: ProductPickerProps) {
  // The form keeps only the id; the picker remembers the whole option to show its name.
  const [chosen, setChosen] = useState<ProductOption | null>(initialProduct);
  const value = chosen && chosen.id === productId ? chosen : null;

  return (
    <AsyncCombobox
      label="Product"
      value={value}
      onChange={(product) => {
        setChosen(product);
        onChange(product);
      }}
      search={productSearchQuery}
      optionKey={(product) => product.id}
      displayValue={(product) => product.name}
      renderOption={(product) => (
        <>
          <span className="block truncate font-medium">{product.name}</span>
          <span className="block truncate text-slate-600 group-data-focus:text-indigo-50">
            {describeTerms(product)}
          </span>
        </>
      )}
      emptyText="No products match"
      placeholder="Search by name"
      inputRef={inputRef}
      onBlur={onBlur}
      error={error}
    />
  );
}

/** "3 activations, keys last 1 year": a product's default terms for new keys. */
export function describeTerms(product: ProductOption): string {
  const limit = product.defaultActivationsLimit;
  const activations =
    limit === null ? 'unlimited activations' : `${limit} activation${limit === 1 ? '' : 's'}`;
  const duration = product.defaultKeyDuration
    ? `keys last ${describeDuration(product.defaultKeyDuration)}`
    : 'keys never expire';
  return `${activations}, ${duration}`;
}
