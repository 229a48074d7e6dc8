// Without Zod, for the pages' client code (./schema.ts re-exports it).

/** Password length rules, shared by better-auth's configuration, sign-up by invite, the seed and the CLI. */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;
