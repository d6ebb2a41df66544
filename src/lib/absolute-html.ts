/**
 * Body HTML for places that have no base URL of their own: a feed reader
 * shows an article's body away from its page, so `../other/` or `chart.svg`
 * would resolve against the feed, or nothing. Every URL attribute is resolved
 * against the article's own address instead, as the browser would on the page.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** hast property names that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'cite', 'poster', 'action', 'formAction', 'longDesc'];
/** hast property names that hold a `srcset` list of `url descriptor` pairs. */
const SRCSET_PROPERTIES = ['srcSet'];

/** A rehype plugin that makes every URL attribute absolute against `base`. */
export function rehypeAbsoluteUrls(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = resolveUrl(value, options.base);
      }
      for (const name of SRCSET_PROPERTIES) {
        const value = node.properties[name];
        // hast splits srcset at commas into an array of candidates.
        if (Array.isArray(value)) {
          node.properties[name] = value.map((candidate) =>
            resolveCandidate(String(candidate), options.base),
          );
        } else if (typeof value === 'string') {
          node.properties[name] = value
            .split(',')
            .map((candidate) => resolveCandidate(candidate, options.base))
            .join(', ');
        }
      }
    });
  };
}

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify).freeze();

/**
 * Rewrites every link and image URL in an HTML fragment to an absolute URL.
 *
 * @param html a fragment, such as an article's sanitised body
 * @param base the absolute URL the fragment's relative URLs are relative to:
 *   the article's own page
 * @example absolutizeHtml('<a href="../other/">x</a>', 'https://news.example/2024/01/10/a/')
 *   // '<a href="https://news.example/2024/01/other/">x</a>'
 */
export function absolutizeHtml(html: string, base: string): string {
  const tree = processor.parse(html);
  rehypeAbsoluteUrls({ base })(tree);
  return processor.stringify(tree);
}

/** Resolves a URL against `base`; text that is no URL at all is kept as it is. */
function resolveUrl(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value;
  }
}

/** Resolves one `srcset` candidate, `url [descriptor]`. */
function resolveCandidate(candidate: string, base: string): string {
  const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
  return [resolveUrl(url, base), ...descriptor].join(' ');
}
