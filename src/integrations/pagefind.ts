/**
 * The search integration: full-text search from static files. Pagefind
 * indexes every published story into one bundle per calendar month in the
 * site's zone (`pagefind/<period>/`, e.g. `pagefind/2025-07/`), listed in
 * `pagefind/shards.json`; the search page loads the bundles a query needs
 * and searches them together.
 *
 * This file holds only the Astro hooks. Indexing starts as the build starts,
 * from the build's article list and the body HTML files, on a worker thread
 * (`search/in-worker.ts`) while Astro writes the pages; the bundles are kept
 * in the build cache (`search/bundle-cache.ts`) and, when the build is done,
 * linked into the output (`search/write-bundles.ts`). A publish script may
 * call `buildSearchBundles` and `writeSearchBundles` itself, without Astro.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { plural } from '../lib/articles/problems.ts';
import { ARTICLE_LIST_FILE } from '../lib/build-cache/article-list.ts';
import { siteSettings } from '../site.config.ts';
import type { IndexedBundle, SearchBundles, SearchIndexOptions } from './search/bundle-cache.ts';
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
        const kept = bundles.bundles.length - bundles.indexed.length;
        logger.info(
          `Indexed ${bundles.pageCount} pages for search, ${seconds}s after the build started ` +
            `(${plural(bundles.indexed.length, 'bundle')} indexed${describeIndexed(bundles.indexed)}, ` +
            `${kept} kept unchanged).`,
        );
      },
    },
  };
}

/**
 * `: 2025-07 (362 pages, 1.8s)` for one bundle indexed, `, the slowest
 * 2025-07 (…)` for more, or nothing when none was.
 */
function describeIndexed(indexed: IndexedBundle[]): string {
  const time = (bundle: IndexedBundle) => bundle.adding + bundle.writing;
  const slowest = indexed.reduce<IndexedBundle | undefined>(
    (found, bundle) => (found && time(found) >= time(bundle) ? found : bundle),
    undefined,
  );
  if (!slowest) return '';
  const seconds = (time(slowest) / 1000).toFixed(1);
  const which = indexed.length === 1 ? ':' : ', the slowest';
  return `${which} ${slowest.period} (${plural(slowest.pageCount, 'page')}, ${seconds}s)`;
}
