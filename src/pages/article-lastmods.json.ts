/**
 * `/article-lastmods.json`: each article's address and when it last changed,
 * written once per build for the sitemap integration to read and then remove
 * (see `src/integrations/article-sitemap.ts`). It is not part of the site.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../data/articles.ts';
import { articlesToLastmods } from '../lib/sitemaps.ts';
import { siteSettings } from '../site.config.ts';

/** The lastmod map, as JSON. */
export const GET: APIRoute = async () =>
  Response.json(articlesToLastmods(await getArticles(), siteSettings.timeZone));
