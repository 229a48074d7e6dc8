// Without Zod, for the pages' client code (./schema.ts re-exports it).

export const API_KEY_NAME_MAX_LENGTH = 80;
