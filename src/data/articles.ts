/**
 * The articles as pages see them: read once from the content store, newest
 * first. Body HTML is fetched per article, so list pages stay light.
 */
import { getCollection, getEntry } from 'astro:content';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import { sortNewestFirst } from '../lib/collection.ts';

let articles: Promise<ArticleMeta[]> | undefined;

/** Every article in this build (published ones in production), newest first. */
export function getArticles(): Promise<ArticleMeta[]> {
  articles ??= getCollection('articles').then((entries) =>
    sortNewestFirst(entries.map((entry) => entry.data)),
  );
  return articles;
}

/** The sanitised body HTML of an article. */
export async function getArticleHtml(article: Pick<ArticleMeta, 'sourcePath'>): Promise<string> {
  const entry = await getEntry('articles', article.sourcePath);
  return entry?.rendered?.html ?? '';
}
