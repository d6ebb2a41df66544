/**
 * The characters an article (or a file of wire copy) is read as: what an
 * editor's tools may leave in a file, or a YAML escape may write into a
 * value, but the site must not carry into HTML and XML is dropped before
 * anything is parsed or validated.
 */

/**
 * The control characters and noncharacters HTML and XML forbid: C0 controls
 * but tab, line feed and carriage return; DEL and the C1 controls U+0080 to
 * U+009F (YAML's `"\N"` is U+0085); U+FDD0 to U+FDEF; and the last two code
 * points of every plane (U+FFFE, U+FFFF, U+1FFFE, …, U+10FFFF).
 */
const FORBIDDEN = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${Array.from(
    { length: 16 },
    (_, index) => {
      const plane = (index + 1).toString(16).toUpperCase();
      return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
    },
  ).join('')}]`,
  'gu',
);

/** Half of a surrogate pair without its other half: no character at all (YAML's `"\uD800"`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Drops what no page may hold: the control characters and noncharacters
 * HTML and XML forbid, and lone surrogates. Tabs and line breaks are kept.
 * The one rule for the body and for every text value of the front matter.
 *
 * @example dropForbiddenCharacters('Gaza\u0000 City\u0085') // 'Gaza City'
 */
export function dropForbiddenCharacters(text: string): string {
  // Surrogates go last, so that dropping a character between two halves
  // cannot leave a lone one; the `u` flag keeps the first pass from
  // splitting pairs.
  return text.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '');
}

/**
 * Cleans a source file's text for parsing: drops a leading byte-order mark
 * and the characters `dropForbiddenCharacters` drops (stray bytes of wire
 * copy), and makes every line end in `\n`. Lines keep their numbers, so
 * places found in the result are places in the file.
 */
export function cleanSourceText(source: string): string {
  return dropForbiddenCharacters(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}
