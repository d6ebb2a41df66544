/**
 * The sitemap index and its sitemaps, with each article's `lastmod`.
 *
 * The pages' addresses come from the build (`astro:build:done`); the dates
 * live in the content store, and re-reading every article file from here
 * would cost a second parse of the whole archive, so they come from the
 * build's article list, which the loader writes before the build starts
 * (`src/lib/build-cache/article-list.ts`). The files themselves are made by
 * `buildSitemaps`, which a publish also calls with the pages it knows.
 *
 * Not @astrojs/sitemap: it sorts URLs with `localeCompare`, which builds an
 * ICU collator for every comparison and takes 7–8 s of CPU at 100,000
 * pages, as long as a whole one-story publish should take.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ARTICLE_LIST_FILE, readArticleList } from '../lib/build-cache/article-list.ts';
import { articlesToLastmods, buildSitemaps } from '../lib/sitemaps.ts';
import { siteSettings } from '../site.config.ts';

/** The site-relative path of a page as `astro:build:done` names it (`''`, `2024/`, `404`). */
export function builtPageToPath(pathname: string): string {
  return `/${pathname}`.replace(/\/?$/, '/');
}

/**
 * The integration that writes `/sitemap-index.xml` and its sitemaps: every
 * page but the error pages and search, split every 50,000 URLs, articles
 * with their `lastmod`.
 */
export function articleSitemap(): AstroIntegration {
  let listFile: string | undefined;
  let site: string | undefined;
  return {
    name: 'article-sitemap',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        listFile = fileURLToPath(new URL(ARTICLE_LIST_FILE, config.cacheDir));
        site = config.site;
        if (!site) logger.warn('No `site` in the configuration: no sitemap is written.');
      },
      'astro:build:done': async ({ dir, pages }) => {
        if (!listFile || !site) return;
        // Only the dates and addresses, so that the archive's records are not all held at once.
        const dates = [];
        for await (const { slug, published, updated } of readArticleList(listFile)) {
          dates.push({ slug, published, updated });
        }
        const lastmods = articlesToLastmods(dates, siteSettings.timeZone);
        const paths = pages.map((page) => builtPageToPath(page.pathname));
        for (const [name, text] of buildSitemaps(paths, lastmods, site)) {
          await writeFile(new URL(name, dir), text);
        }
      },
    },
  };
}
