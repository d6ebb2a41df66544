/**
 * A worker thread that builds the search bundles (`buildSearchBundles`) for
 * the options it is started with, and answers with what it built. On a
 * thread of its own, indexing keeps going while the build's main thread is
 * busy rendering pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchBundles, type SearchIndexOptions } from './bundle-cache.ts';

parentPort?.postMessage(await buildSearchBundles(workerData as SearchIndexOptions));
