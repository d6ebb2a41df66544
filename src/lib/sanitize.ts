/**
 * What raw HTML in an article body may keep.
 *
 * Starts from GitHub's schema (rehype-sanitize's default) and tightens it for
 * a page that must pass the Nu HTML checker: no scripts, styles, iframes,
 * event handlers or `javascript:` URLs, none of the presentational
 * attributes HTML5 made obsolete, and only attribute values HTML allows.
 * Elements that are not allowed are unwrapped, so their text stays; scripts,
 * styles and iframes go with their content. What a removal leaves that HTML
 * does not allow (an image without its source, a list item without its
 * list) is mended after the sanitiser by `rehypeMendSanitized`.
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

// `picture` and `source` go too: a `<source>` is valid only in a media
// element the schema does not allow, and its `srcset` escapes the URL checks.
const REMOVED_TAGS = new Set(['input', 'tt', 'strike', 'picture', 'source']);
const EXTRA_TAGS = [
  'abbr',
  'cite',
  'figure',
  'figcaption',
  'mark',
  'small',
  'time',
  'u',
  'caption',
];
/** A language tag as `lang` takes it here: a language, then a script, a region, or both. */
const LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** An attribute of each element, each with the values HTML allows (a pattern or a list). */
type AttributeRule = NonNullable<SanitizeSchema['attributes']>[string][number];

const GLOBAL_ATTRIBUTES: AttributeRule[] = [
  ['dir', 'ltr', 'rtl', 'auto'],
  // Checked against the languages, scripts and regions there are by
  // `rehypeMendSanitized`; here, only the shape it accepts.
  ['lang', LANGUAGE_TAG],
  'title',
  // Ids may not be empty or hold white space.
  ['id', /^[^\s]+$/],
];
const TABLE_CELL_ATTRIBUTES: AttributeRule[] = [
  ['colSpan', /^[1-9]\d{0,2}$/],
  ['rowSpan', /^\d{1,4}$/],
  // `headers` is left out: it names ids, which the sanitiser prefixes.
  ['className', 'align-left', 'align-center', 'align-right'],
];
/** A header cell also says what it heads, and may give a short form of itself. */
const HEADER_CELL_ATTRIBUTES: AttributeRule[] = [
  ...TABLE_CELL_ATTRIBUTES,
  ['scope', 'row', 'col', 'rowgroup', 'colgroup'],
  'abbr',
];
/** Image sizes: a number of pixels. */
const DIMENSION = /^\d{1,5}$/;

/** What the sanitiser puts before every id in a body. */
const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/** The sanitiser schema for article bodies. */
export const bodySanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !REMOVED_TAGS.has(name)),
    ...EXTRA_TAGS,
  ],
  // Their text is code or markup, never reading matter: drop it whole. An
  // iframe's content is unparsed markup that browsers never show; unwrapped,
  // it would reach readers as literal tags.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'iframe'],
  // Elements that HTML allows only inside another: outside it, they are
  // unwrapped and their text kept (a `<li>` whose `<menu>` was removed).
  ancestors: {
    ...defaultSchema.ancestors,
    caption: ['table'],
    dd: ['dl'],
    dt: ['dl'],
    figcaption: ['figure'],
    li: ['ol', 'ul'],
    rp: ['ruby'],
    rt: ['ruby'],
    summary: ['details'],
  },
  attributes: {
    // Ids are kept (prefixed, see `clobber`) so that footnotes link up.
    '*': GLOBAL_ATTRIBUTES,
    a: [
      'href',
      'hrefLang',
      'ariaLabel',
      'ariaDescribedBy',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    h2: [['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    abbr: ['title'],
    blockquote: ['cite'],
    code: [['className', /^language-[\w-]+$/]],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    img: ['src', 'alt', ['width', DIMENSION], ['height', DIMENSION]],
    ol: [
      ['start', /^-?\d{1,9}$/],
      ['reversed', true, /^(?:reversed)?$/i],
    ],
    q: ['cite'],
    td: TABLE_CELL_ATTRIBUTES,
    th: HEADER_CELL_ATTRIBUTES,
    time: ['dateTime'],
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    cite: ['http', 'https'],
    src: ['http', 'https'],
  },
  required: {},
};

/**
 * A rehype plugin that fits body headings under the page's one `h1`: the
 * heading levels the body uses, in order, become `h2`, `h3`, … so the body
 * starts at `h2` and skips no level (`#` becomes `h2`; a body of `###`
 * headings gets `h2`s; `##` then `####` become `h2` then `h3`).
 */
export function rehypeShiftHeadings() {
  return (tree: Root) => {
    const headings: Element[] = [];
    visit(tree, 'element', (node) => {
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
    });
    const levels = [...new Set(headings.map(headingLevel))].sort((a, b) => a - b);
    for (const heading of headings) {
      heading.tagName = `h${Math.min(6, 2 + levels.indexOf(headingLevel(heading)))}`;
    }
  };
}

function headingLevel(element: Element): number {
  return Number(element.tagName.slice(1));
}

/**
 * A rehype plugin that turns GFM table alignment into a class, since the
 * `align` attribute is obsolete in HTML5 and the sanitiser drops styles.
 * Runs before the sanitiser, which keeps only these classes.
 */
export function rehypeAlignToClass() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties['align'];
      if (typeof align !== 'string') return;
      delete node.properties['align'];
      node.properties['className'] = [`align-${align}`];
    });
  };
}

