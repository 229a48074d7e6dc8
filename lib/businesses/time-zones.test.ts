import { afterEach, describe, expect, it, vi } from 'vitest';
import { setBusinessTimeZoneSchema } from './schema';
import { isTimeZone, supportedTimeZones, timeZoneGroups, utcOffsetLabel } from './time-zones';

const WINTER = new Date('2026-01-15T12:00:00Z');
const SUMMER = new Date('2026-07-15T12:00:00Z');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isTimeZone', () => {
  it('accepts UTC and every zone the runtime lists', () => {
    expect(supportedTimeZones().size).toBeGreaterThan(300);
    for (const zone of supportedTimeZones()) expect(isTimeZone(zone), zone).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  it("accepts another runtime's name for a listed zone", () => {
    // Node 20 lists Asia/Calcutta and Europe/Kiev; Firefox lists Asia/Kolkata and Europe/Kyiv.
    for (const zone of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Etc/UTC']) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });

  it("accepts the server's names in a browser that lists the newer ones", () => {
    vi.spyOn(Intl, 'supportedValuesOf').mockReturnValue(['Asia/Kolkata', 'Europe/Kyiv']);
    expect(isTimeZone('Asia/Calcutta')).toBe(true);
    expect(isTimeZone('Europe/Kiev')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('refuses what is not a zone, or a zone spelled in another case', () => {
    for (const value of [
      '',
      ' ',
      'utc',
      'europe/berlin',
      'EUROPE/BERLIN',
      'Europe/Berlin ',
      'Europe/Berlin\n',
      'Mars/Olympus_Mons',
      'Europe',
      '+01:00',
      'UTC+1',
    ]) {
      expect(isTimeZone(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('setBusinessTimeZoneSchema', () => {
  it('takes a listed zone as it is', () => {
    expect(setBusinessTimeZoneSchema.parse({ timeZone: 'Europe/Berlin' })).toEqual({
      timeZone: 'Europe/Berlin',
    });
  });

  it('says to choose from the list otherwise, on the field', () => {
    for (const timeZone of ['Nowhere/Special', '', undefined, 42]) {
      const result = setBusinessTimeZoneSchema.safeParse({ timeZone });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toMatchObject([
        { path: ['timeZone'], message: 'Choose a time zone from the list.' },
      ]);
    }
  });
});

describe('utcOffsetLabel', () => {
  it('writes the offset at the given instant, daylight saving time included', () => {
    expect(utcOffsetLabel('Europe/Berlin', WINTER)).toBe('UTC+01:00');
    expect(utcOffsetLabel('Europe/Berlin', SUMMER)).toBe('UTC+02:00');
    expect(utcOffsetLabel('UTC', SUMMER)).toBe('UTC+00:00');
    expect(utcOffsetLabel('Europe/London', WINTER)).toBe('UTC+00:00');
    expect(utcOffsetLabel('America/St_Johns', WINTER)).toBe('UTC−03:30');
    expect(utcOffsetLabel('Pacific/Chatham', WINTER)).toBe('UTC+13:45');
  });
});

describe('timeZoneGroups', () => {
  it('offers UTC first, then every other listed zone once, by region', () => {
    const groups = timeZoneGroups(WINTER);
    expect(groups[0]).toEqual({
      region: 'UTC',
      options: [{ value: 'UTC', label: 'UTC (UTC+00:00)' }],
    });
    const values = groups.flatMap((group) => group.options.map((option) => option.value));
    expect(new Set(values).size).toBe(values.length);
    expect(new Set(values)).toEqual(supportedTimeZones());
    const europe = groups.find((group) => group.region === 'Europe');
    expect(europe?.options).toContainEqual({
      value: 'Europe/Berlin',
      label: 'Europe/Berlin (UTC+01:00)',
    });
    const names = europe!.options.map((option) => option.value);
    expect(names).toEqual([...names].sort());
  });

  it('offers a stored zone the list spells differently, so that it shows as chosen', () => {
    const current = timeZoneGroups(WINTER, 'Asia/Kolkata').find((g) => g.region === 'Current');
    expect(current?.options).toEqual([
      { value: 'Asia/Kolkata', label: 'Asia/Kolkata (UTC+05:30)' },
    ]);
    expect(timeZoneGroups(WINTER, 'Europe/Berlin').some((g) => g.region === 'Current')).toBe(false);
  });
});
