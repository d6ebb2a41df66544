/**
 * Finding and reading article files: which files under the content folder
 * are articles, and their text as UTF-8, or a problem saying why a file
 * cannot be read as such.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Problem } from './articles/problems.ts';

/** One article file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
}

/**
 * Lists article files under `contentDir`, sorted: every `.md` file at any
 * depth, skipping files and folders whose names start with `_` or `.`.
 *
 * @returns paths relative to `rootDir`, with forward slashes
 */
export async function findArticleFiles(rootDir: string, contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) continue;
    const full = join(entry.parentPath, entry.name);
    const inside = relative(contentDir, full).split(sep);
    if (inside.some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    paths.push(toPosix(relative(rootDir, full)));
  }
  return paths.sort();
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

/** A path with the platform's separators turned into forward slashes. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