/**
 * A rehype plugin, run after the sanitiser, that points in-body links such as
 * `#fn-1` at their prefixed targets (`#user-content-fn-1`): the sanitiser
 * prefixes ids so they cannot clash with the page's own, but not links.
 */
export function rehypeLinkPrefixedIds() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = `${CLOBBER_PREFIX}${href.slice(1)}`;
      if (ids.has(target)) node.properties['href'] = `#${target}`;
    });
  };
}

/**
 * A rehype plugin, run after the sanitiser, that mends what its removals
 * leave and what the schema cannot express, so that the body stays valid
 * HTML whatever was written:
 *
 * - an image whose source was removed (a `javascript:` or `data:` URL)
 *   becomes its alt text; an image with no alt gets an empty one; a link
 *   with nothing in it (what is left of links nested in links) goes;
 * - a `lang` or `hreflang` that names no language there is (`zz`) is
 *   removed, and so is an `aria-describedby` that names no id in the body;
 * - a URL that does not parse is removed (a link keeps its text), one with
 *   credentials (`https://user:pass@…`) loses them, so that they are never
 *   published, and characters a URL may not hold are percent-encoded;
 * - a `datetime` that is not a date HTML reads is removed, and a `<time>`
 *   left without one is unwrapped;
 * - content a list may not hold directly (text, a paragraph) is put into a
 *   list item, and a definition list that is not terms then descriptions
 *   becomes plain blocks.
 */
export function rehypeMendSanitized() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
    });
    visit(tree, 'element', (node, index, parent) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value !== 'string') continue;
        const mended = mendUrl(value);
        if (mended === undefined) delete node.properties[name];
        else node.properties[name] = mended;
      }
      for (const name of ['lang', 'hrefLang']) {
        const tag = node.properties[name];
        if (typeof tag === 'string' && !isKnownLanguageTag(tag)) delete node.properties[name];
      }
      const describedBy = node.properties['ariaDescribedBy'];
      if (Array.isArray(describedBy)) {
        const known = describedBy.filter((id) => ids.has(String(id)));
        if (known.length) node.properties['ariaDescribedBy'] = known;
        else delete node.properties['ariaDescribedBy'];
      }
      const datetime = node.properties['dateTime'];
      if (typeof datetime === 'string' && !isHtmlDatetime(datetime, node.tagName === 'time')) {
        delete node.properties['dateTime'];
      }
      if (!parent || index === undefined) return;
      if (node.tagName === 'img') return mendImage(node, index, parent);
      if (node.tagName === 'a' && node.children.length === 0) {
        parent.children.splice(index, 1);
        return index;
      }
      if (node.tagName === 'time' && node.properties['dateTime'] === undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      if (node.tagName === 'ul' || node.tagName === 'ol') wrapListContent(node);
      if (node.tagName === 'dl' && !isDefinitionList(node)) {
        node.tagName = 'div';
        for (const child of node.children) {
          if (child.type === 'element' && (child.tagName === 'dt' || child.tagName === 'dd')) {
            child.tagName = 'div';
          }
        }
      }
      return undefined;
    });
  };
}

/** The properties that hold a URL after the sanitiser. */
const URL_PROPERTIES = ['href', 'src', 'cite'];

