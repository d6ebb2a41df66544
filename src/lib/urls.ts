/**
 * The site's addresses, as the article contract lists them. Every page,
 * feed and sitemap builds its links here, so they cannot drift apart.
 */
import type { ArticleMeta } from './articles/schema.ts';
import { instantToDay, pad, type CalendarDay } from './dates.ts';

/** `/2019/05/22/naryshkin-svr-contacts/`: the day is the site zone's. */
export function articleToPath(
  article: Pick<ArticleMeta, 'slug' | 'published'>,
  timeZone: string,
): string {
  return `${dayToPath(instantToDay(article.published, timeZone))}${article.slug}/`;
}

/** The route parameters of a story's address: `{ year: '2019', month: '05', day: '22', slug }`. */
export function articleToParams(
  article: Pick<ArticleMeta, 'slug' | 'published'>,
  timeZone: string,
): DayParams & { slug: string } {
  return { ...dayToParams(instantToDay(article.published, timeZone)), slug: article.slug };
}

// Types rather than interfaces: Astro's route parameters are a record, and
// only a type alias is assignable to one.

/** The route parameters of a year's archive page. */
export type YearParams = { year: string };

/** The route parameters of a month's archive page; the month has two digits. */
export type MonthParams = YearParams & { month: string };

/** The route parameters of a day's archive page; month and day have two digits. */
export type DayParams = MonthParams & { day: string };

/** `{ year: '2019' }`. */
export function yearToParams(year: number): YearParams {
  return { year: String(year) };
}

/** `{ year: '2019', month: '05' }`. */
export function monthToParams(year: number, month: number): MonthParams {
  return { ...yearToParams(year), month: pad(month) };
}

/** `{ year: '2019', month: '05', day: '22' }`. */
export function dayToParams(day: CalendarDay): DayParams {
  return { ...monthToParams(day.year, day.month), day: pad(day.day) };
}

// The archive paths are made from the routes' parameters, so that a link and
// the page it points to cannot disagree.

/** `/2019/05/22/`. */
export function dayToPath(day: CalendarDay): string {
  const params = dayToParams(day);
  return `/${params.year}/${params.month}/${params.day}/`;
}

/** `/2019/05/`. */
export function monthToPath(year: number, month: number): string {
  const params = monthToParams(year, month);
  return `/${params.year}/${params.month}/`;
}

/** `/2019/`. */
export function yearToPath(year: number): string {
  return `/${yearToParams(year).year}/`;
}

/** `/section/world/`, or `/section/world/page/2/` for later pages. */
export function sectionToPath(sectionSlug: string, page = 1): string {
  return page > 1 ? `/section/${sectionSlug}/page/${page}/` : `/section/${sectionSlug}/`;
}

/** The formats the site's feeds come in: RSS 2.0, Atom 1.0 and JSON Feed 1.1. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** Each format's file name, beside the others in the feed's folder. */
export const FEED_FILE_NAMES: Readonly<Record<FeedFormat, string>> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/** `/section/world/rss.xml`, `/section/world/atom.xml`, `/section/world/feed.json`. */
export function sectionFeedPath(sectionSlug: string, format: FeedFormat = 'rss'): string {
  return `/section/${sectionSlug}/${FEED_FILE_NAMES[format]}`;
}

/** The groupings beside sections that have pages of their own, by their address's first folder. */
export type Taxonomy = 'topic' | 'author' | 'source';

/** `/topic/`, `/author/`, `/source/`: every topic, author or source A–Z with its count. */
export function taxonomyIndexPath(taxonomy: Taxonomy): string {
  return `/${taxonomy}/`;
}

/**
 * `/topic/sergei-naryshkin/`, or `…/page/2/` for later pages; `nameSlug` is
 * the name's URL name (`textToSlug`, as a section's).
 */
export function taxonomyToPath(taxonomy: Taxonomy, nameSlug: string, page = 1): string {
  const first = `/${taxonomy}/${nameSlug}/`;
  return page > 1 ? `${first}page/${page}/` : first;
}

/** `/topic/sergei-naryshkin/rss.xml`. */
export function taxonomyFeedPath(taxonomy: Taxonomy, nameSlug: string): string {
  return `/${taxonomy}/${nameSlug}/rss.xml`;
}

/** Every correction and update, newest first; `/corrections/page/2/` for later pages. */
export function correctionsToPath(page = 1): string {
  return page > 1 ? `/corrections/page/${page}/` : '/corrections/';
}

/** The corrections and updates feed. */
export const CORRECTIONS_FEED_PATH = '/corrections/rss.xml';

/** The site-wide feed. */
export const FEED_PATH = '/rss.xml';

/** `/rss.xml`, `/atom.xml`, `/feed.json`: the site-wide feed in each format. */
export function siteFeedPath(format: FeedFormat): string {
  return `/${FEED_FILE_NAMES[format]}`;
}

/** The page that lists every feed of the site. */
export const FEEDS_PATH = '/feeds/';
/** The search page. */
export const SEARCH_PATH = '/search/';

/** An absolute URL for a site path, against the site's base URL. */
export function pathToUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
