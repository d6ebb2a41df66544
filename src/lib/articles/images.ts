/**
 * The site's rules for images, in one place: which image sources are
 * remote, which file types the build can process, and which file a path
 * written in an article names. The content checks, the loader and the pages
 * that render images all follow these.
 */
import { posix } from 'node:path';

/**
 * The extensions, in lower case, of the image files the site can process:
 * the types Astro's image service reads. TIFF is not among them: the
 * service cannot turn it into a web image.
 */
export const IMAGE_EXTENSIONS: readonly string[] = [
  'avif',
  'gif',
  'jpeg',
  'jpg',
  'png',
  'svg',
  'webp',
];

/**
 * Whether an image source is a remote URL rather than a file beside the
 * article. Only `https:` URLs are allowed (the schema refuses other
 * schemes), and the build does not fetch them.
 */
export function isRemoteImage(src: string): boolean {
  return src.startsWith('https://');
}

/** Whether a path or URL ends in the extension of an image type the site can process, in any case. */
export function hasImageExtension(path: string): boolean {
  const extension = /\.([^./]+)$/.exec(path)?.[1];
  return extension !== undefined && IMAGE_EXTENSIONS.includes(extension.toLowerCase());
}

/**
 * Whether a body image's `src` names a file beside the article rather than
 * an address: a relative path, with no scheme, not site-absolute, not a
 * fragment or a query.
 */
export function isLocalImageUrl(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(url);
}

/**
 * The project-relative path of a file written relative to an article file
 * (a lead image's `src`).
 *
 * @param articlePath the article file's path, relative to the project root
 * @example resolveArticlePath('content/2026/02/a.md', './skyline.png') // 'content/2026/02/skyline.png'
 */
export function resolveArticlePath(articlePath: string, relativePath: string): string {
  return posix.normalize(posix.join(posix.dirname(articlePath), relativePath));
}

/**
 * The project-relative path of a local image the body shows. A body keeps
 * `src` as a URL (`my%20chart.svg`), so it is decoded first.
 *
 * @example bodyImagePath('content/2026/02/a.md', 'img/my%20map.png') // 'content/2026/02/img/my map.png'
 */
export function bodyImagePath(articlePath: string, src: string): string {
  return resolveArticlePath(articlePath, decodeURI(src));
}
