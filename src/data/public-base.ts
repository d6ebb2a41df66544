/**
 * The site's public base URL, against which pages, feeds and sitemaps make
 * their absolute links.
 */
import { siteSettings } from '../site.config.ts';

/**
 * The public base for a page or endpoint: Astro's `site` (the `SITE_URL`
 * variable or the settings' URL, see `astro.config.mjs`), else the settings'
 * URL, for a context that has no `site`.
 */
export function publicBase(site: URL | undefined): URL {
  return site ?? new URL(siteSettings.url);
}
