/**
 * Feeds as readers read them: each document parsed by widely used feed
 * reader libraries, and each item reduced to the facts every format carries
 * (identity, link, headline, dates, standfirst, full text, categories,
 * credit, image), so that one feed's formats, and one format in two
 * libraries, can be compared item by item.
 *
 * - @rowanmanning/feed-parser reads RSS and Atom.
 * - feedsmith reads RSS, Atom and JSON Feed.
 * - @extractus/feed-extractor reads all three into a few normalised fields
 *   (identity, link, headline, date), a third opinion on those.
 */
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import type { FeedFormat } from '../../src/lib/urls.ts';

/** What a reader shows of an item. */
export interface ItemFacts {
  id: string | undefined;
  url: string | undefined;
  title: string | undefined;
  /** Epoch milliseconds. */
  published: number | undefined;
  /** The standfirst as text. */
  description: string | undefined;
  /** The full text as HTML; undefined in a feed of standfirsts. */
  content: string | undefined;
  categories: string[];
  authors: string[];
  image: string | undefined;
}

/** What every reader of an item agrees on, from the third library: identity, link, headline. */
export interface CoreFacts {
  id: string | undefined;
  url: string | undefined;
  title: string | undefined;
}

/**
 * Items with their full text as HTML that means the same to a browser,
 * whichever way a library gives it back: @rowanmanning/feed-parser
 * re-serialises the HTML, giving `&amp;`, `&#x26;` and `&apos;` as `&` and
 * `'`, where another library gives the text as the feed holds it. Only `&`,
 * `'` and `"` are unified, since those never turn text into markup, so a
 * `&lt;b&gt;` read as `<b>` still differs.
 */
export function comparableContent(items: readonly ItemFacts[]): ItemFacts[] {
  return items.map((item) => ({
    ...item,
    content: item.content
      ?.replace(/&(?:amp|#x0*26|#0*38);/gi, '&')
      .replace(/&(?:apos|#x0*27|#0*39);/gi, "'")
      .replace(/&(?:quot|#x0*22|#0*34);/gi, '"'),
  }));
}

/** The items of a feed as @rowanmanning/feed-parser reads them (RSS and Atom). */
export function readWithRowanmanning(document: string): ItemFacts[] {
  return rowanmanningParse(document).items.map((item) => ({
    id: item.id ?? undefined,
    url: item.url ?? undefined,
    title: item.title ?? undefined,
    published: item.published?.getTime(),
    description: item.description ?? undefined,
    content: item.content ?? undefined,
    categories: item.categories.map((category) => category.term),
    authors: item.authors.map((author) => author.name ?? ''),
    image: item.media.find((media) => media.type === 'image')?.url ?? undefined,
  }));
}

/** The items of a feed as feedsmith reads them, in the format it detects. */
export function readWithFeedsmith(document: string): ItemFacts[] {
  const parsed = feedsmithParse(document);
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.guid?.value,
        url: item.link,
        title: item.title,
        published: item.pubDate ? Date.parse(item.pubDate) : undefined,
        // RSS's description is HTML: what a reader shows is its text.
        description: item.description === undefined ? undefined : htmlToText(item.description),
        content: item.content?.encoded,
        categories: (item.categories ?? []).map((category) => category.name ?? ''),
        authors: item.dc?.creators ?? [],
        image: item.media?.contents?.find((media) => media.medium === 'image')?.url,
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => ({
        id: entry.id,
        url: entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href,
        title: entry.title?.value,
        published: entry.published ? Date.parse(entry.published) : undefined,
        description: entry.summary?.value,
        content: entry.content?.value,
        categories: (entry.categories ?? []).map((category) => category.term ?? ''),
        authors: (entry.authors ?? []).map((author) => author.name ?? ''),
        image: entry.media?.contents?.find((media) => media.medium === 'image')?.url,
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        published: item.date_published ? Date.parse(item.date_published) : undefined,
        description: item.summary,
        content: item.content_html,
        categories: item.tags ?? [],
        authors: (item.authors ?? []).map((author) => author.name ?? ''),
        image: item.image,
      }));
    default:
      throw new Error(`feedsmith read the feed as ${parsed.format}, not RSS, Atom or JSON Feed.`);
  }
}

/** Identity, link and headline of each item as @extractus/feed-extractor reads them. */
export function readWithExtractus(document: string, format: FeedFormat): CoreFacts[] {
  const options = { descriptionMaxLen: 0 };
  const feed =
    format === 'json'
      ? extractFromJson(JSON.parse(document), options)
      : extractFromXml(document, options);
  return (feed.entries ?? []).map((entry) => ({
    id: entry.id,
    url: entry.link,
    title: entry.title,
  }));
}

/** The text of a little HTML (a standfirst made HTML): tags dropped, the five entities decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
