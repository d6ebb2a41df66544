/**
 * Checking an SVG file before the site publishes it. The site serves SVG
 * files as they are, at addresses of its own, and a browser that opens one
 * there runs whatever scripts it holds with the site's authority; so an SVG
 * must be well-formed XML whose root is an `<svg>` element, and must hold
 * nothing that can run or load anything: no scripts or event handlers, no
 * HTML inside it, no addresses other than its own `#fragments`, no style
 * sheets that import or fetch, no entity declarations and no processing
 * instructions. An SVG that breaks a rule is refused rather than rewritten,
 * so the file served is byte for byte the file the editor saw.
 *
 * The scanner reads the XML itself (a few hundred lines, with no
 * dependency), so that it knows exactly what it accepted and where each
 * thing is written.
 */
import type { Place } from './problems.ts';

/** The namespace an SVG document's elements live in. */
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** What is wrong with an SVG file, and where in it. */
export interface SvgFinding {
  /** `malformed`: not a well-formed SVG document; `active`: holds something that could run or load. */
  kind: 'malformed' | 'active';
  /** Where in the SVG file. */
  place: Place;
  /**
   * What was found, as a phrase that never quotes the file's text beyond
   * names: "the element <g> is not closed", "a <script> element".
   */
  reason: string;
}

/**
 * Checks an SVG file's text (decoded from UTF-8, byte-order mark and all).
 *
 * @returns the first thing wrong with it, or undefined when it may be published
 */
export function checkSvg(text: string): SvgFinding | undefined {
  try {
    scanSvg(text);
    return undefined;
  } catch (error) {
    if (error instanceof Finding) return error.finding;
    throw error;
  }
}

/** Thrown inside the scanner to stop at the first finding. */
class Finding extends Error {
  readonly finding: SvgFinding;
  constructor(finding: SvgFinding) {
    super(finding.reason);
    this.finding = finding;
  }
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
/** An XML name, matched where the scanner stands. */
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
/** Characters XML does not allow in a document (C0 controls but tab and line ends, and U+FFFE/U+FFFF). */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Elements that run scripts, hold other documents or load other files,
 * compared in lower case: an SVG in the XHTML namespace can hold HTML's too.
 */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'handler',
  'listener',
  'foreignobject',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'object',
  'applet',
  'portal',
  'base',
  'link',
  'meta',
  'audio',
  'video',
]);

/** SVG animation elements, which can change any attribute, links and handlers included. */
const ANIMATION_ELEMENTS = new Set([
  'set',
  'animate',
  'animatemotion',
  'animatetransform',
  'animatecolor',
]);

/** Raster images an SVG may embed as `data:` URLs in an `<image>`: they cannot run anything. */
const EMBEDDED_RASTER = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/** An attribute as written: its name, where the name starts, and its value with references expanded. */
interface Attribute {
  name: string;
  index: number;
  value: string;
}

