/**
 * Full-text search from static files: after every `astro build`, Pagefind
 * indexes the HTML the build wrote and puts its bundle (`pagefind/`, with
 * `pagefind.js` and the index) into the same output folder.
 *
 * Only the parts of pages marked `data-pagefind-body` are indexed (the
 * article element of each story page), so navigation, footers and list
 * pages never show up as results.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The folder of the search bundle inside the site's output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** What indexing a built site produced. */
export interface IndexSummary {
  /** Pages in the index, across every language Pagefind found. */
  pageCount: number;
  /** HTML files Pagefind read, whether or not they were indexed. */
  fileCount: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/**
 * Indexes every HTML file under `siteDir` and writes the search bundle to
 * `siteDir/pagefind/`.
 *
 * @throws Error listing Pagefind's messages when it reports any
 */
export async function indexSite(siteDir: string): Promise<IndexSummary> {
  const outputPath = join(siteDir, SEARCH_BUNDLE_DIR);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw indexingError('could not start', errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0)
      throw indexingError('could not read the built pages', added.errors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw indexingError('could not write its files', written.errors);
    return {
      pageCount: await countIndexedPages(outputPath),
      fileCount: added.page_count,
      outputPath,
    };
  } finally {
    // The Node API talks to a Pagefind process; stop it so the build can exit.
    await pagefind.close();
  }
}

/**
 * How many pages a written bundle holds, from its entry file. (The count
 * that `addDirectory` returns includes files that had nothing to index.)
 *
 * @param bundleDir a `pagefind/` folder written by `indexSite`
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

/** The Astro integration: builds the search index once a build is done. */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'newsroom:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await indexSite(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`Indexed ${summary.pageCount} pages for search in ${seconds}s.`);
      },
    },
  };
}
