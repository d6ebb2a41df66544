/**
 * The lead image stamp: the size and modification time of an article's
 * local lead image. It is kept with the stored article, so replacing the
 * image under the same name changes the entry, and with it the keys of the
 * pages that show it.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isRemoteImage, resolveArticlePath } from '../lib/articles/images.ts';
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
