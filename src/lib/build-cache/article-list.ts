/**
 * The build's article list: the one channel through which the articles a
 * production build publishes reach the integrations (search, sitemap). The
 * loader writes it when the content is synced, before any page is built;
 * the integrations read it from the build cache.
 *
 * One JSON record a line, newest first. Lines are split at `\n` only: a
 * record may hold any character an article may, U+2028 and U+2029 among
 * them, which `JSON.stringify` leaves as they are and line readers such as
 * `node:readline` would break lines at.
 */
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { StoredArticle } from './stored-article.ts';

/** The file, inside Astro's cache folder, that lists a production build's articles. */
export const ARTICLE_LIST_FILE = 'articles.jsonl';

/** The dev server's list, drafts and scheduled stories included, apart from a build's. */
export const DEV_ARTICLE_LIST_FILE = 'articles.dev.jsonl';

/** Records encoded and written at once: one string for 100,000 would be hundreds of megabytes. */
const WRITE_BATCH = 1000;

/**
 * Writes the articles in the order given. The file is written beside its
 * place and renamed into it, so a reader never sees half of it.
 */
export async function writeArticleList(
  file: string,
  articles: readonly StoredArticle[],
): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'w');
  try {
    for (let start = 0; start < articles.length; start += WRITE_BATCH) {
      const lines = articles
        .slice(start, start + WRITE_BATCH)
        .map((article) => JSON.stringify(article));
      await handle.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await handle.close();
  }
  await rename(partial, file).catch(async (error: unknown) => {
    await rm(partial, { force: true });
    throw error;
  });
}

/**
 * Reads the articles one at a time, in the order they were written.
 *
 * @throws Error naming the file (and the line, for a record that is not
 *   JSON) when it is missing or unreadable
 */
export async function* readArticleList(file: string): AsyncGenerator<StoredArticle> {
  let lineNumber = 0;
  let rest = '';
  const parse = (line: string): StoredArticle => {
    try {
      return JSON.parse(line) as StoredArticle;
    } catch (error) {
      throw listError(file, lineNumber, error);
    }
  };
  try {
    for await (const chunk of createReadStream(file, 'utf8') as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        lineNumber++;
        if (line !== '') yield parse(line);
      }
    }
  } catch (error) {
    if (error instanceof ArticleListError) throw error;
    throw listError(file, 0, error);
  }
  if (rest !== '') {
    lineNumber++;
    yield parse(rest);
  }
}

/** A problem with the article list file, naming it. */
export class ArticleListError extends Error {
  override name = 'ArticleListError';
}

function listError(file: string, line: number, cause: unknown): ArticleListError {
  const where = line ? `${file}, line ${line}` : file;
  return new ArticleListError(
    `The build's article list (${where}) could not be read: ${cause instanceof Error ? cause.message : String(cause)}. ` +
      'It is written when the content is loaded; build again to write it anew.',
    { cause },
  );
}
