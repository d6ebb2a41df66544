/**
 * `/news-sitemap.xml`: the stories of the two days before the build's clock,
 * for Google News.
 */
import type { APIRoute } from 'astro';
import { getArticles } from '../data/articles.ts';
import { publicBase } from '../data/public-base.ts';
import { buildClock } from '../lib/clock.ts';
import { buildNewsSitemap } from '../lib/sitemaps.ts';
import { siteSettings } from '../site.config.ts';

/** The news sitemap. */
export const GET: APIRoute = async ({ site }) => {
  const xml = buildNewsSitemap(await getArticles(), {
    now: buildClock(),
    site: publicBase(site),
    timeZone: siteSettings.timeZone,
    publicationName: siteSettings.publisher,
    language: siteSettings.language,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
