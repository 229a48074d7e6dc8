// Rules for text people type into Keydesk. No server imports: forms and the API share them.

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** For `.refine`: true when the text has no control characters (PostgreSQL cannot even store NUL). */
export function hasNoControlCharacters(text: string): boolean {
  return !CONTROL_CHARACTERS.test(text);
}
