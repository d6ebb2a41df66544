/**
 * The stories search indexes, read from the build's article list and
 * grouped into the years whose bundles hold them.
 */
import { readArticleList } from '../../lib/build-cache/article-list.ts';
import type { StoredArticle } from '../../lib/build-cache/stored-article.ts';
import { instantToDay } from '../../lib/dates.ts';
import { SEARCHABLE_FIELDS, type SearchableArticle } from '../../lib/search-document.ts';

/** What search needs of a stored article: what its document shows, and where its body is. */
export type SearchIndexArticle = SearchableArticle & Pick<StoredArticle, 'bodyHtmlFile'>;

/** The fields kept of each record, so that a year's stories stay light. */
const KEPT_FIELDS = [...SEARCHABLE_FIELDS, 'bodyHtmlFile'] as const;

/**
 * Reads the article list, keeping what search needs, grouped by year in the
 * site's zone; each year's stories keep the list's order.
 *
 * @throws ArticleListError naming the list file when it is missing or unreadable
 */
export async function readArticlesByYear(
  listFile: string,
  timeZone: string,
): Promise<Map<string, SearchIndexArticle[]>> {
  const byYear = new Map<string, SearchIndexArticle[]>();
  for await (const stored of readArticleList(listFile)) {
    const article = Object.fromEntries(
      KEPT_FIELDS.map((field) => [field, stored[field]]),
    ) as SearchIndexArticle;
    const year = String(instantToDay(article.published, timeZone).year);
    const ofYear = byYear.get(year);
    if (ofYear) ofYear.push(article);
    else byYear.set(year, [article]);
  }
  return byYear;
}
