/**
 * Finds an article's lead image for Astro's image service.
 *
 * A relative `image.src` is resolved against the article file and looked up
 * among the published copies of lead images, which the loader makes for the
 * stories it stores (`LEAD_IMAGE_DIR`) and Vite knows through the glob
 * below; an `https:` URL is kept as it is, since the build does not fetch
 * other hosts. Vite emits every file a glob matches, so the glob reads the
 * copies rather than `content/`: an image no published story uses never
 * reaches the output.
 */
import type { ImageMetadata } from 'astro';
import { isRemoteImage, leadImageCopyPath, resolveArticlePath } from '../lib/articles/images.ts';
import type { ArticleImage, ArticleMeta } from '../lib/articles/schema.ts';

// `LEAD_IMAGE_DIR`, which holds only images of the types the site takes.
// Vite needs the pattern as a literal, so a unit test checks that the two agree.
const leadImages = import.meta.glob<{ default: ImageMetadata }>('/.astro/cache/lead-images/**/*');

/** A lead image ready to render: a processed local file or a remote URL. */
export type ResolvedImage = ArticleImage &
  ({ kind: 'local'; metadata: ImageMetadata } | { kind: 'remote'; url: string });

/**
 * The glob key of the published copy of an image written relative to an
 * article file.
 *
 * @example imageToGlobKey('content/2026/02/a.md', './skyline.png') // '/.astro/cache/lead-images/content/2026/02/skyline.png'
 */
export function imageToGlobKey(sourcePath: string, src: string): string {
  return `/${leadImageCopyPath(resolveArticlePath(sourcePath, src))}`;
}

/**
 * The article's lead image, or `undefined` when it has none.
 *
 * @returns undefined too in dev for an image that has no published copy,
 *   since the content checks failed it
 * @throws Error when a relative image has no published copy in a build:
 *   the content checks stop a build before that, so only if the loader did not run
 */
export async function resolveArticleImage(
  article: Pick<ArticleMeta, 'image' | 'sourcePath'>,
): Promise<ResolvedImage | undefined> {
  const image = article.image;
  if (!image) return undefined;
  if (isRemoteImage(image.src)) return { ...image, kind: 'remote', url: image.src };
  const load = leadImages[imageToGlobKey(article.sourcePath, image.src)];
  if (!load) {
    // Dev shows a story whose lead image failed the checks, and logs the problem.
    if (import.meta.env.DEV) return undefined;
    throw new Error(
      `${article.sourcePath}: the image ${resolveArticlePath(article.sourcePath, image.src)} is not published; run npm run check:content to see what is wrong with it.`,
    );
  }
  return { ...image, kind: 'local', metadata: (await load()).default };
}
