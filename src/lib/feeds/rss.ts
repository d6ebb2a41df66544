/**
 * `buildRss(items, channel)`: an RSS 2.0 document as a string. Pure, so the
 * endpoints that serve it stay thin and the XML can be tested on its own.
 *
 * Items carry the full text (`content:encoded`), the credit (`dc:creator`,
 * one per author, else the source), the lead image (`media:content`) and a
 * self link (`atom:link`), the extensions feed readers look for; the channel
 * carries the site's icon (`<image>`) and a `<ttl>`.
 * See https://www.rssboard.org/rss-specification.
 *
 * Every field is text but two: an item's `description` and
 * `content:encoded` are HTML to feed readers, so the plain-text standfirst
 * is made HTML (`textToHtml`) before it is escaped as XML, and reads back
 * as the text it is, markup-like words included. Titles, categories and
 * creators are plain text, escaped once, as the RSS Best Practices Profile
 * has them.
 */
import { instantToWallClock, monthName, offsetToDigits, pad } from '../dates.ts';
import { textToHtml, xmlAttributes, xmlElement } from '../xml.ts';
import {
  itemsToKeep,
  itemsToLatestChange,
  itemToCategories,
  type FeedChannel,
  type FeedItem,
  type FeedSiteImage,
  type Moment,
} from './model.ts';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/** RSS 2.0's largest channel image, in pixels. */
const RSS_IMAGE_MAX = { width: 144, height: 400 };

/**
 * Builds an RSS 2.0 document: the newest `channel.limit` items, newest first.
 * `lastBuildDate` is the latest publication or update among them, so an
 * unchanged feed is byte-for-byte the same on every build.
 */
export function buildRss(items: readonly FeedItem[], channel: FeedChannel): string {
  const kept = itemsToKeep(items, channel.limit);
  const latest = itemsToLatestChange(kept);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0"${xmlAttributes(NAMESPACES)}>`,
    '<channel>',
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    xmlElement('description', channel.description),
    xmlElement('language', channel.language),
    ...(latest ? [xmlElement('lastBuildDate', instantToRfc822(latest))] : []),
    xmlElement('ttl', String(channel.ttlMinutes)),
    channelImage(channel),
    `<atom:link${xmlAttributes({ href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...kept.map(itemToXml),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The channel's `<image>`: the site's icon, linking to the page the feed
 * mirrors, with the feed's title as its text (the specification asks for
 * the channel's own). RSS 2.0 allows at most 144 × 400 pixels, so the size
 * given is the icon's scaled down to fit, the size at which readers draw it.
 */
function channelImage(channel: FeedChannel): string {
  const { width, height } = fitWithin(channel.icon, RSS_IMAGE_MAX);
  return [
    '<image>',
    xmlElement('url', channel.icon.url),
    xmlElement('title', channel.title),
    xmlElement('link', channel.link),
    xmlElement('width', String(width)),
    xmlElement('height', String(height)),
    '</image>',
  ].join('');
}

/** A size scaled down, keeping its proportions, to fit within a box; whole pixels. */
function fitWithin(
  size: Pick<FeedSiteImage, 'width' | 'height'>,
  box: { width: number; height: number },
): { width: number; height: number } {
  const scale = Math.min(1, box.width / size.width, box.height / size.height);
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale)),
  };
}

function itemToXml(item: FeedItem): string {
  const parts = [
    xmlElement('title', item.title),
    xmlElement('link', item.link),
    xmlElement('guid', item.link, { isPermaLink: 'true' }),
    xmlElement('pubDate', instantToRfc822(item.published)),
    xmlElement('description', textToHtml(item.description)),
    ...itemToCategories(item).map((category) => xmlElement('category', category)),
    ...item.authors.map((author) => xmlElement('dc:creator', author.name)),
    ...(item.contentHtml === undefined ? [] : [xmlElement('content:encoded', item.contentHtml)]),
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
