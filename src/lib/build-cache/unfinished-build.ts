/**
 * What a build that did not finish leaves in the build cache, and how the
 * next build undoes it.
 *
 * Astro's incremental build keeps a copy of every page it renders
 * (`dist/` in the cache folder) and a manifest of their keys
 * (`incremental-build.json`). It overwrites a page's copy as soon as the
 * page is rendered but writes the manifest only once every page is done,
 * so a build that fails or is killed while rendering leaves copies newer
 * than the manifest: the next build whose key for a page matches the old
 * manifest copies the newer page, which may list a story since removed.
 * Astro's image cache (`assets/`) is written in place, so a killed build
 * may leave half an image in it. Everything else in the cache is written
 * beside its place and renamed (the data store, the article list, the body
 * HTML files, the search bundles), so a reader finds the old file or the
 * new one, never half of one, and each is named or checked by what it holds.
 *
 * So a build writes a marker when it starts writing pages and removes it
 * when it has finished; a build that finds the marker drops the page cache
 * and the image cache before it renders, and renders every page anew.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker, inside Astro's cache folder, of a build that has started and not finished. */
export const UNFINISHED_BUILD_MARKER = 'build-unfinished';

/**
 * What a build that did not finish may have left inconsistent, inside
 * Astro's cache folder: the incremental build's manifest and page copies
 * (node_modules/astro/dist/core/build/incremental.js) and the image cache
 * (node_modules/astro/dist/assets/build/generate.js).
 */
export const UNSAFE_AFTER_UNFINISHED_BUILD = ['incremental-build.json', 'dist', 'assets'];

/**
 * Called as a build starts writing pages: when the last build did not
 * finish, deletes what it may have left inconsistent; then marks this build
 * as unfinished until `finishBuild`.
 *
 * @param cacheDir Astro's cache folder
 * @returns whether the last build had not finished (and the caches were dropped)
 */
export async function startBuild(cacheDir: string): Promise<boolean> {
  const marker = join(cacheDir, UNFINISHED_BUILD_MARKER);
  const unfinished = existsSync(marker);
  if (unfinished) {
    for (const name of UNSAFE_AFTER_UNFINISHED_BUILD) {
      await rm(join(cacheDir, name), { recursive: true, force: true });
    }
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(marker, `${new Date().toISOString()} pid ${process.pid}\n`);
  return unfinished;
}

/**
 * Called when a build has written everything: the caches it leaves are
 * consistent, and the next build may use them.
 *
 * @param cacheDir Astro's cache folder
 */
export async function finishBuild(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, UNFINISHED_BUILD_MARKER), { force: true });
}
