import fc from 'fast-check';

// The generators of the API property tests (./*.fuzz.test.ts) that need no database: odd JSON
// values, bodies built around an endpoint's valid fields, and query strings. Those that aim at the
// seeded rows are made by ./harness.ts.

/** A JSON token written as is: numbers JSON.stringify cannot write (1e309) or that are not JSON at all. */
class Raw {
  constructor(readonly text: string) {}
}
const rawNumber = fc
  .constantFrom(
    '1e309',
    '-1e309',
    '2147483648',
    '2147483647',
    '-1',
    '-0',
    '1.5',
    '1e-400',
    '12345678901234567890123',
    'NaN',
    'Infinity',
    '0x10',
    '01',
  )
  .map((text) => new Raw(text));
const HUGE = [
  'x'.repeat(100_000),
  '€'.repeat(30_000),
  'K'.repeat(256),
  'K'.repeat(255),
  'A'.repeat(65),
];
export const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\t',
      '\n',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u2028',
      ' ',
      'K',
      '\ud800',
    ),
    maxLength: 20,
  }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'true',
    '0',
    'NaN',
    '1e309',
    '%00',
    '../..',
    '\'; DROP TABLE "LicenseKey";--',
    '\u202eABC',
    '😀'.repeat(70),
  ),
  fc.constantFrom(...HUGE),
);
const oddDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
    .map((d) => d.toISOString().replace('Z', '+14:00')),
  fc.constantFrom(
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:60Z',
    '9999-12-31T23:59:59.999+14:00',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01T00:00:00.123456789Z',
    'yesterday',
    '1e309',
  ),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31), -1, 0, 2 ** 53, Number.MAX_VALUE, 0.5),
  rawNumber,
);
const scalar = fc.oneof(oddString, oddNumber, oddDate, fc.boolean(), fc.constant(null));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
);
const extraFields = fc.dictionary(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'constructor', 'id', 'business_id', 'instances_count', 'source'),
  ),
  oddValue,
  { maxKeys: 3 },
);
const invalidJson = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '{',
    '{"key":',
    "{'key':'a'}",
    '[1,]',
    'nul',
    '\u0000',
    '{"a":1}{"b":2}',
    '{"a":NaN}',
    '\ufeff{}',
    '{"a":"\\ud800"}',
  ),
);

/** Writes a generated value as JSON text, with Raw tokens as they are. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : toJson(item))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${toJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A body for an endpoint whose valid fields are `fields`: mostly an object of valid values with up to
 * three fields removed or given odd values, sometimes with extra fields; else not an object, or not JSON.
 */
export function bodyFor(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const change = fc.tuple(fc.constantFrom(...names), fc.option(oddValue, { nil: undefined }));
  const object = fc
    .tuple(
      fc.record(fields),
      fc.oneof(fc.constant([]), fc.array(change, { minLength: 1, maxLength: 3 })),
      fc.option(extraFields),
    )
    .map(([valid, changes, extra]) => {
      const body: Record<string, unknown> = { ...valid };
      for (const [name, value] of changes) {
        if (value === undefined) delete body[name];
        else body[name] = value;
      }
      return toJson(extra ? { ...extra, ...body } : body);
    });
  return fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: fc.oneof(fc.array(oddValue, { maxLength: 3 }), scalar).map(toJson) },
    { weight: 1, arbitrary: invalidJson },
  );
}

// ── Valid field values ─────────────────────────────────────────────────────────────────────────
export const plainName = fc.oneof(
  fc.constantFrom('laptop', 'Build server 2', ' Dana Kim '),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);
export const freshKey = fc.string({ minLength: 6, maxLength: 40 });
/** Mostly the id the API key may use; sometimes another business's, or none. */
export const ownedOr = (own: string, other: string, missing: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, fc.constantFrom(other, missing));
export const limit = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null));
export const futureDate = fc.constantFrom(
  '2030-01-01T00:00:00Z',
  '2031-06-01T12:00:00+02:00',
  null,
);
export const idParam = (...ids: string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: oddString });
/** An Idempotency-Key that is refused before anything is claimed (a valid one stores its answer). */
export const badIdempotencyKey = fc.option(fc.constantFrom('', 'k'.repeat(256)), { freq: 5 });

// ── Query strings ──────────────────────────────────────────────────────────────────────────────
const LIST_PARAMS = [
  'page_number',
  'page_size',
  'customer_id',
  'product_id',
  'status',
  'source',
  'created_at_gte',
  'created_at_lte',
  'license_key_id',
  'email',
  'name',
  'archived',
  'recurring',
  'brand_id',
];

/** A query string of the list endpoints' parameters (and others), with values that include `known`. */
export function queryStringWith(known: string[]): fc.Arbitrary<string> {
  const queryValue = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0',
        '1',
        '2',
        '100',
        '101',
        '-1',
        '',
        '1.5',
        '1e309',
        'NaN',
        '2147483648',
        '0x10',
        ' 3 ',
        'true',
        'active',
        'expired',
        'disabled',
        'auto',
        'import',
        'manual',
      ),
    },
    { weight: 2, arbitrary: oddDate },
    { weight: 1, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: oddString.filter((s) => s.length < 2000) },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...LIST_PARAMS), fc.string({ maxLength: 6 })),
            queryValue,
          ),
          { maxLength: 5 },
        )
        .map((pairs) => new URLSearchParams(pairs).toString()),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '&&==&',
        'page_size=%FF',
        'page_number=1&page_number=x',
        'a=%00',
        'status=active%00',
        '?',
      ),
    },
  );
}
