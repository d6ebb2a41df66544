/**
 * Lead images in the loader. The stamp (the size and modification time of
 * an article's local lead image) is kept with the stored article, so
 * replacing the image under the same name changes the entry, and with it
 * the keys of the pages that show it. The published copies are what the
 * pages' image pipeline reads: one for each lead image the sync's articles
 * use, and nothing else, so that an image no published story uses (a
 * draft's, an unused file, one in `_drafts/`) never reaches the output.
 */
import { copyFile, mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createImageInspector, toPosix } from '../lib/article-files.ts';
import {
  LEAD_IMAGE_DIR,
  isRemoteImage,
  leadImageCopyPath,
  resolveArticlePath,
} from '../lib/articles/images.ts';
import type { ArticleMeta } from '../lib/articles/schema.ts';

/**
 * The stamp of an article's local lead image, or undefined when it has none
 * (or the file is missing, which the collection reports).
 *
 * @param rootDir the project root, which `sourcePath` is relative to
 */
export async function stampImage(
  rootDir: string,
  article: Pick<ArticleMeta, 'image' | 'sourcePath'>,
): Promise<string | undefined> {
  const src = article.image?.src;
  if (!src || isRemoteImage(src)) return undefined;
  try {
    const file = await stat(join(rootDir, resolveArticlePath(article.sourcePath, src)));
    return `${file.size}:${file.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Lead images copied at once. */
const COPY_CONCURRENCY = 16;

/**
 * Makes the published copies (`LEAD_IMAGE_DIR`) those of the articles' lead
 * images: copies each that is new or changed, and deletes copies no article
 * uses. A copy takes its original's modification time, so an unchanged image
 * is not copied again. An image is copied only when it passes the content
 * checks: a production build stops at a problem before this, but dev shows
 * articles whose images have problems, and must not serve those images.
 *
 * @param contentDir the content folder, absolute
 */
export async function publishLeadImages(
  rootDir: string,
  contentDir: string,
  articles: readonly Pick<ArticleMeta, 'image' | 'sourcePath'>[],
): Promise<void> {
  const inspect = createImageInspector(rootDir, contentDir);
  const inside = `${toPosix(relative(rootDir, contentDir))}/`;
  const paths = new Set<string>();
  for (const { image, sourcePath } of articles) {
    if (!image || isRemoteImage(image.src)) continue;
    const path = resolveArticlePath(sourcePath, image.src);
    if (path.startsWith(inside)) paths.add(path);
  }
  const published = new Set<string>();
  const queue = [...paths];
  const copyNext = async (): Promise<void> => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const source = join(rootDir, path);
      const copy = join(rootDir, leadImageCopyPath(path));
      const [original, copied] = await Promise.all(
        [source, copy].map((file) => stat(file).catch(() => undefined)),
      );
      // A missing image is the collection's to report (dev shows the story without it).
      if (!original) continue;
      const current =
        copied?.size === original.size &&
        Math.trunc(copied.mtimeMs) === Math.trunc(original.mtimeMs);
      if (!current) {
        if ((await inspect(path)).kind !== 'ok') continue;
        await mkdir(dirname(copy), { recursive: true });
        await copyFile(source, copy);
        await utimes(copy, original.atime, original.mtime);
      }
      published.add(toPosix(relative(rootDir, copy)));
    }
  };
  await Promise.all(Array.from({ length: COPY_CONCURRENCY }, copyNext));

  const dir = join(rootDir, LEAD_IMAGE_DIR);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isDirectory() && !published.has(toPosix(relative(rootDir, file)))) {
      await rm(file, { force: true });
    }
  }
}
