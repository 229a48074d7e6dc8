import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ACTIVATIONS_LIMIT_MAX,
  createLicenseKeySchema,
  editLicenseKeySchema,
  LICENSE_KEY_MAX_LENGTH,
  LICENSE_KEY_MIN_LENGTH,
  limitBelowActivationsMessage,
  updateLicenseKeyFailures,
} from './schema';

// Every test runs at this instant, so "past", "future" and "now" are fixed.
const NOW = new Date('2026-06-15T12:00:00.000Z');
const FUTURE = '2027-01-01T00:00:00Z';
const PAST = '2026-01-01T00:00:00Z';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

type Mode = 'generate' | 'import';

/** A valid input for the mode; `overrides` replace fields, and a field set to `undefined` is removed. */
function input(mode: Mode, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    mode,
    customerId: 'cus_1',
    productId: 'pdt_1',
    activationsLimit: 5,
    expiresAt: null,
    ...(mode === 'import' ? { key: 'ABCDEF-123456' } : {}),
    ...overrides,
  };
  for (const [field, value] of Object.entries(base)) if (value === undefined) delete base[field];
  return base;
}

function accepted(value: unknown) {
  const result = createLicenseKeySchema.safeParse(value);
  if (!result.success) {
    throw new Error(
      `expected the input to be accepted, got ${JSON.stringify(z.flattenError(result.error))}`,
    );
  }
  return result.data;
}

/** The field errors of a refused input; fails the test if the input is accepted. */
function refused(value: unknown): Record<string, string[] | undefined> {
  const result = createLicenseKeySchema.safeParse(value);
  if (result.success) throw new Error(`expected the input to be refused: ${JSON.stringify(value)}`);
  return z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
}

/** Refused with errors on exactly one field; returns that field's messages. */
function refusedOn(field: string, value: unknown): string[] {
  const errors = refused(value);
  expect(Object.keys(errors)).toEqual([field]);
  return errors[field] ?? [];
}

const MODES: Mode[] = ['generate', 'import'];

