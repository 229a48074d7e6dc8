'use client';

import Link from 'next/link';
import { useState, type Ref } from 'react';
import { AsyncCombobox } from '@/components/ui/async-combobox';
import { customerSearchQuery } from '@/lib/customers/queries';
import type { CustomerOption } from '@/lib/customers/schema';

type CustomerPickerProps = {
  initialCustomer?: CustomerOption | null;
  /** The chosen customer's id ('' for none): the form field's value. */
  customerId: string;
  onChange: (customer: CustomerOption | null) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
};

/** The "Customer" combobox: searches the business's customers by name or email. */
export function CustomerPicker({
  initialCustomer = null,
  customerId,
  onChange,
  onBlur,
  inputRef,
  error,
}: CustomerPickerProps) {
  // The form keeps only the id; the picker remembers the whole option to show its name.
  const [chosen, setChosen] = useState<CustomerOption | null>(initialCustomer);
  const value = chosen && chosen.id === customerId ? chosen : null;

  return (
    <div>
      <AsyncCombobox
        label="Customer"
        value={value}
        onChange={(customer) => {
          setChosen(customer);
          onChange(customer);
        }}
        search={customerSearchQuery}
        optionKey={(customer) => customer.id}
        displayValue={(customer) => `${customer.name} <${customer.email}>`}
        renderOption={(customer) => (
          <>
            <span className="block truncate font-medium">{customer.name}</span>
            <span className="block truncate text-slate-600 group-data-focus:text-indigo-50">
              {customer.email}
            </span>
          </>
        )}
        emptyText="No customers match"
        placeholder="Search by name or email"
        inputRef={inputRef}
        onBlur={onBlur}
        error={error}
      />
      <p className="mt-1 text-sm text-slate-600">
        Not in the list?{' '}
        <Link
          href="/customers/new?returnTo=/license-keys/new"
          className="font-medium text-indigo-700 underline-offset-2 hover:underline"
        >
          Create a customer
        </Link>
      </p>
    </div>
  );
}
