/**
 * `/robots.txt`: every crawler is welcome; it names the sitemaps.
 */
import type { APIRoute } from 'astro';
import { buildRobotsTxt, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '../lib/sitemaps.ts';
import { pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';

/** The robots file. */
export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL(siteSettings.url);
  const text = buildRobotsTxt(
    [SITEMAP_INDEX_PATH, NEWS_SITEMAP_PATH].map((path) => pathToUrl(path, base)),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
