// A license key's limits, without Zod: the pages' client code imports them from here, so Zod is
// not in their first load. ./schema.ts re-exports them.

export const ACTIVATIONS_LIMIT_MAX = 2_147_483_647; // int32, as in Dodo's API
export const LICENSE_KEY_MIN_LENGTH = 6;
export const LICENSE_KEY_MAX_LENGTH = 255;
