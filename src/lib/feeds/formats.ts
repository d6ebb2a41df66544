/**
 * The feed formats the site writes, each with its writer, its media type
 * and its name for readers: one table, read by the feed endpoints, the
 * pages' `<link rel="alternate">` tags and the page that lists every feed,
 * so that a format's type cannot differ between a feed and its link.
 */
import type { FeedFormat } from '../urls.ts';
import { buildAtom } from './atom.ts';
import { buildJsonFeed } from './json-feed.ts';
import type { FeedChannel, FeedItem } from './model.ts';
import { buildRss } from './rss.ts';

/** A feed offered by a page with `<link rel="alternate">`. */
export interface FeedLink {
  /** The feed's own title, which a reader shows for it. */
  title: string;
  /** Site path, as `sectionFeedPath` makes it. */
  path: string;
  /** RSS when not given. */
  format?: FeedFormat | undefined;
}

/** What the site knows of a feed format. */
export interface FeedFormatInfo {
  /** Its name as readers know it. @example JSON Feed */
  name: string;
  /** The media type of its documents, for `<link type>` and the response. */
  mediaType: string;
  /** Writes a feed's items and channel in this format. */
  build(items: readonly FeedItem[], channel: FeedChannel): string;
}

/** Every format, RSS first: readers that take the first feed a page offers get RSS. */
export const FEED_FORMATS: Readonly<Record<FeedFormat, FeedFormatInfo>> = {
  rss: { name: 'RSS', mediaType: 'application/rss+xml', build: buildRss },
  atom: { name: 'Atom', mediaType: 'application/atom+xml', build: buildAtom },
  json: { name: 'JSON Feed', mediaType: 'application/feed+json', build: buildJsonFeed },
};

/** The formats in the order pages offer them. */
export const FEED_FORMAT_ORDER: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** A feed document as an HTTP response, with its media type. */
export function feedToResponse(format: FeedFormat, body: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': `${FEED_FORMATS[format].mediaType}; charset=utf-8` },
  });
}
