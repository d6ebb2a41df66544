/**
 * The site's rules for images, in one place: which image sources are
 * remote, which file types the build can process, which file a path
 * written in an article names, and whether a file's bytes are the type its
 * name says. The content checks, the loader and the pages that render
 * images all follow these.
 */
import { posix } from 'node:path';
import { checkSvg, type SvgFinding } from './svg-check.ts';

/** An image type the site takes, by the name editors know it by. */
export type ImageType = 'JPEG' | 'PNG' | 'GIF' | 'WebP' | 'AVIF' | 'SVG';

/** The type each extension the site takes names, by the extension in lower case. */
const TYPE_OF_EXTENSION: Readonly<Record<string, ImageType>> = {
  avif: 'AVIF',
  gif: 'GIF',
  jpeg: 'JPEG',
  jpg: 'JPEG',
  png: 'PNG',
  svg: 'SVG',
  webp: 'WebP',
};

/**
 * The extensions, in lower case, of the image files the site can process:
 * the types Astro's image service reads. TIFF is not among them: the
 * service cannot turn it into a web image.
 */
export const IMAGE_EXTENSIONS: readonly string[] = Object.keys(TYPE_OF_EXTENSION);

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
  return imageTypeOfPath(path) !== undefined;
}

/** The image type a path's extension names, in any case, if it is one the site takes. */
export function imageTypeOfPath(path: string): ImageType | undefined {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : TYPE_OF_EXTENSION[extension];
}

/**
 * How many bytes from the start of a raster image file tell its type: the
 * signatures below, and an AVIF file's list of brands.
 */
export const IMAGE_HEADER_LENGTH = 64;

/**
 * The type an image file's first bytes say it is: the signature (magic
 * number) of a raster type, or text opening with `<`, as SVG's does.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'PNG';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'GIF';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (ascii(4, 8) === 'ftyp') {
    // An ISO media file: AVIF when its major brand or a compatible one is
    // avif (a still image) or avis (a sequence), not heic or mp4.
    const boxEnd = Math.min(
      ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
      bytes.length,
    );
    for (let at = 8; at + 4 <= boxEnd; at += at === 8 ? 8 : 4) {
      if (['avif', 'avis'].includes(ascii(at, at + 4))) return 'AVIF';
    }
    return undefined;
  }
  if (/^(\uFEFF)?\s*<[?!a-z]/i.test(new TextDecoder().decode(bytes.subarray(0, 32)))) return 'SVG';
  return undefined;
}

/** What is wrong with an image file's bytes, given the type its name says. */
export type ImageContentFinding =
  | {
      kind: 'wrong-type';
      /** The type the file's name says. */
      expected: ImageType;
      /** The type its bytes are, when they are one the site takes. */
      actual: ImageType | undefined;
    }
  | SvgFinding;

/**
 * Checks that an image file is what its name says: a raster file by its
 * first bytes (`IMAGE_HEADER_LENGTH` of them are enough), an SVG file whole,
 * by `checkSvg`.
 *
 * @param path the file's path, whose extension says its type
 * @returns what is wrong, or undefined when the file may be published
 */
export function checkImageBytes(path: string, bytes: Uint8Array): ImageContentFinding | undefined {
  const expected = imageTypeOfPath(path);
  if (!expected) throw new Error(`${path} has no image extension; check the extension first.`);
  const actual = sniffImageType(bytes);
  if (expected !== 'SVG') {
    return actual === expected ? undefined : { kind: 'wrong-type', expected, actual };
  }
  if (actual !== 'SVG') return { kind: 'wrong-type', expected, actual };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { kind: 'malformed', place: { line: 1, column: 1 }, reason: 'text that is not UTF-8' };
  }
  return checkSvg(text);
}

/**
 * Where the build keeps a copy of each lead image the site publishes,
 * relative to the project root. The pages' image pipeline sees these copies
 * and nothing else under `content/` (`src/data/article-image.ts`), so no
 * image reaches the output unless a published story uses it and it passed
 * the checks.
 */
export const LEAD_IMAGE_DIR = '.astro/cache/lead-images';

/**
 * The project-relative path of the published copy of a lead image.
 *
 * @example leadImageCopyPath('content/2026/02/skyline.png') // '.astro/cache/lead-images/content/2026/02/skyline.png'
 */
export function leadImageCopyPath(imagePath: string): string {
  return `${LEAD_IMAGE_DIR}/${imagePath}`;
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
 * The project-relative path of a local image the body shows: the file a
 * static server sends for the address the body's `src` makes. A body keeps
 * `src` as a URL (`my%20chart.svg`), so a query or fragment is dropped and
 * every escape decoded, as a server does (`100%25.png` is `100%.png`,
 * `chart%231.png` is `chart#1.png`).
 *
 * @returns the path, or undefined when `src` has a `%` escape that stands
 *   for no character (`%FF`), which names no file
 * @example bodyImagePath('content/2026/02/a.md', 'img/my%20map.png') // 'content/2026/02/img/my map.png'
 */
export function bodyImagePath(articlePath: string, src: string): string | undefined {
  try {
    return resolveArticlePath(articlePath, decodeURIComponent(src.replace(/[?#].*$/s, '')));
  } catch {
    return undefined;
  }
}
