import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importErrorLine, importErrorsCsvHeader } from './errors-csv';

describe('the import errors CSV', () => {
  it('writes a header and one CRLF line per error', () => {
    expect(importErrorsCsvHeader()).toBe('line,column,problem,message\r\n');
    expect(importErrorLine({ line: 12, column: 'Email', message: 'Enter an email.' })).toBe(
      '12,Email,error,Enter an email.\r\n',
    );
    expect(
      importErrorLine({ line: 13, column: 'key', kind: 'conflict', message: 'Already there.' }),
    ).toBe('13,key,conflict,Already there.\r\n');
  });

  it('quotes what needs quotes and neutralises what a spreadsheet would run', () => {
    const text =
      importErrorsCsvHeader() +
      importErrorLine({
        line: 3,
        column: '=HYPERLINK("http://evil.example")',
        message:
          'Unknown product “A, "B"”. Use a product\'s name or ID, or create the product first.',
      }) +
      importErrorLine({ line: 4, column: 'Notes\nmore', message: '-1 is not a limit' });
    expect(parse(text)).toEqual([
      ['line', 'column', 'problem', 'message'],
      [
        '3',
        '\'=HYPERLINK("http://evil.example")',
        'error',
        'Unknown product “A, "B"”. Use a product\'s name or ID, or create the product first.',
      ],
      ['4', 'Notes\nmore', 'error', "'-1 is not a limit"],
    ]);
  });
});
