/**
 * Images an article's body shows from files beside it (`![Chart](./chart.svg)`),
 * copied next to the article's page, so that the relative `src` the body keeps
 * works on the page and, made absolute, in the feeds.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../../../data/articles.ts';
import { bodyImagePath } from '../../../../../lib/articles/images.ts';
import { articleToParams } from '../../../../../lib/urls.ts';
import { siteSettings } from '../../../../../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return articles.flatMap((article) => {
    const params = articleToParams(article, siteSettings.timeZone);
    // The collection has checked that each file sits in the article's folder.
    return article.bodyImages.map((src) => ({
      params: { ...params, asset: posix.normalize(decodeURI(src)) },
      props: { file: bodyImagePath(article.sourcePath, src) },
    }));
  });
}) satisfies GetStaticPaths;

/** The file's bytes, as they are. */
export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: string };
  // Builds run from the project root, where `sourcePath` starts.
  return new Response(await readFile(join(process.cwd(), file)));
};
