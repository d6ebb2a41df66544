/**
 * The stories search indexes, read from the build's article list and
 * grouped into the periods whose bundles hold them.
 */
import { readArticleList } from '../../lib/build-cache/article-list.ts';
import type { StoredArticle } from '../../lib/build-cache/stored-article.ts';
import { instantToDay } from '../../lib/dates.ts';
import { bundlePeriod } from '../../lib/pagefind-names.ts';
import { SEARCHABLE_FIELDS, type SearchableArticle } from '../../lib/search-document.ts';

/** What search needs of a stored article: what its document shows, and where its body is. */
export type SearchIndexArticle = SearchableArticle & Pick<StoredArticle, 'bodyHtmlFile'>;

/** The fields kept of each record, so that a period's stories stay light. */
const KEPT_FIELDS = [...SEARCHABLE_FIELDS, 'bodyHtmlFile'] as const;

/**
 * Reads the article list, keeping what search needs, grouped by period
 * (`bundlePeriod`) in the site's zone; each period's stories keep the
 * list's order. The grouping depends on the stories alone, never on an
 * earlier build, so a rebuild makes the bundles a clean build would.
 *
 * @throws ArticleListError naming the list file when it is missing or unreadable
 */
export async function readArticlesByPeriod(
  listFile: string,
  timeZone: string,
): Promise<Map<string, SearchIndexArticle[]>> {
  const byPeriod = new Map<string, SearchIndexArticle[]>();
  for await (const stored of readArticleList(listFile)) {
    const article = Object.fromEntries(
      KEPT_FIELDS.map((field) => [field, stored[field]]),
    ) as SearchIndexArticle;
    const period = bundlePeriod(instantToDay(article.published, timeZone));
    const ofPeriod = byPeriod.get(period);
    if (ofPeriod) ofPeriod.push(article);
    else byPeriod.set(period, [article]);
  }
  return byPeriod;
}
