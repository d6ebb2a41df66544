/**
 * The content layer loader for articles: a thin adapter that runs the
 * collection code (`src/lib/collection.ts`) and stores each article with its
 * rendered HTML.
 *
 * Entries are cached in Astro's data store by a digest of the file's text and
 * the pipeline version, so an unchanged file is not parsed again. Astro does
 * not invalidate that cache when loader code changes, hence the version.
 *
 * Each entry's body HTML is kept in a file of its own under the build cache
 * (`article-html/<digest>.html`), not in the data store: Astro rewrites the
 * whole store on every change, and its chunked writer (needed past V8's
 * longest string) encodes it a character at a time, which costs seconds per
 * thousand articles. Without bodies the store stays small enough to be
 * written as one file, and no build holds every body in memory.
 *
 * A production sync also writes the stored articles, one JSON record a line,
 * to `articles.jsonl` in the build cache: the search integration
 * (`src/integrations/pagefind.ts`) starts indexing from it while the pages
 * are being built, before it could read any page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { formatProblemReport } from '../lib/articles/problems.ts';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import { readClock } from '../lib/clock.ts';
import type { SourceFile } from '../lib/article-files.ts';
import type { ArticlePlaces, ParseResult } from '../lib/articles/parse.ts';
import { loadCollection } from '../lib/collection.ts';
import { createAdaptiveParser } from '../lib/parse-pool.ts';

/** Options of the articles loader. */
export interface ArticlesLoaderOptions {
  /** The content folder, relative to the project root. @example content */
  contentDir: string;
  /** Leave drafts and scheduled articles out (production builds). */
  production: boolean;
}

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

/** The folders, under `src/`, whose code turns a file into an entry. */
const PIPELINE_DIRS = ['lib', 'loaders'];

/**
 * A version for everything that turns a file into an entry: the library's
 * and the loader's source and the locked dependency versions. A change to
 * any of them re-parses every article.
 */
export function pipelineVersion(rootDir: string): string {
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) {
    const sourceDir = join(rootDir, 'src', dir);
    const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort();
    for (const name of files) {
      hash
        .update(join(dir, name))
        .update('\0')
        .update(readFileSync(join(sourceDir, name)))
        .update('\0');
    }
  }
  try {
    hash.update(readFileSync(join(rootDir, 'package-lock.json')));
  } catch {
    // No lock file: the library's source alone versions the pipeline.
  }
  return hash.digest('hex').slice(0, 16);
}

/** What the store keeps of an article: no body, but the file that holds its HTML. */
export type StoredArticle = ArticleMeta & {
  /** Absolute path of the file with the article's sanitised body HTML. */
  bodyHtmlFile: string;
  /**
   * The size and modification time of the lead image file beside the
   * article, when it has one: replacing the file under the same name then
   * changes the entry, and with it the keys of the pages that show it.
   */
  imageStamp?: string;
  /**
   * Where the values checks across files report on are written in the
   * file, so that an article taken from the store needs no parsing for
   * those checks to name a line.
   */
  places: ArticlePlaces;
};

/** The folder, inside Astro's cache folder, that holds the body HTML files. */
export const BODY_HTML_DIR = 'article-html';

/** The file, inside Astro's cache folder, that lists a production build's articles. */
export const ARTICLE_LIST_FILE = 'articles.jsonl';

