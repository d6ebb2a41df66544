/**
 * Astro's cache folder, relative to the project root: the configuration
 * names it (`cacheDir`), and pages find the build's article list in it at
 * render time, in a static build and in a publish alike. Builds run from the
 * project root, so the path is taken against the working folder.
 */
import { join } from 'node:path';

/** The cache folder, relative to the project root. */
export const BUILD_CACHE_DIR = '.astro/cache';

/** A file in the cache folder of the project the build runs in. */
export function buildCacheFile(name: string): string {
  return join(process.cwd(), BUILD_CACHE_DIR, name);
}
