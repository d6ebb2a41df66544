/**
 * Indexes one period's stories with Pagefind's Node API into a bundle
 * folder: each story's search document, with its body read from its file.
 */
import * as pagefind from 'pagefind';
import { readBodyHtml } from '../../lib/build-cache/body-html.ts';
import { searchDocument } from '../../lib/search-document.ts';
import type { SearchIndexArticle } from './articles-by-period.ts';

/** Stories whose bodies are read at once. */
const INDEXING_BATCH = 100;

/**
 * Word places per chunk of a bundle's word index, for Pagefind's
 * `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`. A search loads, from every bundle
 * it searches, the chunk that holds each of its words and the bundle's list
 * of pages and chunks. With Pagefind's 20,000 a month of a busy wire has
 * chunks of about 31 kB and a list of 2.7 kB, so a word cost about 34 kB a
 * month; with 2,500, chunks of about 5 kB and a list of 3.8 kB.
 */
const INDEX_CHUNK_SIZE = '2500';
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** How long a bundle took, in milliseconds: Pagefind's writing grows faster than its size. */
export interface IndexingTime {
  /** Reading the bodies and adding the documents. */
  adding: number;
  /** Writing the bundle's files. */
  writing: number;
}

/**
 * Indexes one period's articles into a bundle at `outputPath`.
 *
 * @param settings the site's zone and language, for the documents
 * @throws Error listing Pagefind's messages when it reports any
 */
export async function indexBundle(
  articles: readonly SearchIndexArticle[],
  settings: { timeZone: string; language: string },
  outputPath: string,
): Promise<IndexingTime> {
  // Pagefind's process reads it as it starts, from the environment it inherits.
  const callersChunkSize = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] = INDEX_CHUNK_SIZE;
  try {
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw indexingError('could not start', errors);
    for (let start = 0; start < articles.length; start += INDEXING_BATCH) {
      const batch = articles.slice(start, start + INDEXING_BATCH);
      const bodies = await Promise.all(batch.map((article) => readBodyHtml(article.bodyHtmlFile)));
      // Sent in the list's order, without waiting for each answer: the
      // bundle's bytes depend on the order pages arrive in, not on timing.
      const added = await Promise.all(
        batch.map((article, position) => {
          const { url, html } = searchDocument(article, bodies[position] ?? '', settings);
          return index.addHTMLFile({ url, content: html });
        }),
      );
      const addErrors = added.flatMap((response) => response.errors);
      if (addErrors.length > 0) throw indexingError('could not read the stories', addErrors);
    }
    const added = performance.now();
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw indexingError('could not write its files', written.errors);
    return { adding: added - started, writing: performance.now() - added };
  } finally {
    // The Node API talks to a Pagefind process; stopping it after each
    // bundle frees that bundle's index, and lets the build exit.
    await pagefind.close();
    if (callersChunkSize === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = callersChunkSize;
  }
}

function indexingError(what: string, messages: string[]): Error {
  return new Error(`Pagefind ${what}, so the site has no search index:\n${messages.join('\n')}`);
}
