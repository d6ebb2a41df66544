/**
 * Full-text search from static files: Pagefind indexes every published
 * story into one bundle per year (`pagefind/<year>/`), listed in
 * `pagefind/shards.json`; the search page searches them together.
 *
 * Indexing starts as the build starts, from the article list the loader
 * writes and the body HTML files (see `src/lib/search-document.ts`), and runs
 * on a worker thread while Astro writes the pages: Pagefind indexes on one
 * core, Astro renders on another. When the build is done, the bundles are
 * linked into the output.
 *
 * One bundle per year bounds the indexer's memory (it holds a whole bundle's
 * index at once), and lets a rebuild keep the bundles of years whose stories
 * did not change. Each bundle is kept in the build cache under a hash of its
 * documents, taken with each body's file name (a digest of the article file
 * and the code that renders it) in place of the body, so the hash costs no
 * reading.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { plural } from '../lib/articles/problems.ts';
import { instantToDay } from '../lib/dates.ts';
import {
  SEARCHABLE_FIELDS,
  searchDocument,
  type SearchableArticle,
} from '../lib/search-document.ts';
import { ARTICLE_LIST_FILE, type StoredArticle } from '../loaders/articles-loader.ts';
import { siteSettings } from '../site.config.ts';

/** The folder of the search bundles inside the site's output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** The file, in that folder, that lists the bundles, newest year first. */
export const SHARDS_FILE = 'shards.json';

/** What search needs of a stored article. */
export type IndexedArticle = SearchableArticle & Pick<StoredArticle, 'bodyHtmlFile'>;

/** Where the articles come from and the bundles go. */
export interface SearchIndexOptions {
  /** The article list, one JSON record of an `IndexedArticle` a line. */
  listFile: string;
  /** Where bundles are kept, `<year>/<hash>/`, between builds. */
  cacheDir: string;
  timeZone: string;
  language: string;
}

/** The bundles for one build. */
export interface SearchBundles {
  /** Each year's bundle in the cache, newest year first. */
  bundles: { year: string; dir: string }[];
  /** The years whose bundles were indexed now (the rest came from the cache). */
  indexedYears: string[];
  /** Pages in the index, across every bundle. */
  pageCount: number;
}

/**
 * Makes sure the cache holds a bundle for each year of the listed articles,
 * indexing only the years whose documents changed, and removes bundles no
 * longer used.
 *
 * @throws Error naming the list file when it is missing or unreadable, or
 *   listing Pagefind's messages when it reports any
 */
export async function buildSearchBundles(options: SearchIndexOptions): Promise<SearchBundles> {
  const { cacheDir } = options;
  const byYear = await readArticlesByYear(options);
  const years = [...byYear.keys()].sort().reverse();
  const result: SearchBundles = { bundles: [], indexedYears: [], pageCount: 0 };

  for (const year of years) {
    const articles = byYear.get(year) ?? [];
    const hash = hashYear(articles, options);
    const dir = join(cacheDir, year, hash);
    if (!existsSync(join(dir, 'pagefind-entry.json'))) {
      // Written beside its place and renamed, so no build finds half a bundle.
      const partial = `${dir}.partial`;
      await rm(partial, { recursive: true, force: true });
      await indexYear(articles, options, partial);
      await rm(dir, { recursive: true, force: true });
      await rename(partial, dir);
      result.indexedYears.push(year);
    }
    await removeAllBut(join(cacheDir, year), hash);
    result.bundles.push({ year, dir });
    result.pageCount += await countIndexedPages(dir);
  }
  await removeAllBut(cacheDir, ...years);
  return result;
}

/**
 * Puts the bundles into `<siteDir>/pagefind/` and writes the list of them.
 * Files are hard-linked to the cache where the file system allows: at
 * 100,000 stories the bundles are over 100,000 files, and copying them took
 * half a minute. Nothing writes into a bundle's files once they are made, so
 * the output and the cache can share them.
 */
export async function writeSearchBundles(
  { bundles }: SearchBundles,
  siteDir: string,
): Promise<void> {
  const outputPath = join(siteDir, SEARCH_BUNDLE_DIR);
  // Links left by an earlier build are removed, never written through.
  await rm(outputPath, { recursive: true, force: true });
  await mkdir(outputPath, { recursive: true });
  for (const { year, dir } of bundles) {
    await linkTree(dir, join(outputPath, year));
  }
  const years = bundles.map((bundle) => bundle.year);
  await writeFile(join(outputPath, SHARDS_FILE), `${JSON.stringify(years)}\n`);
}

/** Recreates the folder `from` at `to`, each file hard-linked, or copied where it cannot be. */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const target = (entry: (typeof entries)[number]) =>
    join(to, relative(from, join(entry.parentPath, entry.name)));
  await mkdir(to, { recursive: true });
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    await mkdir(target(entry), { recursive: true });
  }
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const source = join(entry.parentPath, entry.name);
    await link(source, target(entry)).catch(() => copyFile(source, target(entry)));
  }
}

