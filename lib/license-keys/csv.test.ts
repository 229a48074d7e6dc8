import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvChunks,
  csvHeader,
  csvLine,
  csvRows,
  neutralizeCell,
  type CsvKey,
} from './csv';

const key: CsvKey = {
  id: 'lic_1',
  key: '=HYPERLINK("http://evil.example")',
  status: 'active',
  source: 'import',
  customer: { id: 'cus_1', name: '+Dana, "the" Kim', email: '@dana@example.com' },
  product: { id: 'pdt_1', name: '-Photo\nEditor' },
  activationsLimit: null,
  instancesCount: 2,
  expiresAt: new Date('2027-01-02T03:04:05.006Z'),
  createdAt: new Date('2026-01-02T03:04:05.006Z'),
};

describe('the key CSV', () => {
  it('neutralises formula cells and keeps every other character', () => {
    expect(neutralizeCell('=1+1')).toBe("'=1+1");
    expect(neutralizeCell('+1')).toBe("'+1");
    expect(neutralizeCell('-1')).toBe("'-1");
    expect(neutralizeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeCell('\tx')).toBe("'\tx");
    expect(neutralizeCell('ABCD-1234')).toBe('ABCD-1234');
    expect(neutralizeCell('')).toBe('');
  });

  it('writes a header and rows a CSV parser reads back, instants in ISO 8601', () => {
    const text =
      csvHeader() + csvRows([key, { ...key, id: 'lic_2', expiresAt: null, activationsLimit: 5 }]);
    const [header, first, second] = parse(text) as string[][];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(first).toEqual([
      'lic_1',
      `'=HYPERLINK("http://evil.example")`,
      'active',
      'import',
      'cus_1',
      `'+Dana, "the" Kim`,
      "'@dana@example.com",
      'pdt_1',
      "'-Photo\nEditor",
      'unlimited',
      '2',
      '2027-01-02T03:04:05.006Z',
      '2026-01-02T03:04:05.006Z',
    ]);
    expect(second.slice(9, 12)).toEqual(['5', '2', '']);
  });

  it('writes keys read one at a time as chunks of about the asked length, losing none', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => ({ ...key, id: `lic_${i}` }));
    async function* oneByOne(from: CsvKey[]) {
      yield* from;
    }
    const chunks: string[] = [];
    for await (const chunk of csvChunks(oneByOne(keys), 1000)) chunks.push(chunk);
    expect(chunks.join('')).toBe(csvRows(keys));
    expect(chunks.length).toBeGreaterThan(10);
    // Every chunk but the last reaches the length and ends at a row's end.
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(1000);
      expect(chunk.endsWith('\r\n')).toBe(true);
    }
    const none: string[] = [];
    for await (const chunk of csvChunks(oneByOne([]))) none.push(chunk);
    expect(none).toEqual([]);
  });

  it('writes any fields so that a CSV parser reads back exactly those fields', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (records) => {
          const text = records.map(csvLine).join('');
          expect(parse(text, { relax_column_count: true })).toEqual(records);
        },
      ),
      { numRuns: 500 },
    );
  });
});
