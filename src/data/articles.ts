/**
 * The articles as pages see them: read once from the content store, newest
 * first, and grouped once into the site index in the site's time zone. Body
 * HTML is read per article from the file the loader wrote, so list pages
 * stay light and no build holds every body in memory.
 */
import { getCollection, getEntry } from 'astro:content';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import { sortNewestFirst } from '../lib/publication.ts';
import { readBodyHtml } from '../lib/build-cache/body-html.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';
import { siteSettings } from '../site.config.ts';

let articles: Promise<StoredArticle[]> | undefined;

/** Every article in this build (published ones in production), newest first. */
export function getArticles(): Promise<StoredArticle[]> {
  articles ??= getCollection('articles').then((entries) =>
    sortNewestFirst(entries.map((entry) => entry.data)),
  );
  return articles;
}

let siteIndex: Promise<SiteIndex<StoredArticle>> | undefined;

/**
 * This build's articles grouped by section, year, month and day in the
 * site's zone: every page asks for it, and only the first pays.
 */
export function getSiteIndex(): Promise<SiteIndex<StoredArticle>> {
  siteIndex ??= getArticles().then((list) => buildSiteIndex(list, siteSettings.timeZone));
  return siteIndex;
}

/** The sanitised body HTML of an article. */
export async function getArticleHtml(article: Pick<ArticleMeta, 'sourcePath'>): Promise<string> {
  const entry = await getEntry('articles', article.sourcePath);
  if (!entry) throw new Error(`No article comes from ${article.sourcePath}.`);
  return readBodyHtml(entry.data.bodyHtmlFile);
}
