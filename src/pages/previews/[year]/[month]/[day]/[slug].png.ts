/**
 * `/previews/YYYY/MM/DD/<slug>.png`: a story's SVG lead image as a PNG for
 * link previews, which show no SVG. Astro's image service draws an SVG at
 * its own size and enlarges nothing, and a chart is often exported small;
 * this draws it `PREVIEW_WIDTH` pixels wide from the vector (see
 * `svgLeadToPng`). Only stories whose lead image is an SVG file have one.
 * The key covers the image file (its path and stamp), so a publish copies
 * it from the last build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../../../data/articles.ts';
import { pageProps } from '../../../../../data/page-props.ts';
import { keyOf } from '../../../../../lib/cache-keys.ts';
import { svgLeadToPng } from '../../../../../lib/card-render.ts';
import { isSvgLead, svgLeadFile } from '../../../../../lib/link-cards.ts';
import { PREVIEW_WIDTH } from '../../../../../lib/link-cards.ts';
import { articleToParams } from '../../../../../lib/urls.ts';
import { siteSettings } from '../../../../../site.config.ts';

type Props = { file: string };

export const getStaticPaths = (async () => {
  const articles = await getArticles();
  return articles.filter(isSvgLead).map((article) => {
    const file = svgLeadFile(article);
    return {
      params: articleToParams(article, siteSettings.timeZone),
      props: { file } satisfies Props,
      cacheKey: keyOf(['svg-preview', PREVIEW_WIDTH, file, article.imageStamp]),
    };
  });
}) satisfies GetStaticPaths;

/** The PNG; the build runs from the project's root, where the loader's copies are. */
export const GET: APIRoute<Props> = async (context) => {
  const { file } = pageProps(context);
  const png = await svgLeadToPng(await readFile(join(process.cwd(), file)), PREVIEW_WIDTH);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
