import type { TimeZoneGroup } from '@/lib/businesses/time-zones';

/** A time-zone select's options: UTC first, then the zones by region, each with its offset now. */
export function TimeZoneOptions({ groups }: { groups: TimeZoneGroup[] }) {
  return groups.map((group) =>
    group.region === 'UTC' ? (
      group.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))
    ) : (
      <optgroup key={group.region} label={group.region}>
        {group.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </optgroup>
    ),
  );
}
