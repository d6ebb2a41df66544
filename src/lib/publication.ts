/**
 * Publication rules: whether an article is live at the build's clock, a
 * draft or scheduled, and the order stories are listed in. Pure: the clock
 * is passed in.
 */
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
