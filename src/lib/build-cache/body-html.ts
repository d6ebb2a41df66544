/**
 * The body HTML files of the build cache: each article's sanitised body in
 * a file of its own, named by a digest of the article file and the code
 * that rendered it, so that a name changes exactly when the body may have.
 *
 * Bodies live outside Astro's data store: Astro rewrites the whole store on
 * every change, and a store holding every body would cost seconds per
 * thousand articles to write and hold the whole archive in memory.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The folder, inside Astro's cache folder, that holds the body HTML files. */
export const BODY_HTML_DIR = 'article-html';

/** The file that holds the body whose digest is `digest`. */
export function bodyHtmlFile(dir: string, digest: string): string {
  return join(dir, `${digest}.html`);
}

/**
 * What identifies a body without reading it: its file's name, which is a
 * digest of the article and the pipeline.
 */
export function bodyHtmlToken(file: string): string {
  return basename(file);
}

/**
 * Writes a body's HTML to its file, creating the folder when needed. The
 * file is written beside its place and renamed into it, so a build killed
 * while writing never leaves half a body under a digest that a later build
 * would trust.
 */
export async function writeBodyHtml(file: string, html: string): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, html).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(partial, html);
  });
  await rename(partial, file);
}

/** Reads a body's HTML from its file. */
export function readBodyHtml(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

/** Deletes the body files in `dir` that no stored article refers to any more. */
export async function removeUnusedBodyHtml(
  dir: string,
  usedFiles: Iterable<string>,
): Promise<void> {
  const used = new Set(usedFiles);
  for (const name of await readdir(dir).catch(() => [])) {
    const file = join(dir, name);
    if (!used.has(file)) await rm(file, { force: true });
  }
}
