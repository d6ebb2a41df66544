/**
 * The Markdown side of an article file: one parse into a syntax tree (with
 * the front matter as a `yaml` node), then the body into sanitised HTML and
 * plain text. The same HTML serves the page and the feeds.
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Yaml } from 'mdast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import {
  bodySanitizeSchema,
  rehypeAlignToClass,
  rehypeLinkPrefixedIds,
  rehypeShiftHeadings,
} from '../sanitize.ts';

const markdownParser = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const bodyToHtmlPipeline = unified()
  // The sanitiser prefixes ids (user-content-); remark-rehype must not as well.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeShiftHeadings)
  .use(rehypeAlignToClass)
  .use(rehypeSanitize, bodySanitizeSchema)
  .use(rehypeLinkPrefixedIds)
  .use(rehypeStringify)
  .freeze();

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
  const tree = markdownParser.parse(text);
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
  const firstParagraph = hast.children
    .filter((node) => node.type === 'element' && node.tagName === 'p')
    .map((node) => toText(node).trim())
    .find((paragraph) => paragraph !== '');
  return {
    html,
    text,
    firstParagraph: firstParagraph ?? text.split('\n')[0] ?? '',
    wordCount: countWords(text),
    images: localImages(hast),
  };
}

/**
 * The `src` of every image in the body that points at a file beside the
 * article rather than at a URL, in order, each once.
 */
function localImages(hast: HastRoot): string[] {
  const sources = new Set<string>();
  visit(hast, 'element', (node) => {
    const src = node.tagName === 'img' ? node.properties['src'] : undefined;
    if (typeof src === 'string' && isLocalPath(src)) sources.add(src);
  });
  return [...sources];
}

/** A relative path: no scheme, not site-absolute, not a fragment or query. */
function isLocalPath(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(url);
}

/** Counts words: runs of letters or digits, in any script. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
