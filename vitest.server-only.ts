// Stand-in for the `server-only` package under Vitest, so `lib/**/data.ts` can be imported by integration tests.
// (The real package throws when it is imported outside a React Server Components bundle.)
export {};
