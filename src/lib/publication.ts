/**
 * Publication rules: whether an article is live at the build's clock, a
 * draft or scheduled, the order stories are listed in, and what a live
 * story may not say about the clock. Pure: the clock is passed in.
 */
import type { UpdatedKey } from './articles/parse.ts';
import type { Place, Problem } from './articles/problems.ts';
import type { Article } from './articles/schema.ts';

/** Whether an article is live at `now`, a draft, or scheduled for later. */
export function publicationStatus(
  article: Pick<Article, 'draft' | 'published'>,
  now: number,
): 'published' | 'draft' | 'scheduled' {
  if (article.draft) return 'draft';
  return article.published.epochMs > now ? 'scheduled' : 'published';
}

/** Newest first by publication instant; ties broken by slug, so order is stable. Sorts in place. */
export function sortNewestFirst<T extends Pick<Article, 'published' | 'slug'>>(articles: T[]): T[] {
  return articles.sort(
    (a, b) => b.published.epochMs - a.published.epochMs || (a.slug < b.slug ? -1 : 1),
  );
}

/** A parsed article file, as far as `updatedAfterClock` reads it. */
export interface DatedFile {
  /** The file's path, relative to the project root. */
  path: string;
  article: Pick<Article, 'draft' | 'published'> & Partial<Pick<Article, 'updated'>>;
  /** Where `updated` is written, and under which key: its own, or the notes it was taken from. */
  places: { updated?: Place; updatedFrom?: UpdatedKey };
}

/**
 * Problems for the stories live at `now` whose `updated` lies after it: a
 * correction cannot come from the future, and the latest `updated` becomes
 * every feed's date, so a typo such as 9999 would stamp the site's feeds
 * for good. Drafts and scheduled stories are not live, so not checked.
 *
 * @param now the build's clock, in epoch milliseconds
 */
export function updatedAfterClock(files: Iterable<DatedFile>, now: number): Problem[] {
  const problems: Problem[] = [];
  for (const { path, article, places } of files) {
    const { updated } = article;
    if (!updated || updated.epochMs <= now) continue;
    if (publicationStatus(article, now) !== 'published') continue;
    problems.push({
      path,
      ...(places.updated && { place: places.updated }),
      ruleId: 'updated-after-clock',
      message: updatedAfterClockMessage(places.updatedFrom ?? 'updated', updated.iso, now),
    });
  }
  return problems;
}

function updatedAfterClockMessage(key: UpdatedKey, iso: string, now: number): string {
  const clock = `the build's clock (${new Date(now).toISOString()})`;
  if (key === 'updated') {
    return `"updated" (${iso}) is later than ${clock}; an update cannot come from the future, and it would become every feed's date: write when the story last changed`;
  }
  const [note, aNote] =
    key === 'corrections' ? ['correction', 'a correction'] : ['update', 'an update'];
  return `the latest ${note}'s "at" (${iso}) is later than ${clock}; ${aNote} cannot come from the future, and its time would become the story's "updated" and every feed's date: write when the ${note} was made`;
}
