import { describe, expect, it } from 'vitest';
import { SEARCH_QUERY_MAX_LENGTH, searchQuerySchema } from './search';

describe('searchQuerySchema', () => {
  it.each([
    ['dana', 'dana'],
    ['  dana  ', 'dana'],
    ['\u0000abc', 'abc'],
    ['ab\u0000c', 'ab c'],
    ['dana\tkim\r\n', 'dana kim'],
    ['\u0085\u2028zoë\u007f', 'zoë'],
    ['\u0000', ''],
  ])('searches %j for %j', (q, expected) => {
    expect(searchQuerySchema.parse({ q })).toEqual({ q: expected });
  });

  it('cuts an over-long query and treats anything else as empty', () => {
    expect(searchQuerySchema.parse({ q: 'x'.repeat(500) }).q).toHaveLength(SEARCH_QUERY_MAX_LENGTH);
    expect(searchQuerySchema.parse({ q: ['a', 'b'] })).toEqual({ q: '' });
    expect(searchQuerySchema.parse({})).toEqual({ q: '' });
  });
});
