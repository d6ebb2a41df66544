/**
 * What names a period's bundle in the cache: a hash of the period's search
 * documents, of the code that indexes them and of Pagefind's version. Each
 * document is hashed with its body file's token (a digest of the article
 * and the pipeline) in place of the body, so the hash costs no reading.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyHtmlToken } from '../../lib/build-cache/body-html.ts';
import { searchDocument } from '../../lib/search-document.ts';
import type { SearchIndexArticle } from './articles-by-period.ts';

/**
 * A digest of every module in a folder, by name and content.
 *
 * @param dir a folder of `.ts` modules
 */
export function codeDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort()) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(dir, name)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * The version of the Pagefind package that indexes: another version may
 * write other bundles, and the bundles of one site must all come from the
 * one version whose browser module the search page loads.
 */
function pagefindVersion(): string {
  const packageFile = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
}

/**
 * The code of every module in this folder, among them all that decides how
 * a bundle's stories are indexed, and the indexer's version: a change to
 * any of it makes every bundle again. The library code that builds the
 * documents (`src/lib/search-document.ts`) shows in the documents, which
 * are hashed too, and the period a bundle holds names its folder.
 */
const INDEXER = `${codeDigest(fileURLToPath(new URL('.', import.meta.url)))} ${pagefindVersion()}`;

/**
 * A hash of a bundle's documents, each with its body file's token in place of the body.
 *
 * @param settings the site's zone and language, as the documents are built with
 */
export function hashBundle(
  articles: readonly SearchIndexArticle[],
  settings: { timeZone: string; language: string },
): string {
  const hash = createHash('sha256').update(INDEXER);
  for (const article of articles) {
    const { url, html } = searchDocument(article, bodyHtmlToken(article.bodyHtmlFile), settings);
    hash.update(url).update('\0').update(html).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
