/**
 * Finding and reading the files under the content folder: which files are
 * articles (and which look like articles but are left out, with a warning
 * that says so), their text as UTF-8, and what the file system holds at a
 * path an article names as an image.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import {
  IMAGE_HEADER_LENGTH,
  checkImageBytes,
  imageTypeOfPath,
  sniffImageType,
  type ImageContentFinding,
} from './articles/images.ts';
import type { Problem } from './articles/problems.ts';

/** One article file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
}

/** The article files under a content folder, and the files left out that may have been meant as articles. */
export interface ArticleFileList {
  /** Paths relative to the project root, with forward slashes, sorted. */
  paths: string[];
  /** A warning for each file or folder left out that an editor may have meant to publish. */
  skipped: Problem[];
}

/**
 * Whether the site ignores a path inside the content folder: some file or
 * folder on it has a name that starts with `_` or `.` (drafts, editor files).
 *
 * @param path relative to the content folder, with forward slashes
 */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));
}

/**
 * Lists article files under `contentDir`: every `.md` file at any depth,
 * skipping files and folders whose names start with `_` or `.`. Symbolic
 * links are not followed, and `.markdown` and `.mdx` files are not read;
 * each such link or file is named in `skipped`.
 */
export async function listArticleFiles(
  rootDir: string,
  contentDir: string,
): Promise<ArticleFileList> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const paths: string[] = [];
  const skipped: Problem[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    if (isIgnoredPath(toPosix(relative(contentDir, full)))) continue;
    const path = toPosix(relative(rootDir, full));
    const extension = /\.([^.]+)$/.exec(entry.name)?.[1]?.toLowerCase();
    if (entry.isSymbolicLink()) {
      const what = await linkedArticles(full, extension);
      if (what) {
        skipped.push({
          path,
          ruleId: 'skipped-link',
          message: `this ${what} is a symbolic link, which the site does not follow, so it is left out; put the ${what} itself here`,
        });
      }
    } else if (entry.isFile() && extension === 'md') {
      paths.push(path);
    } else if (entry.isFile() && (extension === 'markdown' || extension === 'mdx')) {
      skipped.push({
        path,
        ruleId: 'skipped-extension',
        message: `the site reads only .md files, so this .${extension} file is left out; if it is an article, rename it to ${entry.name.replace(/\.[^.]+$/, '.md')}`,
      });
    }
  }
  return { paths: paths.sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** What a symbolic link may have been meant to bring in: an article file, a folder, or nothing to warn about. */
async function linkedArticles(
  full: string,
  extension: string | undefined,
): Promise<'article file' | 'folder' | undefined> {
  if (extension === 'md' || extension === 'markdown' || extension === 'mdx') return 'article file';
  try {
    return (await stat(full)).isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined; // A broken link to something that is not an article.
  }
}

/**
 * Lists article files under `contentDir` (see `listArticleFiles`).
 *
 * @returns paths relative to `rootDir`, with forward slashes
 */
export async function findArticleFiles(rootDir: string, contentDir: string): Promise<string[]> {
  return (await listArticleFiles(rootDir, contentDir)).paths;
}

/** Reads a file as UTF-8, or says why it cannot be read as such. */
export async function readSourceFile(rootDir: string, path: string): Promise<SourceFile | Problem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(rootDir, path));
  } catch (error) {
    // Deleted or locked between listing and reading, or not a file after all.
    return {
      path,
      ruleId: 'unreadable',
      message: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that it exists and that you may read it`,
    };
  }
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      path,
      ruleId: 'not-utf-8',
      message: 'the file is not valid UTF-8; save it as UTF-8 in your editor',
    };
  }
}

/** What the file system holds at a path an article names as an image. */
export type ImageFileState =
  /** A file of the type its name says, which may be published. */
  | { kind: 'ok' }
  /** Nothing; a folder; something that is neither file nor folder (a device, a pipe). */
  | { kind: 'missing' | 'folder' | 'not-a-file' }
  /** A symbolic link to a file outside the content folder, or in a part of it the site ignores. */
  | { kind: 'link-outside' }
  | { kind: 'unreadable'; code: string }
  /** A file whose bytes are not what its name says, or an SVG that may not be published. */
  | { kind: 'content'; finding: ImageContentFinding };

/**
 * Creates a function that tells what is at an image path. It reads only
 * files inside the content folder, after following links: a path that leads
 * outside is reported, never read, so no message can show such a file.
 *
 * @param contentDir the content folder, absolute
 */
export function createImageInspector(
  rootDir: string,
  contentDir: string,
): (path: string) => Promise<ImageFileState> {
  let contentReal: Promise<string> | undefined;
  return async (path) => {
    contentReal ??= realpath(contentDir);
    let real: string;
    try {
      real = await realpath(join(rootDir, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? { kind: 'missing' }
        : { kind: 'unreadable', code };
    }
    const inside = relative(await contentReal, real);
    if (
      inside === '' ||
      inside.startsWith('..') ||
      isAbsolute(inside) ||
      isIgnoredPath(toPosix(inside))
    ) {
      return { kind: 'link-outside' };
    }
    try {
      const stats = await stat(real);
      if (stats.isDirectory()) return { kind: 'folder' };
      if (!stats.isFile()) return { kind: 'not-a-file' };
      const finding = checkImageBytes(path, await readImage(real, imageTypeOfPath(path) === 'SVG'));
      return finding ? { kind: 'content', finding } : { kind: 'ok' };
    } catch (error) {
      return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  };
}

/**
 * Reads what tells an image file's type: its first bytes, or the whole of
 * an SVG file (whose first bytes are read first, so that a large file of
 * another type named `.svg` is not read whole).
 */
async function readImage(file: string, whole: boolean): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const header = new Uint8Array(IMAGE_HEADER_LENGTH);
    const { bytesRead } = await handle.read(header, 0, IMAGE_HEADER_LENGTH, 0);
    const start = header.subarray(0, bytesRead);
    if (!whole || sniffImageType(start) !== 'SVG') return start;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A path with the platform's separators turned into forward slashes. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
