/**
 * Copy quoted in a problem. A line of copy can be as long as the file, and
 * a problem is one line an editor reads, so a quotation is cut short.
 */

/** Longest quotation of copy in a problem, in characters, before the cut. */
export const QUOTE_MAX_LENGTH = 60;

/**
 * Text in double quotes, cut after `QUOTE_MAX_LENGTH` characters with `…`.
 *
 * @example quoteCopy('World') // '"World"'
 */
export function quoteCopy(text: string): string {
  if (text.length <= QUOTE_MAX_LENGTH) return `"${text}"`;
  // Never cut between the two halves of a character outside the BMP.
  const end = /[\uD800-\uDBFF]/.test(text[QUOTE_MAX_LENGTH - 1] ?? '')
    ? QUOTE_MAX_LENGTH - 1
    : QUOTE_MAX_LENGTH;
  return `"${text.slice(0, end)}…"`;
}
