/**
 * The articles as pages see them: read once from the content store, newest
 * first. Body HTML is read per article from the file the loader wrote, so
 * list pages stay light and no build holds every body in memory.
 */
import { getCollection, getEntry } from 'astro:content';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import { sortNewestFirst } from '../lib/collection.ts';
import { readBodyHtml } from '../lib/build-cache/body-html.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';

let articles: Promise<StoredArticle[]> | undefined;

/** Every article in this build (published ones in production), newest first. */
export function getArticles(): Promise<StoredArticle[]> {
  articles ??= getCollection('articles').then((entries) =>
    sortNewestFirst(entries.map((entry) => entry.data)),
  );
  return articles;
}

/** The sanitised body HTML of an article. */
export async function getArticleHtml(article: Pick<ArticleMeta, 'sourcePath'>): Promise<string> {
  const entry = await getEntry('articles', article.sourcePath);
  if (!entry) throw new Error(`No article comes from ${article.sourcePath}.`);
  return readBodyHtml(entry.data.bodyHtmlFile);
}
