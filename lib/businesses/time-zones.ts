// The IANA time zones a business may choose, as this runtime's Intl knows them, and their UTC
// offsets for the settings page. No server imports: the form's schema runs in the browser too.

export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The zones this runtime offers: 'UTC' and `Intl.supportedValuesOf('timeZone')`, which leaves UTC
 * out and names some zones by their older alias: Node 20 and Chromium list Asia/Calcutta and
 * Europe/Kiev, where Firefox calls the first Asia/Kolkata, and engines that follow the current
 * ECMA-402 keep whichever name they are given instead of resolving it to the one they list.
 */
export function supportedTimeZones(): ReadonlySet<string> {
  return new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone')]);
}

/** The name Intl resolves `zone` to, or null when Intl does not know it. */
function resolveTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** How every IANA name is spelled: parts that start with a capital, e.g. America/Port-au-Prince. */
const IANA_NAME = /^[A-Z][\w+-]*(\/[A-Z][\w+-]*)*$/;

/**
 * Whether `value` is a zone to accept: one this runtime offers, or another runtime's name for one
 * (the server renders the list, and the form checks the choice again in whatever browser shows
 * it): a name spelled as IANA spells them that Intl knows, as a zone of its own or as an alias of a
 * listed one. Intl itself accepts names in any case ("europe/berlin"); those are refused, so that
 * what is stored is always spelled as a list spells it.
 */
export function isTimeZone(value: string): boolean {
  const zones = supportedTimeZones();
  if (zones.has(value)) return true;
  if (!IANA_NAME.test(value)) return false;
  const resolved = resolveTimeZone(value);
  if (resolved === null) return false;
  // Intl's own spelling of this very name ("EUROPE/BERLIN" is Europe/Berlin): only that one.
  if (resolved.toLowerCase() === value.toLowerCase()) return resolved === value;
  return zones.has(resolved);
}

/** "UTC+01:00", "UTC−03:30", "UTC+00:00": the zone's offset from UTC at `at`. */
export function utcOffsetLabel(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // longOffset writes "GMT+01:00", and plain "GMT" for an offset of zero.
  const offset = part && part !== 'GMT' ? part.slice(3) : '+00:00';
  return `UTC${offset.replace('-', '−')}`;
}

export type TimeZoneOption = { value: string; label: string };
export type TimeZoneGroup = { region: string; options: TimeZoneOption[] };

/**
 * The settings page's choices: UTC on its own, then every other zone under its region (the part of
 * its name before the first slash: Africa, America, …), each as "Europe/Berlin (UTC+01:00)" at
 * `at`. A `current` zone the list does not name (stored by a runtime that spelled it differently)
 * is offered too, under "Current", so that the form shows it as chosen.
 */
export function timeZoneGroups(at: Date, current?: string): TimeZoneGroup[] {
  const option = (zone: string) => ({
    value: zone,
    label: `${zone} (${utcOffsetLabel(zone, at)})`,
  });
  const zones = supportedTimeZones();
  const byRegion = new Map<string, TimeZoneOption[]>();
  for (const zone of [...zones].sort()) {
    if (zone === DEFAULT_TIME_ZONE) continue;
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    const list = byRegion.get(region) ?? [];
    list.push(option(zone));
    byRegion.set(region, list);
  }
  const groups: TimeZoneGroup[] = [{ region: 'UTC', options: [option(DEFAULT_TIME_ZONE)] }];
  if (current && !zones.has(current) && resolveTimeZone(current) !== null) {
    groups.push({ region: 'Current', options: [option(current)] });
  }
  for (const [region, options] of byRegion) groups.push({ region, options });
  return groups;
}
