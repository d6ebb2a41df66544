/**
 * The site's feeds as responses: what each feed is (its title, the page it
 * mirrors, its addresses in the formats it is offered in, its size and how
 * often readers should look again) and its items, written by the format's
 * writer. The site feed and each section's feed come in RSS, Atom and JSON
 * Feed; each format's endpoint is one line around these, and the three are
 * written from one list of items, so they cannot drift apart.
 */
import type { APIContext } from 'astro';
import type { Section } from '../lib/articles/schema.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import {
  FEED_FORMAT_ORDER,
  FEED_FORMATS,
  feedToResponse,
  type FeedLink,
} from '../lib/feeds/formats.ts';
import type { FeedChannel, FeedItem } from '../lib/feeds/model.ts';
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
import { getArticles, getSiteIndex } from './articles.ts';
import { articleToFeedItem } from './feed-items.ts';
import { feedPublisher } from './feed-publisher.ts';
import { getPageKeys, sectionFeedKey } from './page-keys.ts';
import { pageProps } from './page-props.ts';
import { publicBase } from './public-base.ts';

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

export { feedPublisher };

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

/** The site feed in one format. */
export async function siteFeedResponse(format: FeedFormat, context: APIContext): Promise<Response> {
  const base = publicBase(context.site);
  const articles = (await getArticles()).slice(0, siteSettings.feedSize);
  const items = await Promise.all(articles.map((article) => articleToFeedItem(article, base)));
  return feedResponse(format, items, siteFeedSpec(), base);
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

/** Props of a section feed's route. */
export interface SectionFeedProps {
  section: Section;
  /** The section's newest articles, at most a feed's worth. */
  articles: StoredArticle[];
}

/**
 * One path per section that has articles in this build, for each format's
 * route, keyed by what the feed holds, so that a publish writes again only
 * the feeds of the sections whose stories changed.
 */
export async function sectionFeedRoutes() {
  const { sections } = await getSiteIndex();
  const keys = await getPageKeys();
  return sections.map(({ section, articles }) => {
    const newest = articles.slice(0, siteSettings.feedSize);
    return {
      params: { section: section.slug },
      props: { section, articles: newest } satisfies SectionFeedProps,
      cacheKey: sectionFeedKey(keys, section, newest),
    };
  });
}

/** A section's feed in one format. */
export async function sectionFeedResponse(
  format: FeedFormat,
  context: APIContext<SectionFeedProps>,
): Promise<Response> {
  const { section, articles } = pageProps(context);
  const base = publicBase(context.site);
  const items = await Promise.all(articles.map((article) => articleToFeedItem(article, base)));
  return feedResponse(format, items, sectionFeedSpec(section), base);
}

function siteImageToFeed(image: SiteImage, base: URL) {
  return { url: pathToUrl(image.path, base), width: image.width, height: image.height };
}
