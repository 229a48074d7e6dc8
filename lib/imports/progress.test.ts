import { describe, expect, it } from 'vitest';
import {
  addSample,
  formatDuration,
  formatFileSize,
  milestone,
  percentDone,
  progressText,
  rowsPerSecond,
} from './progress';

describe('import progress', () => {
  it('measures rows a second over the last ten seconds of samples', () => {
    let samples = addSample([], { at: 0, rowsDone: 0 });
    expect(rowsPerSecond(samples)).toBeNull();
    samples = addSample(samples, { at: 1_000, rowsDone: 500 });
    expect(rowsPerSecond(samples)).toBe(500);
    samples = addSample(samples, { at: 2_000, rowsDone: 2_500 });
    expect(rowsPerSecond(samples)).toBe(1_250);
    // The first sample falls out of the window.
    samples = addSample(samples, { at: 10_500, rowsDone: 7_500 });
    expect(samples.map((s) => s.at)).toEqual([1_000, 2_000, 10_500]);
    expect(rowsPerSecond(samples)).toBeCloseTo(7_000 / 9.5);
  });

  it('starts again when the count goes back, and replaces a sample of the same instant', () => {
    const samples = [
      { at: 0, rowsDone: 0 },
      { at: 1_000, rowsDone: 900 },
    ];
    expect(addSample(samples, { at: 2_000, rowsDone: 100 })).toEqual([
      { at: 2_000, rowsDone: 100 },
    ]);
    expect(addSample(samples, { at: 1_000, rowsDone: 950 })).toEqual([
      { at: 0, rowsDone: 0 },
      { at: 1_000, rowsDone: 950 },
    ]);
  });

  it('has no rate without progress, or over less than half a second', () => {
    expect(
      rowsPerSecond([
        { at: 0, rowsDone: 10 },
        { at: 400, rowsDone: 500 },
      ]),
    ).toBeNull();
    expect(
      rowsPerSecond([
        { at: 0, rowsDone: 10 },
        { at: 5_000, rowsDone: 10 },
      ]),
    ).toBeNull();
  });

  it('tells the rows, the rate and the time left', () => {
    expect(progressText({ rowsDone: 4_500, totalRows: 10_000 }, null)).toBe('4,500 of 10,000 rows');
    expect(progressText({ rowsDone: 4_500, totalRows: 10_000 }, 2_300.4)).toBe(
      '4,500 of 10,000 rows · 2,300 rows a second · about 3 s left',
    );
    expect(progressText({ rowsDone: 10_000, totalRows: 10_000 }, 2_300)).toBe(
      '10,000 of 10,000 rows · 2,300 rows a second',
    );
    expect(progressText({ rowsDone: 0, totalRows: 1 }, 0.2)).toBe(
      '0 of 1 row · 1 row a second · about 5 s left',
    );
  });

  it('rounds the time left up, in seconds, minutes or hours', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59.1)).toBe('1 min');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(150)).toBe('3 min');
    expect(formatDuration(3_600)).toBe('1 h');
    expect(formatDuration(3_900)).toBe('1 h 5 min');
  });

  it('reaches 100 % only at the last row, and a quarter at a time for announcements', () => {
    expect(percentDone({ rowsDone: 9_999, totalRows: 10_000 })).toBe(99);
    expect(percentDone({ rowsDone: 10_000, totalRows: 10_000 })).toBe(100);
    expect(percentDone({ rowsDone: 0, totalRows: 0 })).toBe(100);
    expect(milestone({ rowsDone: 2_499, totalRows: 10_000 })).toBe(0);
    expect(milestone({ rowsDone: 5_000, totalRows: 10_000 })).toBe(2);
    expect(milestone({ rowsDone: 10_000, totalRows: 10_000 })).toBe(3);
  });

  it('tells a file size in bytes, KB or MB', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(820)).toBe('820 bytes');
    expect(formatFileSize(14_541)).toBe('14.2 KB');
    expect(formatFileSize(50 * 1024 * 1024)).toBe('50.0 MB');
  });
});
