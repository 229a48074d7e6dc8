import { describe, expect, it } from 'vitest';
import {
  CSV_MAX_FIELD_BYTES,
  CsvFileError,
  csvRecords,
  detectDelimiter,
  type CsvRecord,
} from './csv';

/** The file's bytes, in chunks of `size` bytes. */
async function* chunked(content: string | Uint8Array, size = 64 * 1024) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(
  content: string | Uint8Array,
  options: { size?: number; delimiter?: ',' | ';' } = {},
): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  const delimiter = options.delimiter ? { delimiter: options.delimiter } : undefined;
  for await (const record of csvRecords(chunked(content, options.size), delimiter)) {
    records.push(record);
  }
  return records;
}

async function failure(content: string | Uint8Array, size?: number): Promise<CsvFileError> {
  const error = await read(content, { size }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CsvFileError);
  return error as CsvFileError;
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => Buffer.from(typeof part === 'string' ? part : part)));

describe('csvRecords', () => {
  it('reads a header and rows, each with the line it starts on', async () => {
    expect(await read('key,email\nK1,a@example.com\nK2,b@example.com\n')).toEqual([
      { line: 1, fields: ['key', 'email'] },
      { line: 2, fields: ['K1', 'a@example.com'] },
      { line: 3, fields: ['K2', 'b@example.com'] },
    ]);
  });

  it('drops a UTF-8 BOM', async () => {
    const [header] = await read('\uFEFFkey,email\nK1,a@example.com\n');
    expect(header.fields).toEqual(['key', 'email']);
  });

  it('reads a semicolon-separated file, and takes the delimiter it is given', async () => {
    expect(await read('key;email;note\nK1;a@example.com;"x, y"\n')).toEqual([
      { line: 1, fields: ['key', 'email', 'note'] },
      { line: 2, fields: ['K1', 'a@example.com', 'x, y'] },
    ]);
    expect(await read('key,1;email\nK,1;e\n', { delimiter: ';' })).toEqual([
      { line: 1, fields: ['key,1', 'email'] },
      { line: 2, fields: ['K,1', 'e'] },
    ]);
  });

  it('chooses the delimiter from the whole header line, however the file is cut', async () => {
    const file = '"key\nname";"e,mail";x\n1,5;a@example.com;y\n';
    for (const size of [1, 3, 64 * 1024]) {
      expect((await read(file, { size })).map((record) => record.fields)).toEqual([
        ['key\nname', 'e,mail', 'x'],
        ['1,5', 'a@example.com', 'y'],
      ]);
    }
  });

  it('reads quoted fields: "" escapes, delimiters inside quotes', async () => {
    const [, row] = await read('a,b,c\n"Dana ""D"" Kim","x,y;z",""\n');
    expect(row.fields).toEqual(['Dana "D" Kim', 'x,y;z', '']);
  });

  it('reads line breaks in quoted fields and counts them in the lines (LF file)', async () => {
    const file = 'key,note\nK1,"one\ntwo\n\nthree"\nK2,plain\n';
    expect(await read(file)).toEqual([
      { line: 1, fields: ['key', 'note'] },
      { line: 2, fields: ['K1', 'one\ntwo\n\nthree'] },
      { line: 6, fields: ['K2', 'plain'] },
    ]);
  });

  it('reads line breaks in quoted fields and counts them in the lines (CRLF file)', async () => {
    const file = 'key,note\r\nK1,"one\r\ntwo"\r\n\r\nK2,"a\r\n\r\nb"\r\nK3,c\r\n';
    expect(await read(file)).toEqual([
      { line: 1, fields: ['key', 'note'] },
      { line: 2, fields: ['K1', 'one\r\ntwo'] },
      { line: 5, fields: ['K2', 'a\r\n\r\nb'] },
      { line: 8, fields: ['K3', 'c'] },
    ]);
  });

  it('skips empty and blank lines, keeping the lines of the rest', async () => {
    const file = '\n\nkey,email\n\n , \nK1,a@example.com\n,\n\nK2,b@example.com';
    expect(await read(file)).toEqual([
      { line: 3, fields: ['key', 'email'] },
      { line: 6, fields: ['K1', 'a@example.com'] },
      { line: 9, fields: ['K2', 'b@example.com'] },
    ]);
    expect(await read('')).toEqual([]);
  });

  it('reads rows shorter and longer than the header as they are', async () => {
    expect(await read('a,b,c\n1\n1,2,3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1'] },
      { line: 3, fields: ['1', '2', '3', '4'] },
    ]);
  });

  it('reads a field of 1 MB', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const records = await read(`key,note\nK1,"${big}"\nK2,${big}\nK3,small\n`);
    expect(records.map((record) => record.fields[1].length)).toEqual([
      4,
      big.length,
      big.length,
      5,
    ]);
    expect(records[3].line).toBe(4);
  });

  it('refuses a row over the cap, naming its line', async () => {
    const huge = 'x'.repeat(CSV_MAX_FIELD_BYTES + 1);
    const error = await failure(`key,note\nK1,a\nK2,"${huge}"\n`);
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'The row on line 3 is longer than 2 MiB. Check its quotes: a quote that is never closed makes the rest of the file one row.',
    );
  });

  it('refuses a quote never closed, naming the line of its row', async () => {
    const error = await failure('key,note\r\nK1,"a\r\nb"\r\nK2,"never\r\nclosed\r\n');
    expect(error.line).toBe(4);
    expect(error.message).toBe(
      'A quote opened in the row on line 4 is never closed. Add the closing quote (").',
    );
  });

  it('refuses a quote in the middle of an unquoted field', async () => {
    const error = await failure('key,note\nK1,12" screen\n');
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^The row on line 2 has a quote in the wrong place\./);
  });

  it('refuses invalid UTF-8, naming its line', async () => {
    const file = bytes('key,name\nK1,Zoë\nK2,Zo', [0xeb], '\nK3,x\n'); // Latin-1 "ë"
    const error = await failure(file);
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'The file is not valid UTF-8 (line 3). Save it as UTF-8 and upload it again.',
    );
  });

  it('reads UTF-8 split across chunks, and finds invalid bytes split across chunks', async () => {
    const good = 'key,name\r\nK1,"Zoë\r\n😀"\r\nK2,€\r\n';
    expect((await read(good, { size: 1 })).map((record) => record.fields)).toEqual([
      ['key', 'name'],
      ['K1', 'Zoë\r\n😀'],
      ['K2', '€'],
    ]);
    // "€" is E2 82 AC: cut after E2 82, and a line break where AC should be.
    const cut = bytes('key,name\r\nK1,a\r\nK2,"b\r\nc', [0xe2, 0x82], '\r\nd"\r\n');
    expect((await failure(cut, 1)).line).toBe(4);
    expect((await failure(cut, 7)).line).toBe(4);
    // A stray continuation byte at a chunk's start, after a complete character.
    const stray = bytes('key\né\n', [0xa9], 'x\n');
    expect((await failure(stray, 4)).line).toBe(3);
    // Cut short at the end of the file.
    expect((await failure(bytes('key\nK1\nK2', [0xf0, 0x9f]), 1)).line).toBe(3);
  });

  it('streams: reads a 200,000-row source without running ahead of its reader', async () => {
    const header = 'key,email,name,product,limit,expires,disabled,id\n';
    const row = (i: number) =>
      `KEY-${String(i).padStart(8, '0')},u${String(i).padStart(8, '0')}@example.com,Dana,Pro,5,2027-01-31,no,${String(i).padStart(8, '0')}\n`;
    const rowLength = Buffer.byteLength(row(0));
    let produced = 0;
    async function* source() {
      yield Buffer.from(header);
      produced += header.length;
      for (let i = 0; i < 200_000; i += 100) {
        let chunk = '';
        for (let j = i; j < i + 100; j++) chunk += row(j);
        produced += chunk.length;
        yield Buffer.from(chunk);
      }
    }
    let count = 0;
    let ahead = 0;
    for await (const record of csvRecords(source())) {
      if (count > 0) ahead = Math.max(ahead, produced - (header.length + count * rowLength));
      count++;
      if (count === 2) expect(record).toEqual({ line: 2, fields: row(0).trim().split(',') });
    }
    expect(count).toBe(200_001);
    // Never more than about a megabyte read ahead of the record in hand: the file is 19 MB.
    expect(produced).toBe(header.length + 200_000 * rowLength);
    expect(ahead).toBeLessThan(1024 * 1024);
  });

  it('stops reading the source when the reader stops', async () => {
    let finished = false;
    let chunks = 0;
    async function* source() {
      try {
        yield Buffer.from('key\n');
        for (;;) {
          chunks++;
          yield Buffer.from('K\n'.repeat(1000));
        }
      } finally {
        finished = true;
      }
    }
    for await (const record of csvRecords(source())) if (record.line > 10) break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(true);
    expect(chunks).toBeLessThan(100);
  });
});

describe('detectDelimiter', () => {
  it('counts commas and semicolons outside quotes, on the first line only', () => {
    expect(detectDelimiter('key,email,name')).toBe(',');
    expect(detectDelimiter('key;email;name')).toBe(';');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('key;email\nx,y,z,w')).toBe(';');
    expect(detectDelimiter('key')).toBe(',');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });
});
