import { limitBelowActivationsMessage } from '@/lib/license-keys/schema';
import type { ImportRow } from './rows';

// What importing one valid row would do, given the key as Keydesk already holds it (if it does).
// Pure: the dry run and the import decide with the same function, the import inside the batch's
// transaction with the key's row locked.

/** A key already in Keydesk, found by its string (in any business). */
export type ExistingKey = {
  id: string;
  businessId: string;
  customerEmailLower: string;
  customerEmail: string;
  productId: string;
  productName: string;
  activationsLimit: number | null;
  expiresAt: Date | null;
  disabled: boolean;
  instancesCount: number;
};

/** The terms an import may change on a key that is already there ("Update existing keys"). */
export type KeyTerms = Pick<ImportRow, 'activationsLimit' | 'expiresAt' | 'disabled'>;

export type RowOutcome =
  | { kind: 'create' }
  | { kind: 'present' }
  | { kind: 'update'; existing: ExistingKey; changes: Partial<KeyTerms> }
  | { kind: 'conflict'; column: 'key' | 'customerEmail' | 'product'; message: string }
  | { kind: 'error'; column: 'activationsLimit'; message: string };

const describeLimit = (limit: number | null) => (limit === null ? 'unlimited' : String(limit));
const describeExpiry = (at: Date | null) => (at ? at.toISOString() : 'never');

/** The terms of `row` that differ from the key's, as a patch. */
export function termChanges(existing: ExistingKey, row: KeyTerms): Partial<KeyTerms> {
  const changes: Partial<KeyTerms> = {};
  if (row.activationsLimit !== existing.activationsLimit) {
    changes.activationsLimit = row.activationsLimit;
  }
  if ((row.expiresAt?.getTime() ?? null) !== (existing.expiresAt?.getTime() ?? null)) {
    changes.expiresAt = row.expiresAt;
  }
  if (row.disabled !== existing.disabled) changes.disabled = row.disabled;
  return changes;
}

export function rowOutcome(
  row: ImportRow,
  existing: ExistingKey | undefined,
  businessId: string,
  updateExisting: boolean,
): RowOutcome {
  if (!existing) return { kind: 'create' };
  if (existing.businessId !== businessId) {
    // Says nothing of whose it is: keys are unique across the installation.
    return {
      kind: 'conflict',
      column: 'key',
      message: 'This key is already in use in Keydesk, outside this business. It was not imported.',
    };
  }
  if (existing.customerEmailLower !== row.customerEmailLower) {
    return {
      kind: 'conflict',
      column: 'customerEmail',
      message: `This key is already in Keydesk for another customer (${existing.customerEmail}). It was left as it is.`,
    };
  }
  if (existing.productId !== row.productId) {
    return {
      kind: 'conflict',
      column: 'product',
      message: `This key is already in Keydesk for another product (${existing.productName}). It was left as it is.`,
    };
  }
  const changes = termChanges(existing, row);
  if (Object.keys(changes).length === 0) return { kind: 'present' };
  if (!updateExisting) {
    const differences = [
      'activationsLimit' in changes &&
        `activations limit ${describeLimit(existing.activationsLimit)} (file: ${describeLimit(row.activationsLimit)})`,
      'expiresAt' in changes &&
        `expiry ${describeExpiry(existing.expiresAt)} (file: ${describeExpiry(row.expiresAt)})`,
      'disabled' in changes &&
        `${existing.disabled ? 'disabled' : 'enabled'} (file: ${row.disabled ? 'disabled' : 'enabled'})`,
    ].filter(Boolean);
    return {
      kind: 'conflict',
      column: 'key',
      message: `This key is already in Keydesk with other terms: ${differences.join(', ')}. Choose “Update existing keys” to apply the file’s terms.`,
    };
  }
  const limit = changes.activationsLimit;
  if (typeof limit === 'number' && limit < existing.instancesCount) {
    return {
      kind: 'error',
      column: 'activationsLimit',
      message: limitBelowActivationsMessage(existing.instancesCount),
    };
  }
  return { kind: 'update', existing, changes };
}
