/**
 * `/robots.txt`: every crawler is welcome; it names the sitemaps.
 */
import type { APIRoute } from 'astro';
import { publicBase } from '../data/public-base.ts';
import { buildRobotsTxt, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '../lib/sitemaps.ts';
import { pathToUrl } from '../lib/urls.ts';

/** The robots file. */
export const GET: APIRoute = ({ site }) => {
  const base = publicBase(site);
  const text = buildRobotsTxt(
    [SITEMAP_INDEX_PATH, NEWS_SITEMAP_PATH].map((path) => pathToUrl(path, base)),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
