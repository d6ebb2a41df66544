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
/** The sitemap index, which names the sitemaps. */
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

/** Each article's path and when it last changed (epoch milliseconds), for the sitemap's `lastmod`. */
export type Lastmods = ReadonlyMap<string, number>;

/**
 * Maps each article's path to when it last changed: `updated`, else `published`.
 *
 * @example articlesToLastmods(articles, 'Europe/Moscow') // Map { '/2024/01/10/first-story/' => 1704866400000 }
 */
export function articlesToLastmods(
  articles: Iterable<Pick<ArticleMeta, 'slug' | 'published' | 'updated'>>,
  timeZone: string,
): Map<string, number> {
  const lastmods = new Map<string, number>();
  for (const article of articles) {
    lastmods.set(articleToPath(article, timeZone), (article.updated ?? article.published).epochMs);
  }
  return lastmods;
}

/** Addresses that are pages but not content: never in a sitemap. */
const NOT_IN_SITEMAP = new Set(['/404/', '/404.html', '/500/', '/500.html', SEARCH_PATH]);

/** Whether a page belongs in the sitemap: not the error pages or search. */
export function isSitemapPage(path: string): boolean {
  return !NOT_IN_SITEMAP.has(path);
}

/** The sitemap protocol's namespace. */
const SITEMAP_XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** URLs in natural order ('page/2/' before 'page/10/'), as crawlers' reports list them. */
const urlOrder = new Intl.Collator('en', { numeric: true });

/**
 * The sitemap index (`sitemap-index.xml`) and its sitemaps (`sitemap-0.xml`,
 * `sitemap-1.xml`, …), by file name: every page but the error pages and
 * search, in natural URL order, {@link SITEMAP_MAX_URLS} to a file; articles
 * with their `lastmod`, and each sitemap in the index with its newest.
 * Pure and linear but for one sort, so that a publish can rewrite the
 * sitemaps of a large archive in well under a second.
 *
 * @param pagePaths site-relative paths of the built pages, e.g. `/2024/` or `/`
 */
export function buildSitemaps(
  pagePaths: Iterable<string>,
  lastmods: Lastmods,
  site: URL | string,
): Map<string, string> {
  const paths = [...new Set(pagePaths)].filter(isSitemapPage);
  const urls = paths.map((path) => ({ path, url: pathToUrl(path, site) }));
  urls.sort((a, b) => urlOrder.compare(a.url, b.url));
  const files = new Map<string, string>();
  const index: string[] = [];
  for (let first = 0, number = 0; first < urls.length; first += SITEMAP_MAX_URLS, number++) {
    const name = `sitemap-${number}.xml`;
    let newest: number | undefined;
    const entries = urls.slice(first, first + SITEMAP_MAX_URLS).map(({ path, url }) => {
      const lastmod = lastmods.get(path);
      if (lastmod === undefined) return `<url>${xmlElement('loc', url)}</url>`;
      if (newest === undefined || lastmod > newest) newest = lastmod;
      return `<url>${xmlElement('loc', url)}${xmlElement('lastmod', new Date(lastmod).toISOString())}</url>`;
    });
    files.set(
      name,
      `${XML_DECLARATION}<urlset xmlns="${SITEMAP_XMLNS}">${entries.join('')}</urlset>`,
    );
    const indexLastmod =
      newest === undefined ? '' : xmlElement('lastmod', new Date(newest).toISOString());
    index.push(
      `<sitemap>${xmlElement('loc', pathToUrl(`/${name}`, site))}${indexLastmod}</sitemap>`,
    );
  }
  files.set(
    SITEMAP_INDEX_PATH.slice(1),
    `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_XMLNS}">${index.join('')}</sitemapindex>`,
  );
  return files;
}

/** A `robots.txt` that lets every crawler in and names the sitemaps (absolute URLs). */
export function buildRobotsTxt(sitemapUrls: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join(
    '\n',
  );
}
