/**
 * What the last sync knew of each source file, so that a sync need not read
 * a file that has not changed since: an article file's stamp and the digest
 * its stored entry was made from, and the stamp of each image file that
 * passed the content checks. A stamp is the file's size, modification and
 * change times (to the nanosecond) and inode: the change time moves on any
 * write, even one that sets the modification time back, so equal stamps
 * mean the bytes are as they were when the file was last read.
 *
 * The file is only a hint: an entry is taken from it only when the store
 * still holds that digest, and a missing or unreadable file means every
 * file is read, as in a first build.
 */
import { lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';

/** The file, inside Astro's cache folder, that keeps the stamps between builds. */
export const SOURCE_STAMPS_FILE = 'source-stamps.json';

/** What a sync knew of the source files. */
export interface SourceStamps {
  /** By article path (relative to the project root): its stamp and the digest of its entry. */
  articles: Map<string, { stamp: string; digest: string }>;
  /** By image path (relative to the project root): the stamp of a file that passed the checks. */
  images: Map<string, string>;
}

/**
 * A file's stamp, or undefined when it is not a plain file (a symbolic
 * link is inspected anew each time, since where it leads may change).
 */
export async function stampFile(path: string): Promise<string | undefined> {
  try {
    const file = await lstat(path, { bigint: true });
    if (!file.isFile()) return undefined;
    return `${file.size}:${file.mtimeNs}:${file.ctimeNs}:${file.ino}`;
  } catch {
    return undefined;
  }
}

/** Empty stamps: every file is read. */
export function noStamps(): SourceStamps {
  return { articles: new Map(), images: new Map() };
}

/** Reads the stamps a sync saved, or none when the file is missing or not what a sync writes. */
export async function loadSourceStamps(file: string): Promise<SourceStamps> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      articles?: Record<string, { stamp: string; digest: string }>;
      images?: Record<string, string>;
    };
    return {
      articles: new Map(Object.entries(saved.articles ?? {})),
      images: new Map(Object.entries(saved.images ?? {})),
    };
  } catch {
    return noStamps();
  }
}

/** Saves stamps, written beside the file and renamed into place. */
export async function saveSourceStamps(file: string, stamps: SourceStamps): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const json = JSON.stringify({
    articles: Object.fromEntries(stamps.articles),
    images: Object.fromEntries(stamps.images),
  });
  try {
    await writeFile(partial, json);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
