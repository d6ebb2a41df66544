/**
 * The search bundles kept in the build cache, one per year of stories under
 * `<year>/<hash>/`: a build indexes only the years whose documents changed
 * (see `bundle-hash.ts`), and removes the bundles no longer used.
 *
 * One bundle per year bounds the indexer's memory (it holds a whole bundle's
 * index at once), and lets a rebuild keep the bundles of years whose stories
 * did not change.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_ENTRY_FILE } from '../../lib/pagefind-names.ts';
import { readArticlesByYear } from './articles-by-year.ts';
import { hashYear } from './bundle-hash.ts';
import { indexYear } from './index-year.ts';

/** Where the articles come from and the bundles go. */
export interface SearchIndexOptions {
  /** The build's article list (see `src/lib/build-cache/article-list.ts`). */
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
 * @throws ArticleListError naming the list file when it is missing or
 *   unreadable, or Error listing Pagefind's messages when it reports any
 */
export async function buildSearchBundles(options: SearchIndexOptions): Promise<SearchBundles> {
  const { cacheDir } = options;
  const byYear = await readArticlesByYear(options.listFile, options.timeZone);
  const years = [...byYear.keys()].sort().reverse();
  const result: SearchBundles = { bundles: [], indexedYears: [], pageCount: 0 };

  for (const year of years) {
    const articles = byYear.get(year) ?? [];
    const hash = hashYear(articles, options);
    const dir = join(cacheDir, year, hash);
    if (!existsSync(join(dir, BUNDLE_ENTRY_FILE))) {
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
  const entry = JSON.parse(await readFile(join(bundleDir, BUNDLE_ENTRY_FILE), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
