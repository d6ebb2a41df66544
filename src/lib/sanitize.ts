/**
 * What raw HTML in an article body may keep.
 *
 * Starts from GitHub's schema (rehype-sanitize's default) and tightens it for
 * a page that must pass the Nu HTML checker: no scripts, styles, iframes,
 * event handlers or `javascript:` URLs, and none of the presentational
 * attributes HTML5 made obsolete. Elements that are not allowed are unwrapped,
 * so their text stays; scripts, styles and iframes go with their content.
 */
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const REMOVED_TAGS = new Set(['input', 'tt', 'strike']);
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
const GLOBAL_ATTRIBUTES = ['dir', 'lang', 'title'];
const TABLE_CELL_ATTRIBUTES: NonNullable<SanitizeSchema['attributes']>[string] = [
  'colSpan',
  'rowSpan',
  'headers',
  'scope',
  'abbr',
  ['className', 'align-left', 'align-center', 'align-right'],
];

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
  attributes: {
    // Ids are kept (prefixed, see `clobber`) so that footnotes link up.
    '*': [...GLOBAL_ATTRIBUTES, 'id'],
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
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start', 'reversed'],
    q: ['cite'],
    td: TABLE_CELL_ATTRIBUTES,
    th: TABLE_CELL_ATTRIBUTES,
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
