/**
 * Finds an article's lead image for Astro's image service.
 *
 * A relative `image.src` is resolved against the article file and looked up
 * among the image files under `content/`, which Vite knows through the glob
 * below; an `https:` URL is kept as it is, since the build does not fetch
 * other hosts.
 */
import type { ImageMetadata } from 'astro';
import { isRemoteImage, resolveArticlePath } from '../lib/articles/images.ts';
import type { ArticleImage, ArticleMeta } from '../lib/articles/schema.ts';

// The image files the site can process: `IMAGE_EXTENSIONS`, in lower and
// upper case. Vite needs the pattern as a literal, so a unit test checks
// that the two lists agree.
const localImages = import.meta.glob<{ default: ImageMetadata }>(
  '/content/**/*.{png,jpg,jpeg,webp,avif,gif,svg,PNG,JPG,JPEG,WEBP,AVIF,GIF,SVG}',
);

/** A lead image ready to render: a processed local file or a remote URL. */
export type ResolvedImage = ArticleImage &
  ({ kind: 'local'; metadata: ImageMetadata } | { kind: 'remote'; url: string });

/**
 * The glob key of an image written relative to an article file.
 *
 * @example imageToGlobKey('content/2026/02/a.md', './skyline.png') // '/content/2026/02/skyline.png'
 */
export function imageToGlobKey(sourcePath: string, src: string): string {
  return `/${resolveArticlePath(sourcePath, src)}`;
}

/**
 * The article's lead image, or `undefined` when it has none.
 *
 * @throws Error when a relative image is not among the content's image files
 */
export async function resolveArticleImage(
  article: Pick<ArticleMeta, 'image' | 'sourcePath'>,
): Promise<ResolvedImage | undefined> {
  const image = article.image;
  if (!image) return undefined;
  if (isRemoteImage(image.src)) return { ...image, kind: 'remote', url: image.src };
  const key = imageToGlobKey(article.sourcePath, image.src);
  const load = localImages[key];
  if (!load) {
    throw new Error(
      `${article.sourcePath}: the image ${key} is not among the site's image files; use a .png, .jpg, .webp, .avif, .gif or .svg file beside the article.`,
    );
  }
  return { ...image, kind: 'local', metadata: (await load()).default };
}
