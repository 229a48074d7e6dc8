const instantFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** An instant as the dashboard shows it, always in UTC and saying so: "27 Nov 2027, 14:05 UTC". */
export function formatInstant(date: Date): string {
  return `${instantFormat.format(date)} UTC`;
}

/** "0 of 5", "3 of unlimited". */
export function formatActivations(used: number, limit: number | null): string {
  return `${used.toLocaleString('en-US')} of ${limit === null ? 'unlimited' : limit.toLocaleString('en-US')}`;
}
