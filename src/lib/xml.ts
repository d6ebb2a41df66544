/**
 * Text into XML 1.0: the few rules every feed and sitemap shares, and
 * text into HTML for the places where HTML is written as a string.
 *
 * Escaping is done by hand because it is four replacements; a builder
 * library would still not remove the characters XML 1.0 forbids, which
 * article files may contain (a stray control character pasted from a wire).
 */

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other
 * than tab, newline and carriage return, U+FFFE and U+FFFF, and UTF-16
 * surrogates that are not part of a pair.
 * See https://www.w3.org/TR/xml/#charsets.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 forbids. */
export function stripForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/**
 * Escapes text for an XML element's content or a double- or single-quoted
 * attribute, after removing forbidden characters. `>` is escaped too, so
 * `]]>` can never appear literally.
 */
export function escapeXml(text: string): string {
  return stripForbiddenXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Plain text as HTML that shows exactly that text: for a field a reader
 * treats as HTML (an RSS item's `description`), where text written into it
 * as it is would turn `<img src=x onerror=…>` into an image that runs a
 * script. The characters that are markup in HTML are those of XML, so the
 * escaping is the same; a feed then escapes the result again as XML.
 *
 * @example textToHtml('Attack uses <img src=x>') // 'Attack uses &lt;img src=x&gt;'
 */
export function textToHtml(text: string): string {
  return escapeXml(text);
}

/** `<name>text</name>`, the text escaped. */
export function xmlElement(
  name: string,
  text: string,
  attributes: Record<string, string> = {},
): string {
  return `<${name}${xmlAttributes(attributes)}>${escapeXml(text)}</${name}>`;
}

/** ` a="1" b="2"`, each value escaped. */
export function xmlAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
