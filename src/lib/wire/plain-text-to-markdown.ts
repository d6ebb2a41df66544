/**
 * Plain text as a Markdown paragraph that renders back to the same text.
 *
 * Wire copy is plain text, so any Markdown it happens to contain is an
 * accident: `1. The first point` must not become a list, nor `[a](b)` a
 * link. Escapes are added only where CommonMark or GFM would read
 * something, so ordinary copy (quotes, brackets, ampersands) stays as it is.
 */

/** Characters that open or close inline syntax wherever they stand. */
const INLINE_SYNTAX = /[\\`*_~<]/g;

/**
 * Escapes one paragraph of plain text (a single line) for Markdown.
 *
 * @example plainTextToMarkdown('1. The first point') // '1\\. The first point'
 */
export function plainTextToMarkdown(text: string): string {
  const inline = text
    .replace(INLINE_SYNTAX, '\\$&')
    // `[text](url)` is a link; without the `(` a bracket is only a bracket.
    .replace(/\](?=\()/g, '\\]')
    // `&amp;` and `&#39;` are character references; a lone `&` is text.
    .replace(/&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g, '\\&');
  return escapeBlockStart(inline);
}

/** Escapes what would make the paragraph a heading, quote, list, rule or definition. */
function escapeBlockStart(line: string): string {
  if (/^#{1,6}(?:\s|$)/.test(line) || line.startsWith('>')) return `\\${line}`;
  // Bullet list item, or a thematic break such as `- - -`.
  if (/^[-+](?:\s|$)/.test(line) || /^-(?:\s*-){2,}\s*$/.test(line)) return `\\${line}`;
  // Ordered list item: `1.` or `1)` and a space.
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  // Link reference or footnote definition: `[label]: …`.
  if (/^\[[^\]]*\]:/.test(line)) return `\\${line}`;
  return line;
}
