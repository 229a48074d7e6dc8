// The sizes of webhook endpoints' fields. No imports: client components read these without
// loading Zod (./schema.ts re-exports them with the rules).

export const WEBHOOK_URL_MAX_LENGTH = 2048;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 500;
export const WEBHOOK_METADATA_MAX_KEYS = 50;
export const WEBHOOK_METADATA_KEY_MAX_LENGTH = 40;
export const WEBHOOK_METADATA_VALUE_MAX_LENGTH = 500;
export const WEBHOOK_HEADERS_MAX = 20;
export const WEBHOOK_HEADER_VALUE_MAX_LENGTH = 1000;
