// What the overview shows, as plain data: the page, its client charts and the tests read these.
// No server imports.

export const OVERVIEW_RANGES = ['30d', '90d', '12m'] as const;
/** The charts' span: the last 30 or 90 days by day, or the last 12 months by month. */
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

/** Days a key counts as "expiring soon" (the key list's `expires=next-30-days`). */
export const EXPIRING_SOON_DAYS = 30;

/**
 * The business's keys now. Every figure but `disabled` and `expired` is about active keys (neither
 * disabled nor expired), as the key list's `status=active` selects them.
 */
export type OverviewFigures = {
  active: number;
  expired: number;
  disabled: number;
  /** Active keys with a limit and no free seat (the key list's `usage=at-limit`). */
  atLimit: number;
  /** Active keys expiring within EXPIRING_SOON_DAYS from now. */
  expiringSoon: number;
  /** Instances of active keys that have a limit, and the sum of those limits. */
  activationsUsed: number;
  activationsLimit: number;
  /** Active keys without a limit (`usage=unlimited`), and their instances. */
  unlimitedKeys: number;
  unlimitedActivations: number;
};

/** One day (`YYYY-MM-DD`) or month (`YYYY-MM`) of the business's time zone. */
export type OverviewPeriod = {
  period: string;
  /** New keys by source. */
  auto: number;
  import: number;
  manual: number;
  activations: number;
  deactivations: number;
};

export type OverviewProduct = {
  id: string;
  name: string;
  activeKeys: number;
  activationsUsed: number;
  activationsLimit: number;
  unlimitedKeys: number;
};

export type Overview = {
  /** The IANA zone the periods follow. */
  timeZone: string;
  range: OverviewRange;
  figures: OverviewFigures;
  /** Every period of the range, oldest first, the current one last (empty periods included). */
  series: OverviewPeriod[];
  /** Up to five products with the most active keys. */
  topProducts: OverviewProduct[];
  /** For the empty state: what the business has yet to make. */
  totals: { keys: number; products: number; apiKeys: number };
};
