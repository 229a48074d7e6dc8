import 'server-only';
import type { Actor } from '@/lib/auth/authorize';
import { listLicenseKeys, toListRow } from '@/lib/license-keys/data-read';
import type { LicenseKeyListRow } from '@/lib/license-keys/list';
import { getCustomer, type Customer } from './data';
import { countCustomerKeys } from './data-list';
import type { BoundedCount } from './list';

/** How many of a customer's keys their page shows, newest first. */
export const CUSTOMER_PAGE_KEYS = 50;

export type CustomerPage = {
  customer: Customer;
  /** The newest keys, masked, as every key list shows them. */
  keys: LicenseKeyListRow[];
  /** All of the customer's keys, counted up to 10,000. */
  keyCount: BoundedCount;
};

/**
 * What the customer page shows, in three reads at once, or null when the actor's business has no
 * such customer (another business's included). The one call of this feature to the key list.
 */
export async function getCustomerPage(actor: Actor, id: string): Promise<CustomerPage | null> {
  const [customer, keys, keyCount] = await Promise.all([
    getCustomer(actor, id),
    listLicenseKeys(actor, { customerId: id }, { pageNumber: 0, pageSize: CUSTOMER_PAGE_KEYS }),
    countCustomerKeys(actor, id),
  ]);
  return customer ? { customer, keys: keys.map(toListRow), keyCount } : null;
}