describe('createLicenseKeySchema: both modes', () => {
  it('accepts a complete generate input and returns its terms', () => {
    expect(accepted(input('generate'))).toEqual({
      mode: 'generate',
      customerId: 'cus_1',
      productId: 'pdt_1',
      activationsLimit: 5,
      expiresAt: null,
    });
  });

  it('accepts a complete import input and returns its terms with the key', () => {
    expect(accepted(input('import'))).toEqual({
      mode: 'import',
      key: 'ABCDEF-123456',
      customerId: 'cus_1',
      productId: 'pdt_1',
      activationsLimit: 5,
      expiresAt: null,
    });
  });

  it('strips fields it does not know, such as a businessId sent by the client', () => {
    for (const mode of MODES) {
      const data = accepted(input(mode, { businessId: 'bus_other', disabled: true }));
      expect(data).not.toHaveProperty('businessId');
      expect(data).not.toHaveProperty('disabled');
    }
  });

  describe.each(MODES)('%s mode', (mode) => {
    describe('customerId and productId', () => {
      it.each([
        ['customerId', 'Choose a customer.'],
        ['productId', 'Choose a product.'],
      ])('refuses a missing %s on its own path', (field, message) => {
        expect(refusedOn(field, input(mode, { [field]: undefined }))).toEqual([message]);
      });

      it.each([
        ['customerId', 'Choose a customer.'],
        ['productId', 'Choose a product.'],
      ])('refuses an empty %s on its own path', (field, message) => {
        expect(refusedOn(field, input(mode, { [field]: '' }))).toEqual([message]);
      });

      it('reports both when both are missing', () => {
        const errors = refused(input(mode, { customerId: undefined, productId: '' }));
        expect(Object.keys(errors).sort()).toEqual(['customerId', 'productId']);
      });
    });

    describe('activationsLimit', () => {
      it.each([0, 1, 5, ACTIVATIONS_LIMIT_MAX, null])('accepts %s', (limit) => {
        expect(accepted(input(mode, { activationsLimit: limit })).activationsLimit).toBe(limit);
      });

      it('treats null as unlimited, and its maximum is int32', () => {
        expect(ACTIVATIONS_LIMIT_MAX).toBe(2 ** 31 - 1);
        expect(accepted(input(mode, { activationsLimit: 2_147_483_647 })).activationsLimit).toBe(
          2_147_483_647,
        );
      });

      it('refuses 2147483648, one above int32, with a message naming the maximum', () => {
        const messages = refusedOn(
          'activationsLimit',
          input(mode, { activationsLimit: 2_147_483_648 }),
        );
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain('2,147,483,647');
      });

      it('refuses -1 with a message about negative numbers', () => {
        expect(refusedOn('activationsLimit', input(mode, { activationsLimit: -1 }))).toEqual([
          'The activations limit cannot be negative.',
        ]);
      });

      it('refuses 1.5 with a message asking for a whole number', () => {
        expect(refusedOn('activationsLimit', input(mode, { activationsLimit: 1.5 }))).toEqual([
          'Enter a whole number of activations.',
        ]);
      });

      it.each([
        ['the string "5"', '5'],
        ['NaN', Number.NaN],
        ['Infinity', Number.POSITIVE_INFINITY],
        ['a missing value (unlimited must be an explicit null)', undefined],
      ])('refuses %s', (_label, limit) => {
        expect(refusedOn('activationsLimit', input(mode, { activationsLimit: limit }))).toEqual([
          'Enter a whole number of activations, or choose Unlimited activations.',
        ]);
      });
    });

    describe('expiresAt format', () => {
      it('accepts null (never expires)', () => {
        expect(accepted(input(mode, { expiresAt: null })).expiresAt).toBeNull();
      });

      it.each([
        ['with Z', '2027-01-01T00:00:00Z'],
        ['with a +01:00 offset', '2027-01-01T00:00:00+01:00'],
        ['with a negative offset', '2027-01-01T00:00:00-05:30'],
        ['with milliseconds', '2027-01-01T00:00:00.123Z'],
      ])('accepts a future instant %s, unchanged', (_label, instant) => {
        expect(accepted(input(mode, { expiresAt: instant })).expiresAt).toBe(instant);
      });

      it.each([
        ['a month 13', '2026-13-01T00:00:00Z'],
        ['a day that does not exist', '2027-02-30T00:00:00Z'],
        ['a word', 'tomorrow'],
        ['an empty string', ''],
        ['a date without a time', '2027-01-01'],
        ['a local time without an offset', '2027-01-01T10:00'],
        ['a local time with seconds but no offset', '2027-01-01T10:00:00'],
        ['a Date object instead of a string', new Date('2027-01-01T00:00:00Z')],
        ['a timestamp number', Date.parse('2027-01-01T00:00:00Z')],
        ['a missing value (never must be an explicit null)', undefined],
      ])('refuses %s', (_label, value) => {
        expect(refusedOn('expiresAt', input(mode, { expiresAt: value }))).toEqual([
          'Enter a date and time, or choose Never expires.',
        ]);
      });
    });
  });

  describe('mode', () => {
    it.each([
      ['an unknown mode', 'regenerate'],
      ['a missing mode', undefined],
      ['a mode in another case', 'Generate'],
    ])('refuses %s on the mode path', (_label, mode) => {
      expect(refusedOn('mode', { ...input('generate'), mode })).toEqual([
        'Choose whether to generate a new key or import an existing one.',
      ]);
    });

    it('refuses an input that is not an object with a form-level message', () => {
      const result = createLicenseKeySchema.safeParse(null);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(z.flattenError(result.error).formErrors).toEqual([
        'Choose whether to generate a new key or import an existing one.',
      ]);
    });
  });
});

describe('createLicenseKeySchema: expiry in the past or now', () => {
  const pastMessage = 'A new key must expire in the future. Choose a later time, or Never expires.';

  it('refuses a past instant in generate mode, on the expiresAt path', () => {
    expect(refusedOn('expiresAt', input('generate', { expiresAt: PAST }))).toEqual([pastMessage]);
  });

  it('accepts the same past instant in import mode (the key shows as expired)', () => {
    expect(accepted(input('import', { expiresAt: PAST })).expiresAt).toBe(PAST);
  });

  it('refuses the exact current instant in generate mode (expired at now)', () => {
    expect(refusedOn('expiresAt', input('generate', { expiresAt: NOW.toISOString() }))).toEqual([
      pastMessage,
    ]);
  });

  it('refuses the current instant written with an offset in generate mode', () => {
    // 13:00 at +01:00 is 12:00Z, which is now.
    expect(
      refusedOn('expiresAt', input('generate', { expiresAt: '2026-06-15T13:00:00+01:00' })),
    ).toEqual([pastMessage]);
  });

  it('accepts one millisecond after now in generate mode', () => {
    const justAfter = new Date(NOW.getTime() + 1).toISOString();
    expect(accepted(input('generate', { expiresAt: justAfter })).expiresAt).toBe(justAfter);
  });

  it('compares instants, not wall-clock text: the offset decides past or future', () => {
    // 12:30 at +01:00 is 11:30Z: past, although 12:30 is later than now's 12:00.
    expect(
      refusedOn('expiresAt', input('generate', { expiresAt: '2026-06-15T12:30:00+01:00' })),
    ).toEqual([pastMessage]);
    // 11:30 at -01:00 is 12:30Z: future, although 11:30 is earlier than now's 12:00.
    expect(accepted(input('generate', { expiresAt: '2026-06-15T11:30:00-01:00' })).expiresAt).toBe(
      '2026-06-15T11:30:00-01:00',
    );
  });

  it('accepts the current instant in import mode', () => {
    expect(accepted(input('import', { expiresAt: NOW.toISOString() })).expiresAt).toBe(
      NOW.toISOString(),
    );
  });

  it('follows the clock: an instant that was future becomes refused once it has passed', () => {
    const value = input('generate', { expiresAt: FUTURE });
    expect(createLicenseKeySchema.safeParse(value).success).toBe(true);
    vi.setSystemTime(new Date(FUTURE));
    expect(refusedOn('expiresAt', value)).toEqual([pastMessage]);
  });
});

