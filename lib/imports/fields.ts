// The fields a bulk import of license keys reads from a CSV file, and the first guess at which
// column holds each. No server imports: the import form shows the mapping.

export const IMPORT_FIELDS = [
  'key',
  'customerEmail',
  'customerName',
  'product',
  'activationsLimit',
  'expiresAt',
  'disabled',
  'originalId',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field -> index of the file's column (0-based), or absent when not mapped. */
export type ImportMapping = Partial<Record<ImportField, number>>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  key: 'Key',
  customerEmail: 'Customer email',
  customerName: 'Customer name',
  product: 'Product',
  activationsLimit: 'Activations limit',
  expiresAt: 'Expires at',
  disabled: 'Disabled',
  originalId: 'Original ID',
};

/** Every row needs these. Product is needed too unless a default product is chosen: the caller checks. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['key', 'customerEmail'];

/**
 * Header names each field goes by, best first, as Lemon Squeezy (key, user_email, user_name,
 * activation_limit, expires_at, disabled, status), Keygen (key, expiry, maxMachines, suspended,
 * status), Gumroad (license_key, email, full_name, product_name) and people's spreadsheets name
 * them. Compared without case, spaces or punctuation: "License_Key" is "license key".
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  key: [
    'key',
    'license key',
    'licence key',
    'serial',
    'serial number',
    'code',
    'license',
    'licence',
  ],
  customerEmail: [
    'customer email',
    'email',
    'buyer email',
    'user email',
    'purchase email',
    'purchaser email',
    'email address',
  ],
  customerName: [
    'customer name',
    'name',
    'customer',
    'full name',
    'buyer name',
    'user name',
    'purchaser name',
  ],
  product: ['product', 'product name', 'product id', 'item name', 'sku'],
  activationsLimit: [
    'activations limit',
    'activation limit',
    'max activations',
    'max machines',
    'limit',
    'seats',
  ],
  expiresAt: [
    'expires at',
    'expiry',
    'expiration',
    'expiration date',
    'expiry date',
    'expires',
    'valid until',
  ],
  // A yes/no column before `status`: Lemon Squeezy and Keygen exports have both, and their status
  // says more than disabled or not.
  disabled: ['disabled', 'is disabled', 'suspended', 'status'],
  originalId: ['original id', 'id', 'external id', 'legacy id', 'license id', 'license key id'],
};

/**
 * Parts of a header that name a field when no header is exactly a synonym: "Customer email
 * address", "Expiration date (UTC)". Each is long enough not to match an unrelated column.
 */
const STEMS: Record<ImportField, readonly string[]> = {
  key: ['licensekey', 'licencekey', 'serialnumber'],
  customerEmail: ['email'],
  customerName: ['customername', 'fullname', 'buyername'],
  product: ['productname', 'product'],
  activationsLimit: ['activationlimit', 'activationslimit', 'maxactivations'],
  expiresAt: ['expires', 'expiry', 'expiration', 'validuntil'],
  disabled: ['disabled'],
  originalId: ['originalid', 'externalid', 'legacyid', 'licenseid'],
};

/** "License_Key", "license-key" and " LICENSE KEY " all read "licensekey". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The first guess at the mapping, by header name: exact synonyms first (field by field, each
 * field's synonyms in order), then headers that contain a stem. Each column goes to at most one
 * field and each field to at most one column; the leftmost column wins a tie.
 */
export function autoMapping(headers: readonly string[]): ImportMapping {
  const names = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  const claim = (field: ImportField, matches: (name: string) => boolean) => {
    if (mapping[field] !== undefined) return;
    const index = names.findIndex((name, i) => !used.has(i) && name !== '' && matches(name));
    if (index === -1) return;
    mapping[field] = index;
    used.add(index);
  };
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const wanted = normalizeHeader(synonym);
      claim(field, (name) => name === wanted);
    }
  }
  for (const field of IMPORT_FIELDS) {
    for (const stem of STEMS[field]) claim(field, (name) => name.includes(stem));
  }
  return mapping;
}
