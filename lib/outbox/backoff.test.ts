import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './backoff';

describe('nextAttemptAt', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const after = (attempts: number) => {
    const next = nextAttemptAt(attempts, now);
    return next ? (next.getTime() - now.getTime()) / 60_000 : null;
  };

  it('waits 1, 5, 30, 120 then 360 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(after)).toEqual([1, 5, 30, 120, 360]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect(after(6)).toBeNull();
    expect(after(7)).toBeNull();
  });

  it('has nothing to say before a first attempt', () => {
    expect(after(0)).toBeNull();
  });
});