/** Reads the article list, keeping what search needs, grouped by year in the site's zone. */
async function readArticlesByYear(
  options: SearchIndexOptions,
): Promise<Map<string, IndexedArticle[]>> {
  const byYear = new Map<string, IndexedArticle[]>();
  const lines = createInterface({
    input: createReadStream(options.listFile, 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line === '') continue;
      const stored = JSON.parse(line) as StoredArticle;
      // Only what the documents need, so that a year's stories stay light.
      const article = Object.fromEntries(
        [...SEARCHABLE_FIELDS, 'bodyHtmlFile'].map((field) => [
          field,
          stored[field as keyof StoredArticle],
        ]),
      ) as IndexedArticle;
      const year = String(instantToDay(article.published, options.timeZone).year);
      const ofYear = byYear.get(year);
      if (ofYear) ofYear.push(article);
      else byYear.set(year, [article]);
    }
  } catch (error) {
    throw new Error(
      `The search index could not read the article list ${options.listFile}` +
        (lineNumber ? ` at line ${lineNumber}` : '') +
        `: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return byYear;
}

/** This file's own code, so that a change to how bundles are made makes them again. */
const INDEXER_CODE = readFileSync(fileURLToPath(import.meta.url));

/** A hash of a year's documents, each with its body file's name in place of the body. */
function hashYear(articles: IndexedArticle[], options: SearchIndexOptions): string {
  const hash = createHash('sha256').update(INDEXER_CODE);
  for (const article of articles) {
    const { url, html } = searchDocument(article, basename(article.bodyHtmlFile), options);
    hash.update(url).update('\0').update(html).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Stories whose bodies are read at once. */
const INDEXING_BATCH = 100;

/** Indexes one year's articles into a bundle at `outputPath`. */
async function indexYear(
  articles: IndexedArticle[],
  options: SearchIndexOptions,
  outputPath: string,
): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw indexingError('could not start', errors);
    for (let start = 0; start < articles.length; start += INDEXING_BATCH) {
      const batch = articles.slice(start, start + INDEXING_BATCH);
      const bodies = await Promise.all(
        batch.map((article) => readFile(article.bodyHtmlFile, 'utf8')),
      );
      // Sent in the list's order, without waiting for each answer: the
      // bundle's bytes depend on the order pages arrive in, not on timing.
      const added = await Promise.all(
        batch.map((article, position) => {
          const { url, html } = searchDocument(article, bodies[position] ?? '', options);
          return index.addHTMLFile({ url, content: html });
        }),
      );
      const addErrors = added.flatMap((response) => response.errors);
      if (addErrors.length > 0) throw indexingError('could not read the stories', addErrors);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw indexingError('could not write its files', written.errors);
  } finally {
    // The Node API talks to a Pagefind process; stopping it after each year
    // frees that year's index, and lets the build exit.
    await pagefind.close();
  }
}

/** Deletes everything in `dir` but the entries named. */
async function removeAllBut(dir: string, ...keep: string[]): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * How many pages a written bundle holds, from its entry file.
 *
 * @param bundleDir a bundle folder
 */
export async function countIndexedPages(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function indexingError(what: string, messages: string[]): Error {
  return new Error(`Pagefind ${what}, so the site has no search index:\n${messages.join('\n')}`);
}

/** Runs `buildSearchBundles` on a worker thread. */
export function buildSearchBundlesInWorker(options: SearchIndexOptions): Promise<SearchBundles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      workerData: options,
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The search indexer stopped with exit code ${code}.`));
    });
  });
}

/**
 * The Astro integration: starts indexing when the build starts and writes
 * the bundles into the output once the build is done.
 */
export function pagefindIntegration(): AstroIntegration {
  let options: SearchIndexOptions | undefined;
  let indexing: Promise<SearchBundles> | undefined;
  let started = 0;
  return {
    name: 'newsroom:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        options = {
          listFile: fileURLToPath(new URL(ARTICLE_LIST_FILE, config.cacheDir)),
          cacheDir: fileURLToPath(new URL('search-bundles/', config.cacheDir)),
          timeZone: siteSettings.timeZone,
          language: siteSettings.language,
        };
      },
      'astro:build:start': () => {
        if (!options) return;
        started = performance.now();
        indexing = buildSearchBundlesInWorker(options);
        // Awaited when the build is done; until then a failure must not
        // count as unhandled.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('The search index was never started.');
        const bundles = await indexing;
        await writeSearchBundles(bundles, fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const kept = bundles.bundles.length - bundles.indexedYears.length;
        logger.info(
          `Indexed ${bundles.pageCount} pages for search, ${seconds}s after the build started ` +
            `(${plural(bundles.indexedYears.length, 'year')} indexed, ${kept} kept unchanged).`,
        );
      },
    },
  };
}
