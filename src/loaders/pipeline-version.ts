/**
 * The version of the pipeline that turns an article file into a stored
 * entry. Astro does not drop cached entries when loader code changes, so
 * the version goes into each entry's digest: a change to the code or the
 * locked dependencies re-parses every article.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders, under `src/`, whose code turns a file into an entry (each read recursively). */
const PIPELINE_DIRS = ['lib', 'loaders'];

/**
 * A version for everything that turns a file into an entry: the library's
 * and the loader's source and the locked dependency versions.
 *
 * @returns 16 hex digits
 */
export function pipelineVersion(rootDir: string): string {
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) {
    const sourceDir = join(rootDir, 'src', dir);
    const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort();
    for (const name of files) {
      hash
        .update(join(dir, name))
        .update('\0')
        .update(readFileSync(join(sourceDir, name)))
        .update('\0');
    }
  }
  try {
    hash.update(readFileSync(join(rootDir, 'package-lock.json')));
  } catch {
    // No lock file: the library's source alone versions the pipeline.
  }
  return hash.digest('hex').slice(0, 16);
}
