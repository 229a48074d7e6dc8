import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  genericErrorMessage,
  logUnexpectedError,
  maskLicenseKey,
  newRequestId,
  redact,
} from './log';

/** A small deterministic PRNG (mulberry32), so the generated cases are the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const MASK = '••••';

describe('maskLicenseKey', () => {
  it('shows the last four characters of a long key', () => {
    expect(maskLicenseKey('PHOTO-7KQ2M-XW9PD-4HJ8N-R3TVB-CZ6YF')).toBe('••••Z6YF');
  });

  it('shows only the last two characters of a key of 8 characters or fewer', () => {
    expect(maskLicenseKey('ABCDEFGH')).toBe('••••GH');
    expect(maskLicenseKey('ABCDEF')).toBe('••••EF');
  });

  it('never contains the whole key and shows at most 4 trailing characters, at any length', () => {
    const random = prng(1);
    for (let length = 1; length <= 300; length++) {
      for (const alphabet of ['A', 'AB', 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789-', 'ключ🔑']) {
        const key = randomString(random, alphabet, length);
        const masked = maskLicenseKey(key);
        expect(masked.startsWith(MASK), key).toBe(true);
        const shown = masked.slice(MASK.length);
        expect(shown.length, key).toBeLessThanOrEqual(4);
        expect(key.endsWith(shown), key).toBe(true);
        expect(masked.includes(key), key).toBe(false);
      }
    }
  });

  it('shows nothing of a one-character key and less than all of a two-character one', () => {
    expect(maskLicenseKey('K')).toBe(MASK);
    expect(maskLicenseKey('KY')).toBe('••••Y');
  });
});

describe('redact', () => {
  const key = 'PHOTO-7KQ2M-XW9PD-4HJ8N-R3TVB-CZ6YF';

  it('replaces every occurrence of a secret with its mask', () => {
    const text = `${key} failed; retried ${key} and ${key}${key}`;
    const out = redact(text, [key]);
    expect(out).not.toContain(key);
    expect(out).toBe('••••Z6YF failed; retried ••••Z6YF and ••••Z6YF••••Z6YF');
  });

  it('removes every secret of several', () => {
    const other = 'imported-key-001';
    const out = redact(`a=${key} b=${other} c=${key}`, [key, other]);
    expect(out).not.toContain(key);
    expect(out).not.toContain(other);
    expect(out).toBe('a=••••Z6YF b=••••-001 c=••••Z6YF');
  });

  it('leaves a text without secrets unchanged, and ignores empty secrets', () => {
    expect(redact('nothing secret here', [key, ''])).toBe('nothing secret here');
    expect(redact('nothing secret here', [''])).toBe('nothing secret here');
    expect(redact('nothing secret here', [])).toBe('nothing secret here');
  });

  it('takes a secret literally, not as a pattern', () => {
    expect(redact('aXbYYYc and a.b*c', ['a.b*c'])).toBe('aXbYYYc and ••••*c');
  });

  it('removes a key whose own tail would rebuild it with the text after it', () => {
    // Splitting ABCDABCDAB on ABCDAB leaves CDAB; joining with the mask ••••AB would give ••••ABCDAB.
    const out = redact('ABCDABCDAB', ['ABCDAB']);
    expect(out).not.toContain('ABCDAB');
  });

  it('leaves no secret behind in generated texts full of near-repeats', () => {
    const random = prng(2);
    for (let i = 0; i < 3000; i++) {
      const secrets = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        randomString(random, 'AB', 1 + Math.floor(random() * 10)),
      );
      const text = randomString(random, 'AB', Math.floor(random() * 60));
      const out = redact(text, secrets);
      for (const secret of secrets) {
        expect(out.includes(secret), `${JSON.stringify(secrets)} in ${text} gave ${out}`).toBe(
          false,
        );
      }
    }
  });
});

describe('logUnexpectedError', () => {
  let consoleError: MockInstance<typeof console.error>;

  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    consoleError.mockRestore();
  });

  /** The one line written, and its parsed entry. */
  function loggedLine(): { line: string; entry: Record<string, unknown> } {
    expect(consoleError).toHaveBeenCalledTimes(1);
    const args = consoleError.mock.calls[0];
    expect(args).toHaveLength(1);
    const line = args[0];
    expect(typeof line).toBe('string');
    expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
    return { line, entry: JSON.parse(line) as Record<string, unknown> };
  }

  /** Every string in a parsed JSON value, keys included. */
  function allStrings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(allStrings);
    if (value && typeof value === 'object') {
      return Object.entries(value).flatMap(([k, v]) => [k, ...allStrings(v)]);
    }
    return [];
  }

  function expectNoTraceOf(secret: string, line: string, entry: Record<string, unknown>) {
    expect(line).not.toContain(secret);
    // The form JSON escaping gives it, e.g. \" for a quote and \\ for a backslash.
    expect(line).not.toContain(JSON.stringify(secret).slice(1, -1));
    for (const text of allStrings(entry)) expect(text).not.toContain(secret);
  }

  it('writes one JSON line with the request id, the error and the context', () => {
    const error = Object.assign(new TypeError('database is locked'), { code: 'SQLITE_BUSY' });
    logUnexpectedError('req_abc123', error, { action: 'createLicenseKey', businessId: 'bus_1' });
    const { entry } = loggedLine();
    expect(entry).toMatchObject({
      level: 'error',
      requestId: 'req_abc123',
      message: 'database is locked',
      name: 'TypeError',
      code: 'SQLITE_BUSY',
      action: 'createLicenseKey',
      businessId: 'bus_1',
    });
    expect(entry.stack).toEqual(expect.stringContaining('database is locked'));
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
  });

  it('logs a thrown value that is not an Error with its text as the message', () => {
    logUnexpectedError('req_abc123', 'plain failure');
    expect(loggedLine().entry).toMatchObject({ requestId: 'req_abc123', message: 'plain failure' });
  });

  describe.each([
    ['an ordinary key', 'PHOTO-7KQ2M-XW9PD-4HJ8N-R3TVB-CZ6YF'],
    ['a key with quotes and a backslash', 'KEY"WITH\\BACK"SLASH-1234'],
    ['a key with escaped-looking quotes, a slash and angle brackets', 'a\\"b\\\\c"d/e<f>'],
    ['a short key', 'AB"C\\D'],
  ])('with %s as a secret', (_label, secret) => {
    it('keeps it out of the message and the stack', () => {
      const error = new Error(`UNIQUE constraint failed for key ${secret}`);
      logUnexpectedError('req_abc123', error, {}, [secret]);
      const { line, entry } = loggedLine();
      expectNoTraceOf(secret, line, entry);
      expect(entry.requestId).toBe('req_abc123');
      expect(entry.message).toBe(`UNIQUE constraint failed for key ${maskLicenseKey(secret)}`);
    });

    it('keeps it out of a stack that has it but a message that does not', () => {
      const error = new Error('insert failed');
      error.stack = `Error: insert failed\n    at insert (${secret})\n    at run ${secret}`;
      logUnexpectedError('req_abc123', error, {}, [secret]);
      const { line, entry } = loggedLine();
      expectNoTraceOf(secret, line, entry);
      expect(entry.stack).toContain('at insert (');
    });

    it('keeps it out of context values, nested ones included', () => {
      logUnexpectedError(
        'req_abc123',
        new Error('insert failed'),
        { key: secret, input: { key: ` ${secret} `, tags: ['x', secret] } },
        [secret],
      );
      const { line, entry } = loggedLine();
      expectNoTraceOf(secret, line, entry);
      expect(entry.key).toBe(maskLicenseKey(secret));
    });

    it('keeps it out of a thrown string and of an error code', () => {
      logUnexpectedError('req_abc123', Object.assign(new Error('x'), { code: secret }), {}, [
        secret,
      ]);
      const first = loggedLine();
      expectNoTraceOf(secret, first.line, first.entry);
      consoleError.mockClear();
      logUnexpectedError('req_abc123', `failed on ${secret}`, {}, [secret]);
      const second = loggedLine();
      expectNoTraceOf(secret, second.line, second.entry);
    });
  });

  it('keeps every one of several secrets out, and ignores an empty one', () => {
    const typed = 'ABCDEF-123456';
    const raw = '  ABCDEF-123456  ';
    logUnexpectedError(
      'req_abc123',
      new Error(`duplicate ${typed}`),
      { raw, other: 'ZZZZZZ-999999' },
      ['', typed, raw, 'ZZZZZZ-999999'],
    );
    const { line, entry } = loggedLine();
    for (const secret of [typed, raw, 'ZZZZZZ-999999']) expectNoTraceOf(secret, line, entry);
  });
});

describe('newRequestId', () => {
  it('is req_ followed by URL-safe characters', () => {
    for (let i = 0; i < 100; i++) expect(newRequestId()).toMatch(/^req_[A-Za-z0-9_-]+$/);
  });

  it('is unique over 1,000 calls', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
  });
});

describe('genericErrorMessage', () => {
  it('gives the request id as the reference for support and says nothing was saved', () => {
    const message = genericErrorMessage('req_abc123');
    expect(message).toContain('reference req_abc123');
    expect(message).toContain('nothing was saved');
  });
});
