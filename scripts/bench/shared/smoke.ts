/**
 * A smoke run, KEYDESK_BENCH_SMOKE=1 (the last step of `npm test`): every benchmark at a tiny size
 * and with its shortest timing, to show that it still starts, loads its data, calls the app's code
 * and prints its table. Its figures mean nothing. Full runs take ~35 minutes on both engines and are
 * not part of `npm test`; without this, the customer-search benchmark once stopped starting (from
 * 66dda51 to af56121) and nobody saw it until someone ran it.
 */
export const SMOKE = process.env.KEYDESK_BENCH_SMOKE === '1';

/**
 * A benchmark's size or count: the named environment variable when it is set, else `smoke` in a
 * smoke run, else `full`.
 */
export function benchNumber(variable: string | null, full: number, smoke: number): number {
  const set = variable === null ? undefined : process.env[variable];
  if (set !== undefined && set !== '') {
    const value = Number(set);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`${variable} must be a positive number`);
    return value;
  }
  return SMOKE ? smoke : full;
}