describe('createLicenseKeySchema: key in import mode', () => {
  const keyOf = (key: unknown) => accepted(input('import', { key })) as { key: string };

  it('has the documented bounds', () => {
    expect(LICENSE_KEY_MIN_LENGTH).toBe(6);
    expect(LICENSE_KEY_MAX_LENGTH).toBe(255);
  });

  it('refuses 5 characters with a message that mentions 6', () => {
    const messages = refusedOn('key', input('import', { key: 'ABCDE' }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('6');
  });

  it('accepts 6 characters', () => {
    expect(keyOf('ABCDEF').key).toBe('ABCDEF');
  });

  it('accepts 255 characters', () => {
    const key = 'K'.repeat(255);
    expect(keyOf(key).key).toBe(key);
  });

  it('refuses 256 characters with a message that mentions 255', () => {
    const messages = refusedOn('key', input('import', { key: 'K'.repeat(256) }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('255');
  });

  it('trims whitespace around the key', () => {
    expect(keyOf(' abcdef ').key).toBe('abcdef');
    expect(keyOf('\u00a0 ABCDEF-123456   ').key).toBe('ABCDEF-123456');
  });

  it('measures the length after trimming: 5 characters inside spaces are refused', () => {
    const messages = refusedOn('key', input('import', { key: '  abcde  ' }));
    expect(messages[0]).toContain('6');
  });

  it('measures the length after trimming: 255 characters inside spaces are accepted', () => {
    const key = 'K'.repeat(255);
    expect(keyOf(`  ${key}  `).key).toBe(key);
  });

  it('refuses a key of only spaces as too short', () => {
    expect(refusedOn('key', input('import', { key: '          ' }))[0]).toContain('6');
  });

  describe('control characters', () => {
    const controls: [string, string][] = [
      ['tab', '\t'],
      ['newline', '\n'],
      ['carriage return', '\r'],
      ['NUL', '\u0000'],
      ['unit separator (U+001F)', '\u001f'],
      ['DEL', '\u007f'],
      ['NEL (U+0085)', '\u0085'],
      ['U+009F', '\u009f'],
      ['line separator (U+2028)', '\u2028'],
      ['paragraph separator (U+2029)', '\u2029'],
    ];
    const message = 'A license key cannot contain control characters such as tabs or line breaks.';

    it.each(controls)('refuses a %s inside the key', (_label, control) => {
      expect(refusedOn('key', input('import', { key: `ABC${control}DEF` }))).toEqual([message]);
      expect(refusedOn('key', input('import', { key: `A${control}BCDEF` }))).toEqual([message]);
      expect(refusedOn('key', input('import', { key: `ABCDE${control}F` }))).toEqual([message]);
    });

    it.each([
      ['NUL', '\u0000'],
      ['DEL', '\u007f'],
      ['NEL (U+0085)', '\u0085'],
    ])('refuses a %s at either end (trimming does not remove it)', (_label, control) => {
      expect(refusedOn('key', input('import', { key: `${control}ABCDEF` }))).toEqual([message]);
      expect(refusedOn('key', input('import', { key: `ABCDEF${control}` }))).toEqual([message]);
    });

    it.each([
      ['tab', '\t'],
      ['newline', '\n'],
      ['line separator (U+2028)', '\u2028'],
    ])(
      'trims a %s at either end like a space, as a pasted key often has one',
      (_label, control) => {
        expect(keyOf(`${control}ABCDEF${control}`).key).toBe('ABCDEF');
      },
    );

    it('allows the characters just outside the control ranges inside a key', () => {
      expect(keyOf('ABC DEF').key).toBe('ABC DEF'); // U+0020 after U+001F
      expect(keyOf('ABC\u00a0DEF').key).toBe('ABC\u00a0DEF'); // U+00A0 after U+009F
      expect(keyOf('ABC~DEF').key).toBe('ABC~DEF'); // U+007E before U+007F
    });
  });

  it('allows ordinary Unicode', () => {
    expect(keyOf('ключ-1234').key).toBe('ключ-1234');
    expect(keyOf('licence-🔑🎹').key).toBe('licence-🔑🎹');
    expect(keyOf('鍵鍵鍵-鍵鍵鍵').key).toBe('鍵鍵鍵-鍵鍵鍵');
  });

  it('counts length in code points, not UTF-16 units: an emoji is one character', () => {
    // '🔑🔑🔑' is 6 UTF-16 units but 3 characters: too short.
    expect(refusedOn('key', input('import', { key: '🔑🔑🔑' }))[0]).toContain('6');
    expect(keyOf('🔑'.repeat(6)).key).toBe('🔑'.repeat(6));
    // 255 emoji are 510 UTF-16 units but 255 characters: accepted; 256 are refused.
    expect(keyOf('🔑'.repeat(255)).key).toBe('🔑'.repeat(255));
    expect(refusedOn('key', input('import', { key: '🔑'.repeat(256) }))[0]).toContain('255');
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a number', 12345678],
  ])('refuses a %s key on the key path', (_label, key) => {
    expect(refusedOn('key', input('import', { key }))).toEqual(['Enter the license key.']);
  });
});

describe('createLicenseKeySchema: key in generate mode', () => {
  it('strips a key field instead of using or validating it', () => {
    for (const key of ['ABCDEF-123456', 'x', 'bad\tkey', 42]) {
      const data = accepted(input('generate', { key }));
      expect(data).not.toHaveProperty('key');
    }
  });
});

describe('stored instant range (the same on SQLite and PostgreSQL)', () => {
  const importBody = (expiresAt: string) => ({
    mode: 'import',
    key: 'ABCDEF-123',
    customerId: 'cus_1',
    productId: 'pdt_1',
    activationsLimit: 1,
    expiresAt,
  });
  it.each(['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z'])('refuses %s', (expiresAt) => {
    const result = createLicenseKeySchema.safeParse(importBody(expiresAt));
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.expiresAt).toEqual([
      'Choose a date between 1970 and 9999.',
    ]);
  });
  it.each(['1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])('accepts %s', (expiresAt) => {
    expect(createLicenseKeySchema.safeParse(importBody(expiresAt)).success).toBe(true);
  });
});

describe("editLicenseKeySchema (the key page's Edit key)", () => {
  const edit = (values: Record<string, unknown>) => editLicenseKeySchema.safeParse(values);

  it('takes a limit and an expiry, null for unlimited and never', () => {
    expect(edit({ activationsLimit: 7, expiresAt: FUTURE }).data).toEqual({
      activationsLimit: 7,
      expiresAt: FUTURE,
    });
    expect(edit({ activationsLimit: null, expiresAt: null }).data).toEqual({
      activationsLimit: null,
      expiresAt: null,
    });
  });

  it('allows an expiry in the past (it ends the key), unlike a new key', () => {
    expect(edit({ activationsLimit: 1, expiresAt: PAST }).success).toBe(true);
  });

  it('refuses what the create form refuses, with the same messages', () => {
    for (const values of [
      { activationsLimit: -1, expiresAt: null },
      { activationsLimit: 1.5, expiresAt: null },
      { activationsLimit: Number.NaN, expiresAt: null },
      { activationsLimit: ACTIVATIONS_LIMIT_MAX + 1, expiresAt: null },
      { activationsLimit: 1, expiresAt: '' },
      { activationsLimit: 1, expiresAt: '2027-01-01T00:00' },
    ]) {
      const edited = edit(values);
      const created = createLicenseKeySchema.safeParse(input('generate', values));
      expect(edited.success).toBe(false);
      expect(edited.error?.issues[0]?.message).toBe(created.error?.issues[0]?.message);
    }
  });

  it('has exactly the two fields, nothing else passes through', () => {
    expect(Object.keys(editLicenseKeySchema.shape)).toEqual(['activationsLimit', 'expiresAt']);
    expect(edit({ activationsLimit: 2, expiresAt: null, disabled: true }).data).toEqual({
      activationsLimit: 2,
      expiresAt: null,
    });
  });
});

describe('a limit below the activations in use', () => {
  it('says how many are in use, on the limit field', () => {
    expect(limitBelowActivationsMessage(3)).toBe(
      '3 activations are in use: the limit cannot be lower. Deactivate instances first.',
    );
    expect(limitBelowActivationsMessage(1)).toMatch(/^1 activation is in use:/);
    expect(limitBelowActivationsMessage(undefined)).toContain('in use');
    const { field, message } = updateLicenseKeyFailures.LIMIT_BELOW_ACTIVATIONS;
    expect(field).toBe('activationsLimit');
    expect(message({ detail: { instancesCount: 2 } })).toMatch(/^2 activations are in use/);
  });
});
