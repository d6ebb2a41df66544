/**
 * `/rss.xml`: the newest stories of every section, full text.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../data/articles.ts';
import { articleToRssItem } from '../data/feed-items.ts';
import { publicBase } from '../data/public-base.ts';
import { buildRss } from '../lib/feed.ts';
import { FEED_PATH, pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';

/** The site-wide feed. */
export const GET: APIRoute = async ({ site }) => {
  const base = publicBase(site);
  const articles = (await getArticles()).slice(0, siteSettings.feedSize);
  const items = await Promise.all(articles.map((article) => articleToRssItem(article, base)));
  const xml = buildRss(items, {
    title: siteSettings.title,
    link: pathToUrl('/', base),
    description: siteSettings.description,
    language: siteSettings.language,
    selfUrl: pathToUrl(FEED_PATH, base),
    limit: siteSettings.feedSize,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
