/**
 * What each feed of the site is, whatever its format: its title, the page
 * it mirrors, its address in each format it is offered in, its size and how
 * often readers should look again; its channel in a format, its response,
 * and the `<link rel="alternate">` tags that offer it.
 *
 * This module reads no article's body or image, so that the pages that
 * offer feeds and the light feeds of topics, authors, sources and
 * corrections do not depend on the image pipeline: the lead images a build
 * holds are part of that code as Astro sees it, and a change to them would
 * otherwise mark every such page as changed for the incremental build. The
 * full feeds' items are made in `feeds.ts`.
 */
import {
  FEED_FORMAT_ORDER,
  FEED_FORMATS,
  feedToResponse,
  type FeedLink,
} from '../lib/feeds/formats.ts';
import type { FeedChannel, FeedItem } from '../lib/feeds/model.ts';
import type { Section } from '../lib/articles/schema.ts';
import { sectionToFeedText, type FeedText } from '../lib/section-feed.ts';
import { SITE_ICON, SITE_LOGO, type SiteImage } from '../lib/site-images.ts';
import {
  pathToUrl,
  sectionFeedPath,
  sectionToPath,
  siteFeedPath,
  type FeedFormat,
} from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { feedPublisher } from './feed-publisher.ts';

/**
 * How long a reader may keep the site's and the sections' feeds before
 * asking again (RSS `<ttl>`, in minutes). A wire files around the clock and
 * a reader who follows the news expects a story within minutes, so a
 * quarter of an hour: shorter would add requests without news (most readers
 * poll every 15 to 60 minutes anyway, and a static file answers a repeated
 * request cheaply with 304 Not Modified).
 */
export const NEWS_FEED_TTL_MINUTES = 15;

/**
 * The same for the feeds of topics, authors, sources and corrections: an
 * hour. They change only when one of their stories does, there may be
 * thousands of them, and their followers read them at leisure.
 */
export const LIST_FEED_TTL_MINUTES = 60;

/** What a feed is, whatever its format. */
export interface FeedSpec {
  text: FeedText;
  /** Site path of the page the feed mirrors. */
  pagePath: string;
  /** Site path of the feed in each format it is offered in. */
  paths: Partial<Record<FeedFormat, string>>;
  /** The most items it holds. */
  limit: number;
  ttlMinutes: number;
}

/** The channel of a feed in one of its formats, every URL absolute. */
export function specToChannel(spec: FeedSpec, format: FeedFormat, base: URL): FeedChannel {
  const selfPath = spec.paths[format];
  if (!selfPath) {
    throw new Error(
      `The feed "${spec.text.title}" is not offered as ${FEED_FORMATS[format].name}.`,
    );
  }
  return {
    title: spec.text.title,
    link: pathToUrl(spec.pagePath, base),
    description: spec.text.description,
    language: siteSettings.language,
    selfUrl: pathToUrl(selfPath, base),
    limit: spec.limit,
    ttlMinutes: spec.ttlMinutes,
    icon: siteImageToFeed(SITE_ICON, base),
    logo: siteImageToFeed(SITE_LOGO, base),
    publisher: feedPublisher(base),
  };
}

/** The `<link rel="alternate">` tags that offer a feed: one per format, RSS first. */
export function specToFeedLinks(spec: FeedSpec): FeedLink[] {
  return FEED_FORMAT_ORDER.flatMap((format) => {
    const path = spec.paths[format];
    return path ? [{ title: spec.text.title, path, format }] : [];
  });
}

/** A feed in one format, as the response its endpoint sends. */
export function feedResponse(
  format: FeedFormat,
  items: readonly FeedItem[],
  spec: FeedSpec,
  base: URL,
): Response {
  const body = FEED_FORMATS[format].build(items, specToChannel(spec, format, base));
  return feedToResponse(format, body);
}

/** Each format's address of the site feed. */
export const SITE_FEED_PATHS: Readonly<Record<FeedFormat, string>> = {
  rss: siteFeedPath('rss'),
  atom: siteFeedPath('atom'),
  json: siteFeedPath('json'),
};

/** The site feed: the newest stories of every section, full text. */
export function siteFeedSpec(): FeedSpec {
  return {
    text: { title: siteSettings.title, description: siteSettings.description },
    pagePath: '/',
    paths: SITE_FEED_PATHS,
    limit: siteSettings.feedSize,
    ttlMinutes: NEWS_FEED_TTL_MINUTES,
  };
}

/** Each format's address of a section's feed. */
export function sectionFeedPaths(sectionSlug: string): Record<FeedFormat, string> {
  return {
    rss: sectionFeedPath(sectionSlug, 'rss'),
    atom: sectionFeedPath(sectionSlug, 'atom'),
    json: sectionFeedPath(sectionSlug, 'json'),
  };
}

/** A section's feed: its newest stories, full text. */
export function sectionFeedSpec(section: Pick<Section, 'name' | 'slug'>): FeedSpec {
  return {
    text: sectionToFeedText(section, siteSettings.title),
    pagePath: sectionToPath(section.slug),
    paths: sectionFeedPaths(section.slug),
    limit: siteSettings.feedSize,
    ttlMinutes: NEWS_FEED_TTL_MINUTES,
  };
}

function siteImageToFeed(image: SiteImage, base: URL) {
  return { url: pathToUrl(image.path, base), width: image.width, height: image.height };
}
