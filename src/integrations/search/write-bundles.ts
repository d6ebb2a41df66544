/**
 * Puts the search bundles into the site's output: each period's bundle
 * hard-linked from the cache, one copy of Pagefind's browser module for
 * them all, and the list of them that the search page reads.
 */
import { copyFile, link, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  BUNDLE_MODULE,
  SEARCH_BUNDLE_DIR,
  SHARDS_FILE,
  type BundleListing,
} from '../../lib/pagefind-names.ts';
import type { SearchBundles } from './bundle-cache.ts';

/**
 * Puts the bundles into `<siteDir>/pagefind/<period>/`, Pagefind's browser
 * module into `<siteDir>/pagefind/` and writes the list of bundles there.
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
  for (const { period, dir } of bundles) {
    await linkTree(dir, join(outputPath, period));
  }
  await writeBundleListing(bundles, outputPath);
}

/**
 * Writes what sits beside the bundles in `pagefind/`: Pagefind's browser
 * module, one for them all, and the list of bundles the search page reads.
 *
 * @param searchDir the site's `pagefind/` folder, or where a publish stages it
 */
export async function writeBundleListing(
  bundles: SearchBundles['bundles'],
  searchDir: string,
): Promise<void> {
  await mkdir(searchDir, { recursive: true });
  // Every bundle's module is the same file (their hashes include Pagefind's version).
  const [newest] = bundles;
  if (newest) await linkFile(join(newest.dir, BUNDLE_MODULE), join(searchDir, BUNDLE_MODULE));
  const listing = bundles.map(({ period, pageCount }): BundleListing => ({ period, pageCount }));
  await writeFile(join(searchDir, SHARDS_FILE), `${JSON.stringify(listing)}\n`);
}

/** Recreates the folder `from` at `to`, each file hard-linked, or copied where it cannot be. */
export async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const target = (entry: (typeof entries)[number]) =>
    join(to, relative(from, join(entry.parentPath, entry.name)));
  await mkdir(to, { recursive: true });
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    await mkdir(target(entry), { recursive: true });
  }
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    await linkFile(join(entry.parentPath, entry.name), target(entry));
  }
}

function linkFile(source: string, target: string): Promise<void> {
  return link(source, target).catch(() => copyFile(source, target));
}
