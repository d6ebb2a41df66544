/**
 * What a build keeps of an article between the loader and everything that
 * reads its output (pages, search, the sitemap): the record without its
 * body, and the file that holds the body's HTML.
 */
import type { ArticlePlaces } from '../articles/parse.ts';
import type { ArticleMeta } from '../articles/schema.ts';

/** An article as the content store and the build's article list keep it. */
export type StoredArticle = ArticleMeta & {
  /** Absolute path of the file with the article's sanitised body HTML (see `body-html.ts`). */
  bodyHtmlFile: string;
  /**
   * The size and modification time of the lead image file beside the
   * article, when it has one: replacing the file under the same name then
   * changes the entry, and with it the keys of the pages that show it.
   */
  imageStamp?: string;
  /**
   * Where in its file the things checks across files report on are written,
   * so that a problem found later (a `related` slug whose article was
   * deleted) names a line without the file being parsed again. Nothing a
   * page shows: keys of what pages show leave it out.
   */
  places: ArticlePlaces;
};
