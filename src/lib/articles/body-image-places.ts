/**
 * Where a body's local images are written in the article file, found in the
 * Markdown syntax tree: the image node (or the definition a reference image
 * takes its path from), or the raw HTML node that holds the `<img>`.
 */
import type { Definition, Html, Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Place } from './problems.ts';

/** A node that writes an image's path. */
type ImageWriter = Image | Definition | Html;

/** A point in the file, as the tree gives it. */
type Point = NonNullable<ImageWriter['position']>['start'];

/**
 * The place of each image source, in the order given: where its path is
 * written in the first node, in document order, that writes it.
 *
 * @param body the body tree, with positions in `text`
 * @param text the text the tree was parsed from
 * @param sources the body's local image sources, as rendered (URL-encoded)
 */
export function placeBodyImages(body: Root, text: string, sources: readonly string[]): Place[] {
  if (sources.length === 0) return [];
  const referenced = new Set<string>();
  visit(body, 'imageReference', (node) => {
    referenced.add(node.identifier);
  });
  const writers: ImageWriter[] = [];
  visit(body, (node) => {
    if (
      node.type === 'image' ||
      (node.type === 'definition' && referenced.has(node.identifier)) ||
      (node.type === 'html' && /<img\b/i.test(node.value))
    ) {
      writers.push(node);
    }
  });
  return sources.map((src) => placeOfSource(writers, text, src));
}

/** Where a problem goes when nothing better is known. */
const FIRST_LINE: Place = { line: 1, column: 1 };

function placeOfSource(writers: readonly ImageWriter[], text: string, src: string): Place {
  // The tree says which node writes an image, not where in the node its
  // path sits: that is looked for in the node's own text.
  for (const node of writers) {
    if (node.type === 'html') {
      const place = placeWithin(text, node, src);
      if (place) return place;
    } else if (sameUrl(node.url, src)) {
      const start = node.position?.start;
      return (
        placeWithin(text, node, src) ??
        (start ? { line: start.line, column: start.column } : FIRST_LINE)
      );
    }
  }
  return FIRST_LINE;
}

/** The place of `src`, as rendered or as decoded, within the text of `node`. */
function placeWithin(text: string, node: ImageWriter, src: string): Place | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const written = text.slice(start.offset, end.offset);
  for (const form of new Set([src, safeDecodeUri(src)])) {
    const index = written.indexOf(form);
    if (index !== -1) return advance(start, written.slice(0, index));
  }
  return undefined;
}

/** The place reached from `start` after `passed`. */
function advance(start: Point, passed: string): Place {
  const lines = passed.split('\n');
  const last = lines.at(-1) ?? '';
  return lines.length === 1
    ? { line: start.line, column: start.column + last.length }
    : { line: start.line + lines.length - 1, column: last.length + 1 };
}

/** Whether a written URL renders as `src`, which the renderer percent-encodes. */
function sameUrl(url: string, src: string): boolean {
  return url === src || safeDecodeUri(url) === safeDecodeUri(src);
}

function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
