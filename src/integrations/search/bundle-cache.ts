/**
 * The search bundles kept in the build cache, one per period of stories
 * (a calendar month in the site's zone) under `<period>/<hash>/`: a build
 * indexes only the periods whose documents changed (see `bundle-hash.ts`),
 * and removes the bundles no longer used.
 *
 * Pagefind's time to write a bundle grows faster than the bundle, and a
 * story's edit makes its whole bundle again, so bundles are kept small: a
 * month of a busy wire (a story every two hours) is about 360 stories,
 * indexed in a second or two. A bundle holds whole periods and nothing
 * else, so which bundle holds a story depends on the story alone.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_ENTRY_FILE } from '../../lib/pagefind-names.ts';
import { readArticlesByPeriod } from './articles-by-period.ts';
import { hashBundle } from './bundle-hash.ts';
import { indexBundle, type IndexingTime } from './index-bundle.ts';

/** Where the articles come from and the bundles go. */
export interface SearchIndexOptions {
  /** The build's article list (see `src/lib/build-cache/article-list.ts`). */
  listFile: string;
  /** Where bundles are kept, `<period>/<hash>/`, between builds. */
  cacheDir: string;
  timeZone: string;
  language: string;
}

/** One period's bundle in the cache. */
export interface SearchBundle {
  /** The period, `2025-07` (see `bundlePeriod`), which names the bundle's folder in the site. */
  period: string;
  /** The bundle's folder in the cache. */
  dir: string;
  /** Pages in the bundle. */
  pageCount: number;
}

/** A bundle indexed by this build, and how long it took. */
export interface IndexedBundle extends IndexingTime {
  period: string;
  pageCount: number;
}

/** The bundles for one build. */
export interface SearchBundles {
  /** Each period's bundle in the cache, newest period first. */
  bundles: SearchBundle[];
  /** The bundles indexed now, newest first (the rest came from the cache). */
  indexed: IndexedBundle[];
  /** Pages in the index, across every bundle. */
  pageCount: number;
}

/**
 * Makes sure the cache holds a bundle for each period of the listed
 * articles, indexing only the periods whose documents changed, and removes
 * bundles no longer used.
 *
 * @throws ArticleListError naming the list file when it is missing or
 *   unreadable, or Error listing Pagefind's messages when it reports any
 */
export async function buildSearchBundles(options: SearchIndexOptions): Promise<SearchBundles> {
  const { cacheDir } = options;
  const byPeriod = await readArticlesByPeriod(options.listFile, options.timeZone);
  const periods = [...byPeriod.keys()].sort().reverse();
  const result: SearchBundles = { bundles: [], indexed: [], pageCount: 0 };

  for (const period of periods) {
    const articles = byPeriod.get(period) ?? [];
    const hash = hashBundle(articles, options);
    const dir = join(cacheDir, period, hash);
    let time: IndexingTime | undefined;
    if (!existsSync(join(dir, BUNDLE_ENTRY_FILE))) {
      // Written beside its place and renamed, so no build finds half a bundle.
      const partial = `${dir}.partial`;
      await rm(partial, { recursive: true, force: true });
      time = await indexBundle(articles, options, partial);
      await rm(dir, { recursive: true, force: true });
      await rename(partial, dir);
    }
    await removeAllBut(join(cacheDir, period), hash);
    const pageCount = await countIndexedPages(dir);
    result.bundles.push({ period, dir, pageCount });
    if (time) result.indexed.push({ period, pageCount, ...time });
    result.pageCount += pageCount;
  }
  await removeAllBut(cacheDir, ...periods);
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
