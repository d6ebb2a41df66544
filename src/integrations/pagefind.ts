/**
 * The search integration: full-text search from static files. Pagefind
 * indexes every published story into one bundle per year
 * (`pagefind/<year>/`), listed in `pagefind/shards.json`; the search page
 * searches them together.
 *
 * This file holds only the Astro hooks. Indexing starts as the build starts,
 * from the build's article list and the body HTML files, on a worker thread
 * (`search/in-worker.ts`) while Astro writes the pages; the bundles are kept
 * in the build cache (`search/bundle-cache.ts`) and, when the build is done,
 * linked into the output (`search/write-bundles.ts`).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { plural } from '../lib/articles/problems.ts';
import { ARTICLE_LIST_FILE } from '../lib/build-cache/article-list.ts';
import { siteSettings } from '../site.config.ts';
import type { SearchBundles, SearchIndexOptions } from './search/bundle-cache.ts';
import { buildSearchBundlesInWorker } from './search/in-worker.ts';
import { writeSearchBundles } from './search/write-bundles.ts';

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
