// The one check of a return path (`?next=`, `?returnTo=`) before Keydesk redirects or links to it.
// No server imports: pages, server actions, the proxy and client forms share it.

const LOCAL_ORIGIN = 'http://keydesk.invalid';
const MAX_LENGTH = 2000;

/**
 * Characters a browser may read differently from a URL parser, or drop: a TAB or line break inside
 * `/<TAB>/evil.example` vanishes and leaves `//evil.example`; a backslash counts as a slash.
 * C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
 */
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A path of this site to send someone back to, as `/path?query` in plain ASCII (other characters
 * percent-encoded, the fragment dropped), or null. Refuses other origins (`https://evil.example`,
 * `//evil.example`, `https:evil.example`), other schemes (`javascript:`), backslashes and control
 * characters, and dot segments that would collapse into `//` (`/..//evil.example`).
 */
export function safeLocalPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (UNSAFE_CHARACTERS.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== LOCAL_ORIGIN) return null;
  const path = url.pathname + url.search;
  // What the parser made of the value is what the browser will follow: check it again.
  if (!path.startsWith('/') || path.startsWith('//') || UNSAFE_CHARACTERS.test(path)) return null;
  return path;
}
