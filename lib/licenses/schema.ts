// What the public license endpoints answer, shared by the data layer and the API's schemas.
// No server imports here.

/** Why a key is or is not valid: the `code` of POST /licenses/validate. */
export const LICENSE_VALIDATION_CODES = [
  'VALID',
  'LICENSE_KEY_NOT_FOUND',
  'LICENSE_KEY_DISABLED',
  'LICENSE_KEY_EXPIRED',
  'LICENSE_KEY_INSTANCE_NOT_FOUND',
] as const;

export type LicenseValidationCode = (typeof LICENSE_VALIDATION_CODES)[number];
