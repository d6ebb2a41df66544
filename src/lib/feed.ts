/**
 * `buildRss(items, channel)`: an RSS 2.0 document as a string. Pure, so the
 * endpoints that serve it stay thin and the XML can be tested on its own.
 *
 * Items carry the full body (`content:encoded`, the story's corrections and
 * updates after it), authors (`dc:creator`), the lead image
 * (`media:content`, and as a figure atop the body) and a self link
 * (`atom:link`), the extensions feed readers look for.
 * See https://www.rssboard.org/rss-specification.
 *
 * Every field is text but two: an item's `description` and
 * `content:encoded` are HTML to feed readers, so the plain-text standfirst
 * is made HTML (`textToHtml`) before it is escaped as XML, and reads back
 * as the text it is, markup-like words included. Titles, categories and
 * creators are plain text, escaped once, as the RSS Best Practices Profile
 * has them.
 */
import { instantToWallClock, monthName, offsetToDigits, pad } from './dates.ts';
import type { Instant } from './instant.ts';
import { textToHtml, xmlAttributes, xmlElement } from './xml.ts';

/** A moment with the offset it is to be written in. */
type Moment = Pick<Instant, 'epochMs' | 'offsetMinutes'>;

/** The lead image of an item, with a URL a feed reader can fetch. */
export interface RssImage {
  /** Absolute URL. */
  url: string;
  /** Text that says what the image shows. */
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  /** MIME type, when known. @example image/webp */
  type?: string | undefined;
}

/** One story in a feed. */
export interface RssItem {
  /** Plain-text headline. */
  title: string;
  /** Absolute permalink; also the item's `guid`. */
  link: string;
  /** When it was published: `pubDate`, in the offset it was written in. */
  published: Moment;
  /** When it was last corrected, if it was. */
  updated?: Moment | undefined;
  /** Plain-text standfirst: the item's `description`, written as the HTML that shows it. */
  description: string;
  /**
   * The full body as HTML, every URL absolute: `content:encoded`. Left out
   * in feeds of standfirsts only (a topic's, an author's), which then have
   * no `content:encoded`.
   */
  contentHtml?: string | undefined;
  /** Section first, then the story's kind (any but news), then tags; repeats are written once. */
  categories: readonly string[];
  /** Authors' names, each a `dc:creator`. */
  creators: readonly string[];
  image?: RssImage | undefined;
}

/** The feed as a whole. */
export interface RssChannel {
  title: string;
  /** Absolute URL of the page the feed mirrors. */
  link: string;
  description: string;
  /** BCP 47 language. @example en */
  language: string;
  /** Absolute URL of the feed itself, for `atom:link rel="self"`. */
  selfUrl: string;
  /** The most items the feed holds: the newest ones are kept. */
  limit: number;
}

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/**
 * Builds an RSS 2.0 document: the newest `channel.limit` items, newest first
 * (items published at the same moment keep their given order).
 * `lastBuildDate` is the latest publication or correction among them, so an
 * unchanged feed is byte-for-byte the same on every build.
 */
export function buildRss(items: readonly RssItem[], channel: RssChannel): string {
  const kept = [...items]
    .sort((a, b) => b.published.epochMs - a.published.epochMs)
    .slice(0, Math.max(0, channel.limit));
  const latest = kept.reduce<Moment | undefined>((found, item) => {
    const changed = item.updated ?? item.published;
    return !found || changed.epochMs > found.epochMs ? changed : found;
  }, undefined);

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0"${xmlAttributes(NAMESPACES)}>`,
    '<channel>',
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    xmlElement('description', channel.description),
    xmlElement('language', channel.language),
    ...(latest ? [xmlElement('lastBuildDate', instantToRfc822(latest))] : []),
    `<atom:link${xmlAttributes({ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...kept.map(itemToXml),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

function itemToXml(item: RssItem): string {
  const parts = [
    xmlElement('title', item.title),
    xmlElement('link', item.link),
    xmlElement('guid', item.link, { isPermaLink: 'true' }),
    xmlElement('pubDate', instantToRfc822(item.published)),
    xmlElement('description', textToHtml(item.description)),
    ...unique(item.categories).map((category) => xmlElement('category', category)),
    ...item.creators.map((creator) => xmlElement('dc:creator', creator)),
    ...(item.contentHtml === undefined
      ? []
      : [xmlElement('content:encoded', imageToHtml(item.image) + item.contentHtml)]),
  ];
  if (item.image) {
    const attributes: Record<string, string> = { url: item.image.url, medium: 'image' };
    if (item.image.type) attributes['type'] = item.image.type;
    parts.push(
      `<media:content${xmlAttributes(attributes)}>${xmlElement('media:description', item.image.alt)}</media:content>`,
    );
  }
  return `<item>\n${parts.join('\n')}\n</item>`;
}

/** The lead image as a figure, so readers that ignore `media:content` show it too. */
function imageToHtml(image: RssImage | undefined): string {
  if (!image) return '';
  const caption = [image.caption, image.credit].filter(Boolean).join(' ');
  // Attribute-safe escaping is also text-safe, and this HTML is escaped again as XML.
  return (
    `<figure><img src="${textToHtml(image.url)}" alt="${textToHtml(image.alt)}">` +
    (caption ? `<figcaption>${textToHtml(caption)}</figcaption>` : '') +
    '</figure>'
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * An RFC 822 date-time (with a four-digit year, as RFC 1123 and every feed
 * reader expect), in the offset the moment was written in.
 *
 * @example instantToRfc822(parseInstant('2019-05-22T08:36:00+03:00')) // 'Wed, 22 May 2019 08:36:00 +0300'
 */
export function instantToRfc822(moment: Moment): string {
  const { year, month, day, weekday, hour, minute, second } = instantToWallClock(moment);
  // RFC 822's month names are the first three letters of the English ones.
  return (
    `${DAYS[weekday]}, ${pad(day)} ${monthName(month).slice(0, 3)} ${year} ` +
    `${pad(hour)}:${pad(minute)}:${pad(second)} ${offsetToDigits(moment.offsetMinutes, '')}`
  );
}
