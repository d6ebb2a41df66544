/**
 * The Markdown side of an article file: one parse into a syntax tree (with
 * the front matter as a `yaml` node), then the body into sanitised HTML and
 * plain text. The same HTML serves the page and the feeds.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Yaml } from 'mdast';
import { raw } from 'hast-util-raw';
import { toText } from 'hast-util-to-text';
import { EXIT, visit } from 'unist-util-visit';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import {
  bodySanitizeSchema,
  rehypeAlignToClass,
  rehypeLinkPrefixedIds,
  rehypeMendSanitized,
  rehypeShiftHeadings,
} from '../sanitize.ts';
import { isLocalImageUrl } from './images.ts';

/**
 * GitHub's extensions to CommonMark, as remark-gfm adds them and in its
 * order, each with a test that holds for any text in which it could apply.
 * A file is parsed without the extensions that cannot apply to it: micromark
 * tries them at every line or word, and the table extension alone costs
 * about 0.6 ms of an 800-word story's parse.
 */
const GFM_EXTENSIONS = [
  {
    // www. and http(s):// links, and e-mail addresses (mailto: and xmpp: ones included).
    syntax: gfmAutolinkLiteral(),
    tree: gfmAutolinkLiteralFromMarkdown(),
    mayApply: (text: string) => /@|www\.|https?:/i.test(text),
  },
  {
    syntax: gfmFootnote(),
    tree: gfmFootnoteFromMarkdown(),
    mayApply: (text: string) => text.includes('[^'),
  },
  {
    syntax: gfmStrikethrough(),
    tree: gfmStrikethroughFromMarkdown(),
    mayApply: (text: string) => text.includes('~'),
  },
  {
    // A one-column table needs no pipe when its delimiter row has a colon: "a\n:-".
    syntax: gfmTable(),
    tree: gfmTableFromMarkdown(),
    mayApply: (text: string) => /\||:-|-:/.test(text),
  },
  {
    syntax: gfmTaskListItem(),
    tree: gfmTaskListItemFromMarkdown(),
    mayApply: (text: string) => /\[[\sxX]\]/.test(text),
  },
];

/** A parser for each set of extensions in use, by a bit mask over `GFM_EXTENSIONS`. */
const parsers = new Map<number, ReturnType<typeof createParser>>();

function createParser(mask: number) {
  const used = GFM_EXTENSIONS.filter((_, index) => mask & (1 << index));
  return remark()
    .use(remarkFrontmatter, ['yaml'])
    .use(function addGfmExtensions() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...used.map((extension) => extension.syntax));
      (data.fromMarkdownExtensions ??= []).push(...used.map((extension) => extension.tree));
    })
    .freeze();
}

/** The parser for `text`: CommonMark, front matter, and the GFM extensions that may apply. */
function parserFor(text: string) {
  let mask = 0;
  for (const [index, extension] of GFM_EXTENSIONS.entries()) {
    if (extension.mayApply(text)) mask |= 1 << index;
  }
  let parser = parsers.get(mask);
  if (!parser) parsers.set(mask, (parser = createParser(mask)));
  return parser;
}

const bodyToHtmlPipeline = unified()
  // The sanitiser prefixes ids (user-content-); remark-rehype must not as well.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawWhenPresent)
  .use(rehypeShiftHeadings)
  .use(rehypeAlignToClass)
  .use(rehypeSanitize, bodySanitizeSchema)
  .use(rehypeMendSanitized)
  .use(rehypeLinkPrefixedIds)
  .use(rehypeStringify)
  .freeze();

/**
 * Parses the body's raw HTML into the tree, as rehype-raw does, but only
 * when the body has some: re-parsing a whole tree through an HTML parser
 * costs about a millisecond a story, and most stories have none.
 */
function rehypeRawWhenPresent() {
  return (tree: HastRoot): HastRoot => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? (raw(tree) as HastRoot) : tree;
  };
}

/** What an article body yields. */
export interface RenderedBody {
  html: string;
  text: string;
  firstParagraph: string;
  wordCount: number;
  /** Local images the body shows, as written (`./chart.svg`, `img/map.png`). */
  images: string[];
}

/** A Markdown file split into its front matter node and its body tree. */
export interface SplitMarkdown {
  /** The front matter block, when the file opens with one. */
  frontMatter: Yaml | undefined;
  /** The rest of the document. */
  body: MdastRoot;
}

/** Parses Markdown (CommonMark + GFM) with YAML front matter. */
export function parseMarkdown(text: string): SplitMarkdown {
  const tree = parserFor(text).parse(text);
  const first = tree.children[0];
  const frontMatter = first?.type === 'yaml' ? first : undefined;
  const body: MdastRoot = {
    type: 'root',
    children: frontMatter ? tree.children.slice(1) : tree.children,
  };
  return { frontMatter, body };
}

/** Renders a body tree to sanitised HTML, plain text and counts. */
export function renderBody(body: MdastRoot): RenderedBody {
  const hast: HastRoot = bodyToHtmlPipeline.runSync(body);
  const html = bodyToHtmlPipeline.stringify(hast);
  const text = toText(hast).trim();
  // Taken after sanitising, so raw HTML never leaks into a derived summary.
  // A paragraph with no text (a lead photo) is no standfirst: skip it.
  const firstParagraph = firstParagraphText(hast);
  return {
    html,
    text,
    firstParagraph: firstParagraph ?? text.split('\n')[0] ?? '',
    wordCount: countWords(text),
    images: localImages(hast),
  };
}

/** The text of the first top-level paragraph that has any. */
function firstParagraphText(hast: HastRoot): string | undefined {
  for (const node of hast.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue;
    const text = toText(node).trim();
    if (text !== '') return text;
  }
  return undefined;
}

/**
 * The `src` of every image in the body that points at a file beside the
 * article rather than at a URL, in order, each once.
 */
function localImages(hast: HastRoot): string[] {
  const sources = new Set<string>();
  visit(hast, 'element', (node) => {
    const src = node.tagName === 'img' ? node.properties['src'] : undefined;
    if (typeof src === 'string' && isLocalImageUrl(src)) sources.add(src);
  });
  return [...sources];
}

/** Counts words: runs of letters or digits, in any script. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
