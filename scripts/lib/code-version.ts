/**
 * Versions of what a build's output depends on besides the content: the
 * code (the site's source, its public files, configuration and locked
 * dependencies) and the set of lead images, whose copies the pages' image
 * pipeline compiles in. A publish renders pages without a full build only
 * while both are those of the last full build and of the publish renderer.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LEAD_IMAGE_DIR } from '../../src/lib/articles/images.ts';

/** The files and folders, from the project root, that make up the code. */
const CODE_PATHS = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];

/** A hash of every code file's path and bytes. */
export async function codeVersion(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(root, CODE_PATHS)) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** A hash of the published lead-image copies' paths, sizes and modification times. */
export async function leadImagesVersion(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(root, [LEAD_IMAGE_DIR])) {
    const { size, mtimeMs } = await stat(join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** The files under the given paths, relative to the root, sorted. */
async function listFiles(root: string, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const full = join(root, path);
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      files.push(path);
      continue;
    }
    for (const entry of await readdir(full, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}
