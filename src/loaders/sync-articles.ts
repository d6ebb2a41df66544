/**
 * One sync of the articles into the content store: load the collection
 * through the store's cache, report problems (failing a production build),
 * store what changed and drop what went, delete unused body files, and
 * write the build's article list for the integrations.
 */
import { writeFile } from 'node:fs/promises';
import type { LoaderContext } from 'astro/loaders';
import { formatProblemReport, problemToString } from '../lib/articles/problems.ts';
import { writeArticleList } from '../lib/build-cache/article-list.ts';
import { removeUnusedBodyHtml } from '../lib/build-cache/body-html.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { loadCollection } from '../lib/collection.ts';
import { createCachedParser } from './cached-parser.ts';
import { publishLeadImages } from './image-stamp.ts';
import { loadSourceStamps, noStamps, saveSourceStamps } from './source-stamps.ts';

/**
 * Thrown when articles have problems in a production build. Its message is
 * the whole report; it carries no stack, since the fault is in the content,
 * not the code, and Astro prints a stack wherever there is one.
 */
export class ArticleProblemsError extends Error {
  override name = 'ArticleProblemsError';
  constructor(report: string) {
    super(report);
    this.stack = '';
  }
}

/** What one sync reads and writes. */
export interface SyncOptions {
  /** The project root. */
  rootDir: string;
  /** The content folder, absolute. */
  contentDir: string;
  /** Where body HTML files are kept. */
  htmlDir: string;
  /** The pipeline version (`pipelineVersion`). */
  version: string;
  /** The build's clock: articles published after it are scheduled. */
  now: number;
  /** Leave drafts and scheduled articles out, and fail on problems. */
  production: boolean;
  /** Where to write the build's article list, if anywhere. */
  listFile?: string;
  /** Where the source files' stamps are kept between syncs (`source-stamps.ts`), if anywhere. */
  stampsFile?: string;
  /** Where to write how many files this sync found, read and parsed, if anywhere. */
  workFile?: string;
}

/** What one sync published: the articles, newest first, and how much it read and parsed. */
export interface SyncResult {
  articles: StoredArticle[];
  work: SyncWork;
}

/** How much of the content one sync read and parsed, as `workFile` records it. */
export interface SyncWork {
  articleFiles: number;
  articlesRead: number;
  articlesParsed: number;
}

/**
 * Loads every article into the store. In production, problems fail the sync
 * before Astro writes any output; in dev they are logged and the valid
 * articles are shown.
 */
export async function syncArticles(
  context: Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>,
  {
    rootDir,
    contentDir,
    htmlDir,
    version,
    now,
    production,
    listFile,
    stampsFile,
    workFile,
  }: SyncOptions,
): Promise<SyncResult> {
  const { store, logger } = context;
  const stamps = stampsFile ? await loadSourceStamps(stampsFile) : noStamps();
  const parser = createCachedParser(context, { rootDir, htmlDir, version, stamps });
  const collection = await loadCollection({
    rootDir,
    contentDir,
    now,
    includeUnpublished: !production,
    parse: parser.parse,
    reuse: parser.reuse,
    inspectImage: parser.inspectImage,
  }).finally(() => parser.close());

  for (const warning of collection.warnings) logger.warn(problemToString(warning));
  if (collection.problems.length) {
    const report = formatProblemReport(collection.problems);
    if (production) {
      throw new ArticleProblemsError(
        `${report}\nThe build stopped before writing anything; the last good site is unchanged.`,
      );
    }
    // Only files that do not parse are left out; one whose problem spans
    // files (a missing related slug, say) still parses and is shown.
    logger.error(
      `Some articles have problems; files that could not be read or parsed are not shown:\n${report}`,
    );
  }

  const keep = new Set<string>();
  for (const article of collection.articles) {
    keep.add(article.sourcePath);
    const entry = parser.fresh.get(article.sourcePath);
    if (!entry) continue; // Unchanged: the stored entry stands.
    store.set({
      id: article.sourcePath,
      data: entry.article,
      digest: entry.digest,
      filePath: article.sourcePath,
    });
  }
  for (const id of store.keys()) {
    if (!keep.has(id)) store.delete(id);
  }
  await removeUnusedBodyHtml(
    htmlDir,
    store.values().map((entry) => (entry.data as StoredArticle).bodyHtmlFile),
  );
  if (listFile) await writeArticleList(listFile, collection.articles);
  await publishLeadImages(rootDir, contentDir, collection.articles);
  // Saved once the store holds every entry the stamps name by digest.
  if (stampsFile) await saveSourceStamps(stampsFile, parser.stamps);
  const work: SyncWork = {
    articleFiles: collection.fileCount,
    articlesRead: collection.readCount,
    articlesParsed: parser.fresh.size,
  };
  if (workFile) await writeFile(workFile, `${JSON.stringify(work)}\n`);
  const fromStore =
    collection.articles.length - [...parser.fresh.keys()].filter((path) => keep.has(path)).length;
  logger.info(
    `${collection.articles.length} articles (${work.articlesRead} of ${work.articleFiles} files read, ` +
      `${parser.fresh.size} parsed, ${fromStore} from cache); ` +
      `left out: ${collection.left.drafts} drafts, ${collection.left.scheduled} scheduled`,
  );
  return { articles: collection.articles, work };
}
