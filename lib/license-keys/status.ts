// The status rule of a key. No server imports here: the form's client code reads these too.

export const LICENSE_KEY_STATUSES = ['active', 'expired', 'disabled'] as const;
export type LicenseKeyStatus = (typeof LICENSE_KEY_STATUSES)[number];

export const LICENSE_KEY_SOURCES = ['auto', 'import', 'manual'] as const;
export type LicenseKeySource = (typeof LICENSE_KEY_SOURCES)[number];

/**
 * The one rule for a key's status, derived at read time and never stored:
 * disabled if disabled, else expired if it expires at or before `now`, else active.
 */
export function licenseKeyStatus(
  key: { disabled: boolean; expiresAt: Date | null },
  now: Date = new Date(),
): LicenseKeyStatus {
  if (key.disabled) return 'disabled';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
