/**
 * The articles as pages see them: read from the build's article list, which
 * the loader writes when the content is synced (`build-cache/article-list.ts`),
 * newest first, and grouped once into the site index in the site's time zone.
 * Pages read the list at render time rather than through Astro's content
 * store, so that compiled pages do not hold the content and a publish can
 * render them again over a new list. Body HTML is read per article from its
 * file, so list pages stay light and no build holds every body in memory.
 */
import { stat } from 'node:fs/promises';
import { sortNewestFirst } from '../lib/publication.ts';
import {
  ARTICLE_LIST_FILE,
  DEV_ARTICLE_LIST_FILE,
  readArticleList,
} from '../lib/build-cache/article-list.ts';
import { readBodyHtml } from '../lib/build-cache/body-html.ts';
import { buildCacheFile } from '../lib/build-cache/cache-dir.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';
import { siteSettings } from '../site.config.ts';

/** The list this process reads: the dev server keeps its own, with drafts. */
const listFile = buildCacheFile(import.meta.env.DEV ? DEV_ARTICLE_LIST_FILE : ARTICLE_LIST_FILE);

let articles: Promise<StoredArticle[]> | undefined;
/** The list's modification time when it was read, for the dev server to notice a new one. */
let readVersion: bigint | undefined;

/** Every article in this build (published ones in production), newest first. */
export async function getArticles(): Promise<StoredArticle[]> {
  if (import.meta.env.DEV) {
    // The dev server's loader writes the list anew after each edit.
    const version = (await stat(listFile, { bigint: true }).catch(() => undefined))?.mtimeNs;
    if (version !== readVersion) articles = undefined;
    readVersion = version;
  }
  articles ??= readAll();
  return articles;
}

async function readAll(): Promise<StoredArticle[]> {
  const list: StoredArticle[] = [];
  for await (const article of readArticleList(listFile)) list.push(article);
  return sortNewestFirst(list);
}

/** Computed once per reading of the list, for every page that asks. */
const perList = new WeakMap<Promise<StoredArticle[]>, Promise<SiteIndex<StoredArticle>>>();

/**
 * This build's articles grouped by section, year, month and day in the
 * site's zone, and by topic, author and source, with every correction and
 * update: every page asks for it, and only the first pays.
 */
export async function getSiteIndex(): Promise<SiteIndex<StoredArticle>> {
  await getArticles();
  const current = articles!;
  let index = perList.get(current);
  if (!index) {
    index = current.then((list) =>
      buildSiteIndex(list, siteSettings.timeZone, siteSettings.language),
    );
    perList.set(current, index);
  }
  return index;
}

/** The sanitised body HTML of an article. */
export function getArticleHtml(article: Pick<StoredArticle, 'bodyHtmlFile'>): Promise<string> {
  return readBodyHtml(article.bodyHtmlFile);
}
