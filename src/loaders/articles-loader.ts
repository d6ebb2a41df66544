/**
 * The content layer loader for articles: a thin adapter between Astro and
 * the code that syncs articles into the store (`sync-articles.ts`). It
 * works out the folders, the pipeline version and the build's clock, syncs
 * once, and in dev syncs again whenever a file under the content folder
 * changes.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import { ARTICLE_LIST_FILE, DEV_ARTICLE_LIST_FILE } from '../lib/build-cache/article-list.ts';
import { BODY_HTML_DIR } from '../lib/build-cache/body-html.ts';
import { buildClock } from '../lib/clock.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { SOURCE_STAMPS_FILE } from './source-stamps.ts';
import { syncArticles } from './sync-articles.ts';

/** Where a production sync records how much it read and parsed (see `SyncWork`), in Astro's cache folder. */
export const ARTICLE_SYNC_WORK_FILE = 'article-sync.json';

/** Options of the articles loader. */
export interface ArticlesLoaderOptions {
  /** The content folder, relative to the project root. @example content */
  contentDir: string;
  /** Leave drafts and scheduled articles out (production builds). */
  production: boolean;
}

/** Creates the loader. */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  return {
    name: 'articles-loader',
    schema: z.custom<StoredArticle>(),
    load: async (context) => {
      // The publish renderer's compile reads no content: its pages read the
      // article list when a publish renders them.
      if (process.env.NEWSROOM_RENDERER === '1') return;
      const rootDir = fileURLToPath(context.config.root);
      const contentDir = join(rootDir, options.contentDir);
      const htmlDir = fileURLToPath(new URL(`${BODY_HTML_DIR}/`, context.config.cacheDir));
      const listFileOf = (production: boolean) =>
        fileURLToPath(
          new URL(production ? ARTICLE_LIST_FILE : DEV_ARTICLE_LIST_FILE, context.config.cacheDir),
        );
      const stampsFile = fileURLToPath(new URL(SOURCE_STAMPS_FILE, context.config.cacheDir));
      const workFile = fileURLToPath(new URL(ARTICLE_SYNC_WORK_FILE, context.config.cacheDir));
      const version = pipelineVersion(rootDir);
      const sync = (production: boolean) =>
        syncArticles(context, {
          rootDir,
          contentDir,
          htmlDir,
          version,
          now: buildClock(),
          production,
          stampsFile,
          listFile: listFileOf(production),
          ...(production && { workFile }),
        });
      await sync(options.production);

      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(contentDir);
      const onChange = (path: string) => {
        if (relative(contentDir, path).startsWith('..')) return;
        // A sync that fails (a folder that cannot be read, say) is logged, so
        // that the next edit still syncs; a bad article never fails one.
        sync(false).catch((error: unknown) => {
          context.logger.error(
            `The articles could not be synced (${error instanceof Error ? error.message : String(error)}); the next change under ${options.contentDir}/ tries again.`,
          );
        });
      };
      watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
    },
  };
}
