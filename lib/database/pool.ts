// Pool settings without the Prisma clients, so that lib/env.ts (read by the proxy too) stays light.

/** PostgreSQL connection pool of one Keydesk process (see README, "Beyond one machine"). */
export type PoolSettings = {
  /** Connections this process opens at most. */
  max: number;
  /** How long a query waits for a free connection before failing, in ms. */
  connectionTimeoutMillis: number;
  /** How long an unused connection stays open, in ms. */
  idleTimeoutMillis: number;
  /** Longest a single statement may run, in ms. */
  statementTimeoutMillis: number;
};

export const DEFAULT_POOL: PoolSettings = {
  max: 10,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statementTimeoutMillis: 15_000,
};
