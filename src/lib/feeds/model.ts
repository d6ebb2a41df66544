/**
 * What a feed holds, whatever format it is written in: its items and its
 * channel. The RSS, Atom and JSON Feed writers (`rss.ts`, `atom.ts`,
 * `json-feed.ts`) read one list of items and one channel through the
 * helpers here, which choose the items a feed keeps, their order and the
 * feed's date, so that the formats of one feed cannot drift apart. Pure.
 */
import { instantToWallClock, offsetToDigits, pad } from '../dates.ts';
import type { Instant } from '../instant.ts';

/** A moment with the offset it is to be written in. */
export type Moment = Pick<Instant, 'epochMs' | 'offsetMinutes'>;

/** The lead image of an item, with a URL a feed reader can fetch. */
export interface FeedImage {
  /** Absolute URL. */
  url: string;
  /** Text that says what the image shows. */
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  /** MIME type, when known. @example image/webp */
  type?: string | undefined;
}

/** Whom an item is credited to: an author, or the agency when no author is named. */
export interface FeedPerson {
  name: string;
  /** Absolute URL of the page of their stories, when there is one. */
  url?: string | undefined;
}

/** One story (or one correction) in a feed. */
export interface FeedItem {
  /** Plain-text headline. */
  title: string;
  /** Absolute permalink; also the item's identity (`guid`, `id`). */
  link: string;
  /** When it was published, in the offset it was written in. */
  published: Moment;
  /** When it last changed in substance, if it did. */
  updated?: Moment | undefined;
  /** Plain-text standfirst. */
  description: string;
  /**
   * The full text as HTML, every URL absolute, as the story page reads: the
   * lead image, the dateline and body, the credit and the corrections and
   * updates (see `full-text.ts`). Left out in feeds of standfirsts only (a
   * topic's, an author's).
   */
  contentHtml?: string | undefined;
  /** Section first, then the story's kind (any but news), then tags; repeats are written once. */
  categories: readonly string[];
  /** The story's authors; else its source; else nobody. */
  authors: readonly FeedPerson[];
  image?: FeedImage | undefined;
}

/** One of the site's own images, by absolute URL and size in pixels. */
export interface FeedSiteImage {
  url: string;
  width: number;
  height: number;
}

/** The feed as a whole. */
export interface FeedChannel {
  title: string;
  /** Absolute URL of the page the feed mirrors. */
  link: string;
  description: string;
  /** BCP 47 language. @example en */
  language: string;
  /** Absolute URL of this feed document itself (its `self` link). */
  selfUrl: string;
  /** The most items the feed holds: the newest ones are kept. */
  limit: number;
  /**
   * How many minutes a reader may keep the feed before asking again
   * (RSS `<ttl>`; Atom and JSON Feed have no such field).
   */
  ttlMinutes: number;
  /** The site's square icon. */
  icon: FeedSiteImage;
  /** The site's wide logo. */
  logo: FeedSiteImage;
  /** Who publishes the feed: Atom asks for an author of the feed as a whole. */
  publisher: FeedPerson;
}

/**
 * The items a feed keeps: the newest `limit`, newest first (items published
 * at the same moment keep their given order).
 */
export function itemsToKeep(items: readonly FeedItem[], limit: number): FeedItem[] {
  return [...items]
    .sort((a, b) => b.published.epochMs - a.published.epochMs)
    .slice(0, Math.max(0, limit));
}

/** When an item last changed: its update, else its publication. */
export function itemToChanged(item: FeedItem): Moment {
  return item.updated ?? item.published;
}

/**
 * The feed's date: the latest publication or update among its items, so
 * that a feed whose items did not change is byte for byte the same on every
 * build; undefined for a feed without items.
 */
export function itemsToLatestChange(items: readonly FeedItem[]): Moment | undefined {
  return items.reduce<Moment | undefined>((found, item) => {
    const changed = itemToChanged(item);
    return !found || changed.epochMs > found.epochMs ? changed : found;
  }, undefined);
}

/** The item's categories, each once, in their order. */
export function itemToCategories(item: FeedItem): string[] {
  return [...new Set(item.categories)];
}

/**
 * An RFC 3339 date-time in the offset the moment was written in, to the
 * second as RSS's dates are, so that every format of a feed names the same
 * moment. Atom and JSON Feed write dates so.
 *
 * @example instantToRfc3339(parseInstant('2019-05-22T08:36:00.5+03:00')) // '2019-05-22T08:36:00+03:00'
 */
export function instantToRfc3339(moment: Moment): string {
  const { year, month, day, hour, minute, second } = instantToWallClock(moment);
  return (
    `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` +
    `T${pad(hour)}:${pad(minute)}:${pad(second)}${offsetToDigits(moment.offsetMinutes, ':')}`
  );
}
