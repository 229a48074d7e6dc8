import { ApiError } from './api-error';

// Reading and checking the JSON body of a REST API request (lib/http/api-route.ts), within bounds:
// no more bytes than the limit are ever held, and no check recurses over what a client sent.

export const MAX_BODY_BYTES = 64 * 1024;
/** Deepest nesting of arrays and objects a body may have; no Keydesk body needs more than 3. */
export const MAX_JSON_DEPTH = 32;

/**
 * The body as text (empty for GET and HEAD). Read as a stream with a byte counter: a body that goes
 * over MAX_BODY_BYTES is refused with 413 as soon as it does, and the rest is not read (the stream is
 * cancelled), whether or not it declared its length (a chunked body declares none).
 */
export async function readBody(request: Request): Promise<string> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return '';
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // As Request.text() does: UTF-8, a leading byte order mark dropped, bad bytes replaced.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge() {
  return new ApiError(
    413,
    'PAYLOAD_TOO_LARGE',
    `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
  );
}

/** The parsed body ({} when there is none); not JSON, or nested deeper than MAX_JSON_DEPTH, is a 400. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new ApiError(
      400,
      'INVALID_JSON',
      `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  }
  return value;
}

/** Children of an array or object (keys of an object too, as strings), else none. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.entries(value).flat();
  return [];
}

/** Whether arrays and objects nest more than `max` levels (a scalar is 0, `[]` is 1). Iterative. */
function nestedDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of children(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether any string in the value (keys included) holds U+0000. Iterative: any depth, no recursion. */
export function hasNul(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else {
      for (const child of children(value)) stack.push(child);
    }
  }
  return false;
}
