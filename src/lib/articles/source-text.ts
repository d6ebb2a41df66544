/**
 * The characters an article (or a file of wire copy) is read as: what an
 * editor's tools may leave in a file but the site must not carry into HTML
 * and XML is dropped before anything is parsed.
 */

/**
 * Cleans a source file's text for parsing: drops a leading byte-order mark
 * and the control characters and noncharacters HTML and XML forbid (stray
 * bytes of wire copy; HTML forbids the C1 controls U+0080 to U+009F as
 * well), and makes every line end in `\n`. Lines keep their numbers, so
 * places found in the result are places in the file.
 */
export function cleanSourceText(source: string): string {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '');
}
