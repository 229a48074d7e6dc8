import { describe, expect, it } from 'vitest';
import { EXPIRY_FORMAT_MESSAGE, EXPIRY_RANGE_MESSAGE, readExpiry } from './expiry';

const UTC = 'UTC';
const NEW_YORK = 'America/New_York';
const KATHMANDU = 'Asia/Kathmandu';

/** The instant read, as ISO text, or the message. */
function expiry(cell: string, timeZone = UTC): string | null {
  const read = readExpiry(cell, timeZone);
  if (!read.ok) return read.message;
  return read.value === null ? null : read.value.toISOString();
}

describe('readExpiry', () => {
  it('reads empty and "never" as never', () => {
    expect(expiry('')).toBeNull();
    expect(expiry('  ')).toBeNull();
    expect(expiry('never')).toBeNull();
    expect(expiry(' Never ')).toBeNull();
  });

  it('reads instants with Z or an offset, fractions of a second included', () => {
    expect(expiry('2027-01-31T10:00:00Z', NEW_YORK)).toBe('2027-01-31T10:00:00.000Z');
    expect(expiry('2027-01-31T10:00:00+05:30', NEW_YORK)).toBe('2027-01-31T04:30:00.000Z');
    expect(expiry('2027-01-31T10:00:00-0800')).toBe('2027-01-31T18:00:00.000Z');
    expect(expiry('2027-01-31T10:00+01')).toBe('2027-01-31T09:00:00.000Z');
    expect(expiry('2027-01-31T10:00:00.5Z')).toBe('2027-01-31T10:00:00.500Z');
    expect(expiry('2027-01-31T10:00:00.123456Z')).toBe('2027-01-31T10:00:00.123Z');
    expect(expiry('2027-01-31 10:00:00z')).toBe('2027-01-31T10:00:00.000Z');
  });

  it('reads a date as the end of that day in the time zone', () => {
    expect(expiry('2027-01-31')).toBe('2027-01-31T23:59:59.999Z');
    expect(expiry('2027-01-31', NEW_YORK)).toBe('2027-02-01T04:59:59.999Z');
    expect(expiry('2027-07-31', NEW_YORK)).toBe('2027-08-01T03:59:59.999Z');
    expect(expiry('2027-01-31', KATHMANDU)).toBe('2027-01-31T18:14:59.999Z');
  });

  it('ends a date on its last instant across a change of clocks (New York, 2027)', () => {
    // Clocks go forward on March 14 (a day of 23 hours) and back on November 7 (25 hours).
    expect(expiry('2027-03-13', NEW_YORK)).toBe('2027-03-14T04:59:59.999Z');
    expect(expiry('2027-03-14', NEW_YORK)).toBe('2027-03-15T03:59:59.999Z');
    expect(expiry('2027-11-06', NEW_YORK)).toBe('2027-11-07T03:59:59.999Z');
    expect(expiry('2027-11-07', NEW_YORK)).toBe('2027-11-08T04:59:59.999Z');
  });

  it('reads a date and time without offset as that wall time in the time zone', () => {
    expect(expiry('2027-01-31T10:00', NEW_YORK)).toBe('2027-01-31T15:00:00.000Z');
    expect(expiry('2027-01-31 10:00:00', KATHMANDU)).toBe('2027-01-31T04:15:00.000Z');
    expect(expiry('2027-07-01T00:00:00.250', NEW_YORK)).toBe('2027-07-01T04:00:00.250Z');
    // 02:30 on March 14 never happens: it is moved forward by the hour skipped.
    expect(expiry('2027-03-14T02:30', NEW_YORK)).toBe('2027-03-14T07:30:00.000Z');
    // 01:30 on November 7 happens twice: the first.
    expect(expiry('2027-11-07T01:30', NEW_YORK)).toBe('2027-11-07T05:30:00.000Z');
  });

  it('reads the same text the same way each time (the zone instants are remembered)', () => {
    expect(expiry('2027-03-14', NEW_YORK)).toBe(expiry('2027-03-14', NEW_YORK));
    expect(expiry('2027-03-14', KATHMANDU)).toBe('2027-03-14T18:14:59.999Z');
  });

  it('refuses what is not a date or instant, and dates that do not exist', () => {
    for (const cell of [
      '31/01/2027',
      '01/31/2027',
      'Jan 31 2027',
      '2027-1-31',
      '2027-01-31T',
      '2027-01-31Z',
      '2027-01-31T10',
      '2027-02-30',
      '2026-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-04-31',
      '2027-01-31T24:00',
      '2027-01-31T10:60',
      '2027-01-31T10:00:61Z',
      '2027-01-31T10:00:00+25:00',
      'tomorrow',
    ]) {
      expect(expiry(cell), cell).toBe(EXPIRY_FORMAT_MESSAGE);
    }
    expect(expiry('2028-02-29')).toBe('2028-02-29T23:59:59.999Z');
  });

  it('keeps to the instants Keydesk stores, 1970 to 9999', () => {
    expect(expiry('1969-12-31')).toBe(EXPIRY_RANGE_MESSAGE);
    expect(expiry('1969-12-31', KATHMANDU)).toBe(EXPIRY_RANGE_MESSAGE);
    // New Year's Eve 1969 ends in 1970 in New York; Kathmandu was then 5:30 ahead.
    expect(expiry('1969-12-31', NEW_YORK)).toBe('1970-01-01T04:59:59.999Z');
    expect(expiry('1970-01-01', KATHMANDU)).toBe('1970-01-01T18:29:59.999Z');
    expect(expiry('1970-01-01')).toBe('1970-01-01T23:59:59.999Z');
    expect(expiry('1969-12-31T23:00:00-05:00')).toBe('1970-01-01T04:00:00.000Z');
    expect(expiry('0099-06-01')).toBe(EXPIRY_RANGE_MESSAGE);
    expect(expiry('0001-01-01T00:00:00Z')).toBe(EXPIRY_RANGE_MESSAGE);
    expect(expiry('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(expiry('9999-12-31T23:00:00-05:00')).toBe(EXPIRY_RANGE_MESSAGE);
    // The last day ends at the last storable instant, west of Greenwich too.
    expect(expiry('9999-12-31', NEW_YORK)).toBe('9999-12-31T23:59:59.999Z');
    expect(expiry('9999-12-31', KATHMANDU)).toBe('9999-12-31T18:14:59.999Z');
  });
});
