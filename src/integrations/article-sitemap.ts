/**
 * The sitemap index, by @astrojs/sitemap, with each article's `lastmod`.
 *
 * The sitemap integration runs after the build and sees only page URLs, while
 * `updated` and `published` live in the content store. Re-reading every
 * article file from the config would cost a second parse of the whole
 * archive, so the dates come from the build's article list, which the
 * loader writes before the build starts (`src/lib/build-cache/article-list.ts`):
 * when the pages are written, this integration maps each article's path to
 * its `lastmod`, and the sitemap's `serialize` looks each URL up in that map.
 */
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { ARTICLE_LIST_FILE, readArticleList } from '../lib/build-cache/article-list.ts';
import {
  addLastmod,
  articlesToLastmods,
  isSitemapPage,
  SITEMAP_MAX_URLS,
  type Lastmods,
} from '../lib/sitemaps.ts';
import { siteSettings } from '../site.config.ts';

/**
 * The integrations that write `/sitemap-index.xml` and its sitemaps: every
 * page but the error pages and search, split every 50,000 URLs, articles with
 * their `lastmod`.
 */
export function articleSitemap(): AstroIntegration[] {
  let listFile: string | undefined;
  let lastmods: Lastmods = {};
  const readLastmods: AstroIntegration = {
    name: 'article-lastmods',
    hooks: {
      'astro:config:done': ({ config }) => {
        listFile = fileURLToPath(new URL(ARTICLE_LIST_FILE, config.cacheDir));
      },
      // Runs after every page is written, before any build:done hook.
      'astro:build:generated': async () => {
        if (!listFile) return;
        // Only the dates and addresses, so that the archive's records are not all held at once.
        const articles = [];
        for await (const { slug, published, updated } of readArticleList(listFile)) {
          articles.push({ slug, published, updated });
        }
        lastmods = articlesToLastmods(articles, siteSettings.timeZone);
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
