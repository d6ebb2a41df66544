/**
 * Starts the search bundles' build on a worker thread (`worker.ts`), so that
 * Pagefind indexes on one core while Astro renders pages on another.
 */
import { Worker } from 'node:worker_threads';
import type { SearchBundles, SearchIndexOptions } from './bundle-cache.ts';

/** Runs `buildSearchBundles` on a worker thread. */
export function buildSearchBundlesInWorker(options: SearchIndexOptions): Promise<SearchBundles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: options });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The search indexer stopped with exit code ${code}.`));
    });
  });
}
