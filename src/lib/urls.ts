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
): { year: string; month: string; day: string; slug: string } {
  const day = instantToDay(article.published, timeZone);
  return { year: String(day.year), month: pad(day.month), day: pad(day.day), slug: article.slug };
}

/** `/2019/05/22/`. */
export function dayToPath(day: CalendarDay): string {
  return `/${day.year}/${pad(day.month)}/${pad(day.day)}/`;
}

/** `/2019/05/`. */
export function monthToPath(year: number, month: number): string {
  return `/${year}/${pad(month)}/`;
}

/** `/2019/`. */
export function yearToPath(year: number): string {
  return `/${year}/`;
}

/** `/section/world/`, or `/section/world/page/2/` for later pages. */
export function sectionToPath(sectionSlug: string, page = 1): string {
  return page > 1 ? `/section/${sectionSlug}/page/${page}/` : `/section/${sectionSlug}/`;
}

/** `/section/world/rss.xml`. */
export function sectionFeedPath(sectionSlug: string): string {
  return `/section/${sectionSlug}/rss.xml`;
}

/** The site-wide feed. */
export const FEED_PATH = '/rss.xml';
/** The search page. */
export const SEARCH_PATH = '/search/';

/** An absolute URL for a site path, against the site's base URL. */
export function pathToUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
