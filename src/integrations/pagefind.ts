/**
 * Full-text search from static files: after every `astro build`, Pagefind
 * indexes the HTML the build wrote, one bundle per year of stories
 * (`pagefind/<year>/`), listed in `pagefind/shards.json`; the search page
 * searches them together.
 *
 * One bundle per year bounds the indexer's memory (it holds a whole bundle's
 * index at once) and lets a rebuild keep the bundles of years whose stories
 * did not change: they are copied from the build cache, not indexed again.
 *
 * Only the parts of pages marked `data-pagefind-body` are indexed (the
 * article element of each story page), so navigation, footers and list
 * pages never show up as results.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { plural } from '../lib/articles/problems.ts';

/** The folder of the search bundles inside the site's output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** The file, in that folder, that lists the bundles, newest year first. */
export const SHARDS_FILE = 'shards.json';

/** What indexing a built site produced. */
export interface IndexSummary {
  /** Pages in the index, across every bundle. */
  pageCount: number;
  /** The years whose bundles were indexed now (the rest came from the cache). */
  indexedYears: string[];
  /** The years of the bundles, newest first. */
  years: string[];
  /** Where the bundles were written. */
  outputPath: string;
}

/**
 * Indexes the story pages under `siteDir`, one bundle per year folder
 * (`/2025/…`), and writes `pagefind/<year>/` and `pagefind/shards.json`.
 *
 * @param cacheDir where bundles are kept between builds, by a hash of the
 *   pages they index; without it every year is indexed
 * @throws Error listing Pagefind's messages when it reports any
 */
export async function indexSite(siteDir: string, cacheDir?: string): Promise<IndexSummary> {
  const outputPath = join(siteDir, SEARCH_BUNDLE_DIR);
  const years = (await readdir(siteDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const indexedYears: string[] = [];
  let pageCount = 0;

  for (const year of years) {
    const bundle = join(outputPath, year);
    const hash = await hashSearchablePages(join(siteDir, year));
    const cached = cacheDir && join(cacheDir, year, hash);
    if (cached && existsSync(cached)) {
      await cp(cached, bundle, { recursive: true });
    } else {
      await indexYear(siteDir, year, bundle);
      indexedYears.push(year);
      if (cacheDir && cached) {
        await rm(join(cacheDir, year), { recursive: true, force: true });
        await cp(bundle, cached, { recursive: true });
      }
    }
    pageCount += await countIndexedPages(bundle);
  }
  await mkdir(outputPath, { recursive: true });
  await writeFile(join(outputPath, SHARDS_FILE), `${JSON.stringify(years)}\n`);
  return { pageCount, indexedYears, years, outputPath };
}

/** Indexes the pages of one year folder into one bundle. */
async function indexYear(siteDir: string, year: string, bundle: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw indexingError('could not start', errors);
    const added = await index.addDirectory({ path: siteDir, glob: `${year}/**/*.html` });
    if (added.errors.length > 0)
      throw indexingError('could not read the built pages', added.errors);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw indexingError('could not write its files', written.errors);
  } finally {
    // The Node API talks to a Pagefind process; stopping it after each year
    // frees that year's index, and lets the build exit.
    await pagefind.close();
  }
}

/** A hash of every page under `dir` that search indexes, with its path. */
async function hashSearchablePages(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const pages = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const page of pages) {
    const html = await readFile(page);
    if (!html.includes('data-pagefind-body')) continue;
    hash.update(page.slice(dir.length)).update('\0').update(html).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * How many pages a written bundle holds, from its entry file. (The count
 * that `addDirectory` returns includes files that had nothing to index.)
 *
 * @param bundleDir a bundle folder written by `indexSite`
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

/** The Astro integration: builds the search bundles once a build is done. */
export function pagefindIntegration(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'newsroom:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('search-bundles/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await indexSite(fileURLToPath(dir), cacheDir);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const kept = summary.years.length - summary.indexedYears.length;
        logger.info(
          `Indexed ${summary.pageCount} pages for search in ${seconds}s ` +
            `(${plural(summary.indexedYears.length, 'year')} indexed, ${kept} kept unchanged).`,
        );
      },
    },
  };
}