/** Characters a URL may hold as they are: the rest are percent-encoded. */
const URL_CHARACTERS = /[^\w\-.~:/?#[\]@!$&'()*+,;=%]|%(?![\da-f]{2})/giu;

/** A UTF-16 surrogate without its pair, which no URL can encode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A URL as it may stand in the page, or `undefined` when it has a scheme
 * but does not parse (`http://`, a space in the host). One with a scheme is
 * kept as written unless it must change: written as the URL standard
 * serialises it when it holds credentials (removed) or characters a URL may
 * not hold; a relative one has those characters percent-encoded.
 */
function mendUrl(value: string): string | undefined {
  const trimmed = value.trim().replace(LONE_SURROGATE, '\uFFFD');
  const encode = (url: string) => url.replace(URL_CHARACTERS, (char) => encodeURIComponent(char));
  if (!/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return encode(trimmed);
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if (url.username === '' && url.password === '' && encode(trimmed) === trimmed) return trimmed;
  url.username = '';
  url.password = '';
  // The standard's serialisation leaves some characters HTML's URL rules refuse (`|`, `^`).
  return encode(url.href);
}

/**
 * Replaces an image that lost its source with its alt text, and gives one
 * without alt text an empty one (HTML requires the attribute).
 */
function mendImage(node: Element, index: number, parent: Root | Element): number | undefined {
  const alt = node.properties['alt'];
  if (typeof node.properties['src'] !== 'string' || node.properties['src'] === '') {
    const text = typeof alt === 'string' ? alt : '';
    parent.children.splice(index, 1, ...(text ? [{ type: 'text' as const, value: text }] : []));
    return index;
  }
  if (typeof alt !== 'string') node.properties['alt'] = '';
  return undefined;
}

/** Puts each run of what a list may not hold directly (text, other elements) into an item of its own. */
function wrapListContent(list: Element): void {
  const children: ElementContent[] = [];
  let loose: ElementContent[] = [];
  const flush = () => {
    if (loose.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
      children.push({ type: 'element', tagName: 'li', properties: {}, children: loose });
    } else {
      children.push(...loose);
    }
    loose = [];
  };
  for (const child of list.children) {
    if (child.type === 'element' && child.tagName === 'li') {
      flush();
      children.push(child);
    } else if (child.type !== 'comment') {
      loose.push(child);
    }
  }
  flush();
  list.children = children;
}

/** Whether a `<dl>` holds groups of terms then descriptions, and nothing else but white space. */
function isDefinitionList(list: Element): boolean {
  const names = list.children
    .filter((child) => child.type !== 'text' || child.value.trim() !== '')
    .filter((child) => child.type !== 'comment')
    .map((child) => (child.type === 'element' ? child.tagName : '#text'));
  return /^(?:(?:dt )+(?:dd )+)*$/.test(names.map((name) => `${name} `).join(''));
}

/**
 * Whether HTML reads `value` as a date for `datetime`: a day (`2026-05-22`),
 * optionally with a time and an offset; a `<time>` also takes a month, a
 * year or a time alone. The day must exist.
 */
function isHtmlDatetime(value: string, isTime: boolean): boolean {
  const match =
    /^(\d{4,})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && validTimes(value);
  }
  return (
    isTime &&
    /^(?:\d{4,}(?:-(?:0[1-9]|1[0-2]))?|(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)$/.test(value)
  );
}

/** Whether the hours, minutes and offset in a date-time are in range. */
function validTimes(value: string): boolean {
  const time = /[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  const offset = /[+-](\d{2}):?(\d{2})$/.exec(value.slice(10));
  const inRange = (text: string | undefined, max: number) =>
    text === undefined || Number(text) <= max;
  return (
    (!time || (inRange(time[1], 23) && inRange(time[2], 59) && inRange(time[3], 59))) &&
    (!offset || (inRange(offset[1], 23) && inRange(offset[2], 59)))
  );
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Whether a `lang` value names a language (and script and region) that
 * exist, as the HTML checker requires (`zz` does not): ICU's names stand
 * in for the language subtag registry.
 */
function isKnownLanguageTag(tag: string): boolean {
  const [, language, script, region] = LANGUAGE_TAG.exec(tag) ?? [];
  return (
    language !== undefined &&
    languageNames.of(language) !== undefined &&
    (script === undefined || scriptNames.of(script) !== undefined) &&
    (region === undefined || regionNames.of(region) !== undefined)
  );
}
