/**
 * The sitemap index, by @astrojs/sitemap, with each article's `lastmod`.
 *
 * The sitemap integration runs after the build and sees only page URLs, while
 * `updated` and `published` live in the content store. Re-reading every
 * article file from the config would cost a second parse of the whole
 * archive, so the build writes the dates once instead: the endpoint
 * `/article-lastmods.json` (`src/pages/article-lastmods.json.ts`) emits a map
 * of article path to date from the already loaded collection. When the pages
 * are written, this integration reads that map, deletes the file so it is not
 * published, and the sitemap's `serialize` looks each URL up in it.
 */
import { readFile, rm } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import {
  addLastmod,
  isSitemapPage,
  LASTMODS_PATH,
  SITEMAP_MAX_URLS,
  type Lastmods,
} from '../lib/sitemaps.ts';

/**
 * The integrations that write `/sitemap-index.xml` and its sitemaps: every
 * page but the error pages and search, split every 50,000 URLs, articles with
 * their `lastmod`.
 */
export function articleSitemap(): AstroIntegration[] {
  let lastmods: Lastmods = {};
  const readLastmods: AstroIntegration = {
    name: 'article-lastmods',
    hooks: {
      // Runs after every page and endpoint is written, before any build:done hook.
      'astro:build:generated': async ({ dir }) => {
        const file = new URL(`.${LASTMODS_PATH}`, dir);
        lastmods = JSON.parse(await readFile(file, 'utf8')) as Lastmods;
        await rm(file);
      },
    },
  };
  return [
    readLastmods,
    sitemap({
      entryLimit: SITEMAP_MAX_URLS,
      filter: isSitemapPage,
      // Plain sitemaps: news, images and video have no entries here.
      namespaces: { news: false, xhtml: false, image: false, video: false },
      serialize: (item) => addLastmod(item, lastmods),
    }),
  ];
}
