// Checks that a file is UTF-8 as its chunks pass, and on which line it is not. csv-parse decodes
// with Buffer#toString, which turns invalid bytes into U+FFFD without a word: a key read so would be
// stored wrong. TextDecoder with `fatal` refuses them but does not say where, so the line is found
// here, on the failing chunk only.

const LF = 0x0a;
const CR = 0x0d;

/** Line breaks (CRLF, LF or CR, each one) in the bytes read so far, across chunk boundaries. */
class LineBreaks {
  count = 0;
  private endsWithCr = false;

  /** The breaks in `bytes[0, end)`, not yet added. */
  in(bytes: Uint8Array, end = bytes.length): number {
    if (end === 0) return 0;
    let breaks = 0;
    for (let at = bytes.indexOf(LF); at !== -1 && at < end; at = bytes.indexOf(LF, at + 1)) {
      breaks++;
    }
    for (let at = bytes.indexOf(CR); at !== -1 && at < end; at = bytes.indexOf(CR, at + 1)) {
      // A CR followed by a LF is one break with it; the LF is counted already.
      if (at + 1 < end && bytes[at + 1] === LF) breaks--;
      breaks++;
    }
    // A CRLF split between two chunks.
    if (this.endsWithCr && bytes[0] === LF) breaks--;
    return breaks;
  }

  add(bytes: Uint8Array): void {
    this.count += this.in(bytes);
    if (bytes.length > 0) this.endsWithCr = bytes[bytes.length - 1] === CR;
  }
}

/** Bytes a sequence begun in the previous chunk may still take: continuation bytes, at most 3. */
function continuedBytes(bytes: Uint8Array): number {
  let skip = 0;
  while (skip < 3 && skip < bytes.length && (bytes[skip] & 0xc0) === 0x80) skip++;
  return skip;
}

function throwsOn(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * Where the first invalid sequence of a chunk ends (exclusive), found by halving: a prefix that
 * holds a whole invalid sequence fails to decode, and so does every longer one. 0 when the chunk
 * fails only with what came before it.
 */
function invalidEnd(bytes: Uint8Array): number {
  const start = continuedBytes(bytes);
  if (!throwsOn(bytes.subarray(start))) return 0;
  let low = start + 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (throwsOn(bytes.subarray(start, middle))) high = middle;
    else low = middle + 1;
  }
  return low;
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The chunks of `source`, as Buffers, each after it proved to be UTF-8 (a sequence may be split
 * between chunks). Throws `invalid(line)` at the first invalid byte: `line` is the 1-based line it
 * is on.
 */
export async function* checkedUtf8(
  source: AsyncIterable<Uint8Array>,
  invalid: (line: number) => Error,
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = new LineBreaks();
  for await (const chunk of source) {
    const bytes = asBuffer(chunk);
    try {
      decoder.decode(bytes, { stream: true });
    } catch {
      // The byte that ends an invalid sequence may be a line break; the sequence starts before it.
      const end = invalidEnd(bytes);
      throw invalid(1 + lines.count + lines.in(bytes, Math.max(0, end - 1)));
    }
    lines.add(bytes);
    yield bytes;
  }
  try {
    decoder.decode();
  } catch {
    throw invalid(1 + lines.count);
  }
}