/** Creates the loader. */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  return {
    name: 'articles-loader',
    schema: z.custom<StoredArticle>(),
    load: async (context) => {
      const rootDir = fileURLToPath(context.config.root);
      const contentDir = join(rootDir, options.contentDir);
      const version = pipelineVersion(rootDir);
      const htmlDir = fileURLToPath(new URL(`${BODY_HTML_DIR}/`, context.config.cacheDir));
      const listFile = fileURLToPath(new URL(ARTICLE_LIST_FILE, context.config.cacheDir));
      const sync = (production: boolean) =>
        syncArticles(context, {
          rootDir,
          contentDir,
          htmlDir,
          version,
          production,
          ...(production && { listFile }),
        });
      await sync(options.production);

      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(contentDir);
      const onChange = (path: string) => {
        if (relative(contentDir, path).startsWith('..')) return;
        void sync(false);
      };
      watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}

interface SyncOptions {
  rootDir: string;
  contentDir: string;
  /** Where body HTML files are kept. */
  htmlDir: string;
  version: string;
  production: boolean;
  /** Where to write the list of stored articles (`ARTICLE_LIST_FILE`), if anywhere. */
  listFile?: string;
}

/**
 * Loads every article into the store. In production, problems fail the sync
 * before Astro writes any output; in dev they are logged and the valid
 * articles are shown.
 */
export async function syncArticles(
  context: Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>,
  { rootDir, contentDir, htmlDir, version, production, listFile }: SyncOptions,
): Promise<void> {
  const { store, logger, generateDigest } = context;
  const fresh = new Map<string, { digest: string; article: StoredArticle }>();
  await mkdir(htmlDir, { recursive: true });

  const parser = createAdaptiveParser();
  const parseCached = async (file: SourceFile): Promise<ParseResult<StoredArticle>> => {
    const digest = generateDigest(`${version}\0${file.text}`);
    const cached = store.get<StoredArticle>(file.path);
    if (
      cached?.digest === digest &&
      existsSync(cached.data.bodyHtmlFile) &&
      cached.data.imageStamp === (await stampImage(rootDir, cached.data))
    ) {
      return { ok: true, article: cached.data, places: cached.data.places };
    }
    const result = await parser.parse(file);
    if (!result.ok) return result;
    // The body goes to its file now, so that only light records stay in memory.
    const { bodyHtml, text: _text, ...meta } = result.article;
    const imageStamp = await stampImage(rootDir, meta);
    const article: StoredArticle = {
      ...meta,
      bodyHtmlFile: join(htmlDir, `${digest}.html`),
      ...(imageStamp && { imageStamp }),
      places: result.places,
    };
    await writeFile(article.bodyHtmlFile, bodyHtml);
    fresh.set(file.path, { digest, article });
    return { ok: true, article, places: result.places };
  };

  const collection = await loadCollection({
    rootDir,
    contentDir,
    now: readClock(process.env),
    includeUnpublished: !production,
    parse: parseCached,
  }).finally(() => parser.close());

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
    const entry = fresh.get(article.sourcePath);
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
  await removeUnusedBodies(
    htmlDir,
    store.values().map((entry) => (entry.data as StoredArticle).bodyHtmlFile),
  );
  if (listFile) await writeArticleList(listFile, collection.articles);
  logger.info(
    `${collection.articles.length} articles (${fresh.size} parsed, ${collection.articles.length - [...fresh.keys()].filter((path) => keep.has(path)).length} from cache); ` +
      `left out: ${collection.left.drafts} drafts, ${collection.left.scheduled} scheduled`,
  );
}

/**
 * Writes the articles, one JSON record a line, in the collection's order
 * (newest first). The file is
 * written beside its place and renamed into it, so a reader never sees half
 * of it.
 */
async function writeArticleList(file: string, articles: StoredArticle[]): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'w');
  try {
    // In slices: one string for 100,000 records would be hundreds of megabytes.
    for (let start = 0; start < articles.length; start += 1000) {
      const lines = articles.slice(start, start + 1000).map((article) => JSON.stringify(article));
      await handle.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/**
 * The size and modification time of an article's local lead image, or
 * undefined when it has none (or the file is missing, which the collection
 * reports).
 */
async function stampImage(
  rootDir: string,
  article: Pick<ArticleMeta, 'image' | 'sourcePath'>,
): Promise<string | undefined> {
  const src = article.image?.src;
  if (!src || src.startsWith('https://')) return undefined;
  try {
    const file = await stat(join(rootDir, dirname(article.sourcePath), src));
    return `${file.size}:${file.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Deletes body HTML files that no stored article refers to any more. */
async function removeUnusedBodies(htmlDir: string, usedFiles: string[]): Promise<void> {
  const used = new Set(usedFiles);
  for (const name of await readdir(htmlDir)) {
    const file = join(htmlDir, name);
    if (!used.has(file)) await rm(file, { force: true });
  }
}
