import { formatInstant } from '@/lib/format';

/** An instant as lists show it (UTC), with its machine-readable time. */
export function Instant({ date, className }: { date: Date; className?: string }) {
  return (
    <time dateTime={date.toISOString()} className={className}>
      {formatInstant(date)}
    </time>
  );
}
