/**
 * What crawlers read besides pages: the Google News sitemap, the `lastmod`
 * of each article for the sitemap index, and `robots.txt`. Pure: the
 * build's clock and the site's URL are passed in.
 */
import type { ArticleMeta } from './articles/schema.ts';
import { instantToWallClock, offsetToDigits, pad } from './dates.ts';
import type { Instant } from './instant.ts';
import { articleToPath, pathToUrl, SEARCH_PATH } from './urls.ts';
import { xmlAttributes, xmlElement } from './xml.ts';

/** How far back a news sitemap reaches: Google News reads the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Google News reads at most this many URLs from one news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1000;
/** The sitemap protocol's limit on URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** The sitemap index that @astrojs/sitemap writes. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';
/** The Google News sitemap. */
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

/** The fields of an article a news sitemap reads. */
export type NewsArticle = Pick<ArticleMeta, 'slug' | 'title' | 'published'>;

/** Settings of a news sitemap. */
export interface NewsSitemapOptions {
  /** The build's clock, epoch milliseconds: stories of the two days before it are listed. */
  now: number;
  /** The site's base URL. */
  site: URL | string;
  /** The site's IANA time zone, for article addresses. */
  timeZone: string;
  /** The publication's name, as Google News knows it. */
  publicationName: string;
  /** ISO 639 language code of the stories. @example en */
  language: string;
}

/**
 * The stories a news sitemap lists: published in the two days up to `now`,
 * newest first, at most {@link NEWS_SITEMAP_MAX_URLS}.
 */
export function selectNewsArticles<T extends NewsArticle>(
  articles: readonly T[],
  now: number,
): T[] {
  return articles
    .filter(
      (article) =>
        article.published.epochMs <= now && now - article.published.epochMs <= NEWS_WINDOW_MS,
    )
    .sort((a, b) => b.published.epochMs - a.published.epochMs)
    .slice(0, NEWS_SITEMAP_MAX_URLS);
}

/**
 * A Google News sitemap of the stories published in the two days before
 * `options.now`; a valid, empty `urlset` when there are none.
 * See https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap.
 */
export function buildNewsSitemap(
  articles: readonly NewsArticle[],
  options: NewsSitemapOptions,
): string {
  const urls = selectNewsArticles(articles, options.now).map((article) =>
    [
      '<url>',
      xmlElement('loc', pathToUrl(articleToPath(article, options.timeZone), options.site)),
      '<news:news>',
      '<news:publication>',
      xmlElement('news:name', options.publicationName),
      xmlElement('news:language', options.language),
      '</news:publication>',
      xmlElement('news:publication_date', instantToW3c(article.published)),
      xmlElement('news:title', article.title),
      '</news:news>',
      '</url>',
    ].join('\n'),
  );
  const namespaces = {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset${xmlAttributes(namespaces)}>`,
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * A W3C date-time (the profile of ISO 8601 that sitemaps use), with seconds,
 * in the offset the moment was written in.
 *
 * @example instantToW3c(parseInstant('2019-05-22T08:36:00.5+0300')) // '2019-05-22T08:36:00+03:00'
 */
export function instantToW3c(moment: Pick<Instant, 'epochMs' | 'offsetMinutes'>): string {
  const { year, month, day, hour, minute, second } = instantToWallClock(moment);
  const zone = moment.offsetMinutes === 0 ? 'Z' : offsetToDigits(moment.offsetMinutes, ':');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

/** Each article's address and when it last changed, for the sitemap's `lastmod`. */
export type Lastmods = Record<string, string>;

/**
 * Maps each article's path to its `lastmod`: `updated`, else `published`.
 *
 * @example articlesToLastmods(articles, 'Europe/Moscow') // { '/2024/01/10/first-story/': '2024-01-10T09:00:00+03:00' }
 */
export function articlesToLastmods(
  articles: readonly Pick<ArticleMeta, 'slug' | 'published' | 'updated'>[],
  timeZone: string,
): Lastmods {
  const lastmods: Lastmods = {};
  for (const article of articles) {
    lastmods[articleToPath(article, timeZone)] = instantToW3c(article.updated ?? article.published);
  }
  return lastmods;
}

/**
 * A sitemap entry with its `lastmod` when `lastmods` knows its path; other
 * pages (fronts, archives) are returned as they are.
 */
export function addLastmod<T extends { url: string; lastmod?: string | undefined }>(
  item: T,
  lastmods: Readonly<Lastmods>,
): T {
  const lastmod = lastmods[new URL(item.url).pathname];
  return lastmod ? { ...item, lastmod } : item;
}

/** Addresses that are pages but not content: never in a sitemap. */
const NOT_IN_SITEMAP = new Set(['/404/', '/404.html', '/500/', '/500.html', SEARCH_PATH]);

/** Whether a built page belongs in the sitemap: not the error pages or search. */
export function isSitemapPage(url: string): boolean {
  return !NOT_IN_SITEMAP.has(new URL(url).pathname);
}

/** A `robots.txt` that lets every crawler in and names the sitemaps (absolute URLs). */
export function buildRobotsTxt(sitemapUrls: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join(
    '\n',
  );
}
