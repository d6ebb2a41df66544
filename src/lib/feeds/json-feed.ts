/**
 * `buildJsonFeed(items, channel)`: a JSON Feed 1.1 document as a string, the
 * same feed as `buildRss` and `buildAtom` write from the same items (see
 * `model.ts`). Pure.
 *
 * The standfirst is `summary` (plain text), the full text `content_html`; a
 * feed of standfirsts only gives the standfirst as `content_text`, since
 * every item must have content of one kind. Text is stripped of the
 * characters XML 1.0 forbids, as the XML formats are, so that each reads
 * the same in every format. JSON Feed has no date of the feed as a whole:
 * each item has its own, and the bytes change only when an item does.
 * See https://www.jsonfeed.org/version/1.1/.
 */
import { stripForbiddenXmlChars } from '../xml.ts';
import {
  instantToRfc3339,
  itemsToKeep,
  itemToCategories,
  type FeedChannel,
  type FeedItem,
  type FeedPerson,
} from './model.ts';

/** The version URL a JSON Feed 1.1 document starts with. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** A JSON Feed author: a name, and the page of their stories. */
interface JsonFeedAuthor {
  name: string;
  url?: string;
}

/** An item of a JSON Feed 1.1 document, as this site writes it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html?: string;
  content_text?: string;
  summary: string;
  image?: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
}

/** A JSON Feed 1.1 document, as this site writes it. */
export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

/** Builds a JSON Feed 1.1 document: the newest `channel.limit` items, newest first. */
export function buildJsonFeed(items: readonly FeedItem[], channel: FeedChannel): string {
  const feed: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: text(channel.title),
    home_page_url: channel.link,
    feed_url: channel.selfUrl,
    description: text(channel.description),
    // The one square image serves both: the icon at 512 px, and the favicon
    // that a list of feeds shows small (the format asks for 64 px or more).
    icon: channel.icon.url,
    favicon: channel.icon.url,
    language: channel.language,
    authors: [personToJson(channel.publisher)],
    items: itemsToKeep(items, channel.limit).map(itemToJson),
  };
  return `${JSON.stringify(feed)}\n`;
}

function itemToJson(item: FeedItem): JsonFeedItem {
  const tags = itemToCategories(item).map(text);
  return {
    id: item.link,
    url: item.link,
    title: text(item.title),
    ...(item.contentHtml === undefined
      ? { content_text: text(item.description) }
      : { content_html: text(item.contentHtml) }),
    summary: text(item.description),
    ...(item.image ? { image: item.image.url } : {}),
    date_published: instantToRfc3339(item.published),
    ...(item.updated ? { date_modified: instantToRfc3339(item.updated) } : {}),
    ...(item.authors.length ? { authors: item.authors.map(personToJson) } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

function personToJson(person: FeedPerson): JsonFeedAuthor {
  return { name: text(person.name), ...(person.url ? { url: person.url } : {}) };
}

function text(value: string): string {
  return stripForbiddenXmlChars(value);
}