/** Scans a whole document; throws a `Finding` at the first thing wrong. */
function scanSvg(source: string): void {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const offset = source.length - text.length;
  let pos = 0;

  const placeAt = (index: number): Place => {
    const before = source.slice(0, index + offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      line: before.split('\n').length,
      column: index + offset - lineStart + 1,
    };
  };
  const malformed = (index: number, reason: string): never => {
    throw new Finding({ kind: 'malformed', place: placeAt(index), reason });
  };
  const active = (index: number, reason: string): never => {
    throw new Finding({ kind: 'active', place: placeAt(index), reason });
  };

  const bad = NOT_XML_CHARACTER.exec(text);
  if (bad) malformed(bad.index, 'a control character, which XML does not allow');

  const startsWith = (literal: string) => text.startsWith(literal, pos);
  const skipSpace = () => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos]!)) pos++;
  };
  const readName = (): string | undefined => {
    NAME.lastIndex = pos;
    const match = NAME.exec(text);
    if (!match) return undefined;
    pos += match[0].length;
    return match[0];
  };
  const expect = (literal: string, reason: string) => {
    if (!startsWith(literal)) malformed(pos, reason);
    pos += literal.length;
  };
  /** Moves past `end`, returning what came before it. */
  const readUntil = (end: string, reason: string, from = pos): string => {
    const stop = text.indexOf(end, pos);
    if (stop === -1) malformed(from, reason);
    const read = text.slice(pos, stop);
    pos = stop + end.length;
    return read;
  };

  /** Expands character and entity references in text or an attribute value. */
  const expand = (raw: string, start: number): string =>
    raw.replace(/&([^;&<\s]*);?/g, (whole, name: string, at: number) => {
      if (!whole.endsWith(';')) {
        return malformed(
          start + at,
          'a "&" that starts no reference; write &amp; for an ampersand',
        );
      }
      const predefined = PREDEFINED_ENTITIES.get(name);
      if (predefined) return predefined;
      const code = /^#x([0-9a-f]+)$/i.test(name)
        ? Number.parseInt(name.slice(2), 16)
        : /^#[0-9]+$/.test(name)
          ? Number.parseInt(name.slice(1), 10)
          : undefined;
      if (code === undefined) {
        return malformed(start + at, `the reference &${safeName(name)}; is not defined`);
      }
      if (!isXmlCharacter(code)) {
        return malformed(start + at, 'a character reference to a character XML does not allow');
      }
      return String.fromCodePoint(code);
    });

  /** Comments, processing instructions and space, where they may stand outside the root. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) skipComment();
      else if (startsWith('<?')) processingInstruction();
      else return;
    }
  };
  const skipComment = () => {
    const start = pos;
    pos += 4;
    const body = readUntil('-->', 'a comment that is not closed with -->', start);
    if (body.includes('--') || body.endsWith('-')) malformed(start, 'a comment that holds "--"');
  };
  const processingInstruction = () => {
    const start = pos;
    pos += 2;
    const target = readName() ?? malformed(pos, 'a "<?" with no name after it');
    readUntil('?>', 'a processing instruction that is not closed with ?>', start);
    if (target.toLowerCase() === 'xml') {
      malformed(start, 'an XML declaration that is not at the very start of the file');
    }
    // <?xml-stylesheet?> loads a style sheet or an XSLT transform, which can run scripts.
    active(start, `a processing instruction (<?${clip(target)}?>)`);
  };

  // The XML declaration: only UTF-8 (or ASCII) text is read as the browser will read it.
  if (startsWith('<?xml') && /^<\?xml[ \t\r\n?]/.test(text.slice(0, 6))) {
    const declaration = readUntil('?>', 'an XML declaration that is not closed with ?>', 0);
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
    if (encoding && !/^(utf-?8|us-ascii)$/i.test(encoding)) {
      malformed(0, 'an XML declaration of an encoding other than UTF-8; save the file as UTF-8');
    }
  }
  skipMisc();
  if (startsWith('<!DOCTYPE')) {
    const start = pos;
    // A DOCTYPE may name an external DTD, which browsers do not fetch; its
    // internal subset ([…]) may declare entities, which expand into anything.
    const declaration = /^<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*([[>])/.exec(text.slice(pos));
    if (!declaration) return malformed(start, 'a <!DOCTYPE> that is not closed with >');
    if (declaration[1] === '[') {
      active(start, 'a document type with declarations of its own (such as <!ENTITY>)');
    }
    pos += declaration[0].length;
    skipMisc();
  }

  if (startsWith('<!')) malformed(pos, 'a "<!" that starts no comment or <!DOCTYPE>');
  if (!startsWith('<') || startsWith('</')) {
    malformed(pos, pos >= text.length ? 'no root element' : 'text before the root element');
  }

  const open: { name: string; index: number; namespaces: Map<string, string> }[] = [];
  let namespaces = new Map([['xml', XML_NAMESPACE]]);
  let rootDone = false;
  let styleOpen: { index: number; text: string } | undefined;

  while (!rootDone) {
    if (pos >= text.length) {
      const unclosed = open.at(-1)!;
      malformed(unclosed.index, `the element <${clip(unclosed.name)}> is not closed`);
    }
    if (startsWith('<!--')) {
      skipComment();
    } else if (startsWith('<![CDATA[')) {
      const start = pos;
      pos += 9;
      const data = readUntil(']]>', 'a CDATA section that is not closed with ]]>', start);
      if (styleOpen) styleOpen.text += data;
    } else if (startsWith('<?')) {
      processingInstruction();
    } else if (startsWith('<!')) {
      malformed(pos, 'a "<!" that starts no comment or CDATA section');
    } else if (startsWith('</')) {
      const start = pos;
      pos += 2;
      const name = readName() ?? malformed(pos, 'an end tag with no name');
      skipSpace();
      expect('>', `the end tag </${clip(name)}> is not closed with >`);
      const element = open.pop()!;
      if (element.name !== name) {
        malformed(
          start,
          `the end tag </${clip(name)}> does not match the open element <${clip(element.name)}>`,
        );
      }
      if (styleOpen?.index === element.index) {
        checkCss(styleOpen.text, styleOpen.index, 'a <style> element');
        styleOpen = undefined;
      }
      namespaces = element.namespaces;
      rootDone = open.length === 0;
    } else if (startsWith('<')) {
      const start = pos;
      pos += 1;
      const name =
        readName() ?? malformed(pos, 'a "<" that starts no tag; write &lt; for a less-than sign');
      const attributes: Attribute[] = [];
      for (;;) {
        const beforeSpace = pos;
        skipSpace();
        if (startsWith('/>') || startsWith('>')) break;
        if (pos === beforeSpace)
          malformed(pos, `the tag <${clip(name)}> is not closed with > or />`);
        const index = pos;
        const attribute =
          readName() ?? malformed(pos, `the tag <${clip(name)}> is not closed with > or />`);
        skipSpace();
        expect('=', `the attribute ${clip(attribute)} has no value; write ${clip(attribute)}="…"`);
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") {
          malformed(pos, `the value of the attribute ${clip(attribute)} is not in quotes`);
        }
        pos += 1;
        const valueStart = pos;
        const raw = readUntil(
          quote!,
          `the value of the attribute ${clip(attribute)} is not closed`,
          index,
        );
        if (raw.includes('<'))
          malformed(
            valueStart + raw.indexOf('<'),
            `a "<" in the value of the attribute ${clip(attribute)}`,
          );
        if (attributes.some((other) => other.name === attribute)) {
          malformed(index, `the attribute ${clip(attribute)} appears twice in one tag`);
        }
        // XML turns the white space written in a value into spaces.
        attributes.push({
          name: attribute,
          index,
          value: expand(raw.replace(/[\t\r\n]/g, ' '), valueStart),
        });
      }
      const selfClosing = startsWith('/>');
      pos += selfClosing ? 2 : 1;

      const inScope = new Map(namespaces);
      for (const { name: attribute, value } of attributes) {
        if (attribute === 'xmlns') inScope.set('', value);
        else if (attribute.startsWith('xmlns:')) inScope.set(attribute.slice(6), value);
      }
      const resolve = (qualified: string, index: number, isAttribute: boolean) => {
        const colon = qualified.indexOf(':');
        const prefix = colon === -1 ? '' : qualified.slice(0, colon);
        const local = colon === -1 ? qualified : qualified.slice(colon + 1);
        if (isAttribute && prefix === 'xmlns') return { namespace: XMLNS_NAMESPACE, local };
        if (isAttribute && prefix === '') return { namespace: '', local };
        const namespace = inScope.get(prefix);
        if (namespace === undefined && prefix !== '') {
          malformed(index, `the prefix ${clip(prefix)} of ${clip(qualified)} is not declared`);
        }
        return { namespace: namespace ?? '', local };
      };

      const element = resolve(name, start + 1, false);
      if (open.length === 0) {
        if (element.local !== 'svg')
          malformed(start, `the root element is <${clip(name)}>, not <svg>`);
        if (element.namespace !== SVG_NAMESPACE) {
          malformed(
            start,
            `the root <${clip(name)}> element is not in the SVG namespace; add xmlns="${SVG_NAMESPACE}"`,
          );
        }
      }
      const localName = element.local.toLowerCase();
      if (element.namespace === XHTML_NAMESPACE) active(start, `an HTML element (<${clip(name)}>)`);
      if (ACTIVE_ELEMENTS.has(localName)) active(start, `a <${clip(name)}> element`);

      for (const attribute of attributes) {
        const { namespace, local } = resolve(attribute.name, attribute.index, true);
        if (namespace === XMLNS_NAMESPACE) continue;
        checkAttribute(attribute, local.toLowerCase(), localName);
      }
      if (ANIMATION_ELEMENTS.has(localName)) {
        const animated = attributes.find(({ name: attribute }) => attribute === 'attributeName');
        const target = animated?.value.trim().toLowerCase() ?? '';
        if (/(^|:)href$/.test(target) || target.startsWith('on') || target === 'style') {
          active(start, `an animation of the ${safeName(target)} attribute`);
        }
      }

      if (!selfClosing) {
        open.push({ name, index: start, namespaces });
        namespaces = inScope;
        if (localName === 'style' && !styleOpen) styleOpen = { index: start, text: '' };
      } else {
        rootDone = open.length === 0;
      }
    } else {
      const start = pos;
      const next = text.indexOf('<', pos);
      pos = next === -1 ? text.length : next;
      const data = expand(text.slice(start, pos), start);
      if (styleOpen) styleOpen.text += data;
    }
  }

  skipMisc();
  if (pos < text.length) {
    malformed(pos, startsWith('<') ? 'a second root element' : 'text after the root element');
  }

  function checkAttribute(attribute: Attribute, local: string, element: string): void {
    const { name, index, value } = attribute;
    if (local.startsWith('on')) active(index, `an event handler attribute (${clip(name)})`);
    // Browsers ignore white space and control characters inside a URL's scheme.
    const squeezed = value.replace(/[\u0000-\u0020\u007F]+/g, '').toLowerCase();
    if (/(javascript|vbscript|livescript):/.test(squeezed)) {
      active(index, `a script address in the ${clip(name)} attribute`);
    }
    if (local === 'href' || local === 'src') {
      const target = value.trim();
      if (target.startsWith('#')) return;
      if (element === 'image' && EMBEDDED_RASTER.test(target)) return;
      active(
        index,
        squeezed.startsWith('data:')
          ? `a data: address in the ${clip(name)} attribute`
          : `a reference to another file or address in the ${clip(name)} attribute`,
      );
    }
    const where = `the ${clip(name)} attribute`;
    if (local === 'style') checkCss(value, index, where);
    // Presentation attributes (fill, filter, …) are CSS values, escapes and all.
    else checkUrls(decodeCssEscapes(value).toLowerCase(), index, where);
  }

  /** Refuses CSS that imports, fetches or runs anything. */
  function checkCss(css: string, index: number, where: string): void {
    const plain = decodeCssEscapes(css)
      .replace(/\/\*[\s\S]*?\*\//g, ' ')
      .toLowerCase();
    if (plain.includes('@import')) active(index, `an @import rule in ${where}`);
    if (/(^|[^a-z0-9_-])(-webkit-)?(image-set|image|cross-fade|element|src)\s*\(/.test(plain)) {
      active(index, `a CSS function that loads an image in ${where}`);
    }
    if (/expression\s*\(|-moz-binding|behavior\s*:/.test(plain)) {
      active(index, `CSS that runs scripts in old browsers in ${where}`);
    }
    checkUrls(plain, index, where);
  }

  /** Refuses `url(…)` pointing anywhere but a fragment of the file itself. */
  function checkUrls(value: string, index: number, where: string): void {
    for (const [, target = ''] of value.matchAll(/url\s*\(\s*['"]?\s*([^'")\s]*)/g)) {
      if (!target.startsWith('#'))
        active(index, `a url() that points at another file or address in ${where}`);
    }
  }
}

/** The only entities XML defines without a document type. */
const PREDEFINED_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Whether a code point is a character XML allows. */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** CSS with its escapes (`\75 rl(`, `\@import`) turned into the characters they stand for. */
function decodeCssEscapes(css: string): string {
  return css.replace(/\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|\r\n|([\s\S]))/gi, (_, hex, other) => {
    if (hex) {
      const code = Number.parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return other === '\n' || other === undefined ? '' : other;
  });
}

/** A name read from the file, cut short for a message. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/** Text read from the file, kept to name characters and cut short, for a message. */
function safeName(text: string): string {
  return clip(text.replace(/[^\w:.-]/g, '?'));
}
