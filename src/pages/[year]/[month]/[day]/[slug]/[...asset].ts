/**
 * Images an article's body shows from files beside it (`![Chart](./chart.svg)`),
 * served next to the article's page under `npm run dev`, so that the relative
 * `src` the body keeps works there. A production build writes no path here:
 * it copies the files itself (`src/integrations/body-images.ts`), since
 * Astro's router cannot write every file name (`100%.png`, `chart#1.png`).
 * Each file is served only when it passes the content checks.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../../../data/articles.ts';
import { createImageInspector } from '../../../../../lib/article-files.ts';
import { bodyImagePath } from '../../../../../lib/articles/images.ts';
import { articleToParams } from '../../../../../lib/urls.ts';
import { siteSettings } from '../../../../../site.config.ts';

// The server runs from the project root, where `sourcePath` starts.
const inspect = createImageInspector(process.cwd(), join(process.cwd(), 'content'));

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const articles = await getArticles();
  return articles.flatMap((article) => {
    const params = articleToParams(article, siteSettings.timeZone);
    const folder = posix.dirname(article.sourcePath);
    // Dev shows stories whose images have problems: an image whose path
    // names no file in the article's folder is left out.
    return article.bodyImages.flatMap((src) => {
      const file = bodyImagePath(article.sourcePath, src);
      if (!file?.startsWith(`${folder}/`)) return [];
      return [{ params: { ...params, asset: file.slice(folder.length + 1) }, props: { file } }];
    });
  });
}) satisfies GetStaticPaths;

/** The file's bytes, as they are, when it passes the content checks. */
export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: string };
  if ((await inspect(file)).kind !== 'ok') return new Response(null, { status: 404 });
  return new Response(await readFile(join(process.cwd(), file)));
};
