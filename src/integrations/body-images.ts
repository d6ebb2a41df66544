/**
 * Copies the images each story's body shows from files beside it
 * (`![Chart](./chart.svg)`) next to the story's page, so that the relative
 * `src` the body keeps works on the page and, made absolute, in the feeds.
 *
 * A production build copies them here, from the build's article list,
 * rather than through a route: Astro's router makes a request of each
 * address it writes, and an address that holds `%` (`100%.png`) logs an
 * error when it is decoded, or, when the `%` and what follows read as an
 * escape (`100%41.png`), matches no path and fails the build; `#` and `?`
 * end a path there. Under `npm run dev` the route
 * `src/pages/[year]/[month]/[day]/[slug]/[...asset].ts` serves them.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createImageInspector } from '../lib/article-files.ts';
import { bodyImagePath } from '../lib/articles/images.ts';
import { ARTICLE_LIST_FILE, readArticleList } from '../lib/build-cache/article-list.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { articleToPath } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';

/** The Astro integration. */
export function bodyImagesIntegration(): AstroIntegration {
  let listFile: string | undefined;
  let rootDir: string | undefined;
  return {
    name: 'newsroom:body-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        listFile = fileURLToPath(new URL(ARTICLE_LIST_FILE, config.cacheDir));
        rootDir = fileURLToPath(config.root);
      },
      // Runs after every page is written, so each story's folder exists.
      'astro:build:generated': async ({ dir, logger }) => {
        if (!listFile || !rootDir) return;
        const outDir = fileURLToPath(dir);
        const inspect = createImageInspector(rootDir, join(rootDir, 'content'));
        for await (const article of readArticleList(listFile)) {
          await copyBodyImages(article, {
            rootDir,
            outDir,
            inspect,
            warn: (message) => logger.warn(message),
          });
        }
      },
    },
  };
}

/** Where body images are copied from and to. */
export interface BodyImageCopy {
  rootDir: string;
  /** The site's output folder. */
  outDir: string;
  inspect: ReturnType<typeof createImageInspector>;
  warn: (message: string) => void;
}

/**
 * Copies a story's body images beside its page, as new files (never links
 * to `content/`, and never writing through a link to the last build's).
 */
export async function copyBodyImages(
  article: Pick<StoredArticle, 'sourcePath' | 'bodyImages' | 'slug' | 'published'>,
  { rootDir, outDir, inspect, warn }: BodyImageCopy,
): Promise<void> {
  const folder = posix.dirname(article.sourcePath);
  const page = join(outDir, articleToPath(article, siteSettings.timeZone));
  for (const src of article.bodyImages) {
    // The collection has checked each file, and a build with a
    // problem stops before this; one changed since is left out.
    const file = bodyImagePath(article.sourcePath, src);
    if (!file?.startsWith(`${folder}/`) || (await inspect(file)).kind !== 'ok') {
      warn(`${article.sourcePath}: the image ${src} changed during the build and is left out.`);
      continue;
    }
    const copy = join(page, file.slice(folder.length + 1));
    await mkdir(dirname(copy), { recursive: true });
    // A clone where the file system can make one, else a copy: never a
    // link, which would let an edit to content/ change the site. Copied
    // beside its place and renamed, so that a file already there (a link
    // to the last build's copy) is replaced, not written through.
    const partial = `${copy}.${process.pid}.partial`;
    await copyFile(join(rootDir, file), partial, constants.COPYFILE_FICLONE);
    await rename(partial, copy);
  }
}
