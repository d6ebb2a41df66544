/**
 * What a new build changed in the site's output, and keeping what it did
 * not: every file of the new output whose bytes equal the last output's
 * file at the same path becomes a hard link to that file, so it keeps the
 * last build's modification time, and a sync by size and time (rsync,
 * object storage tools) skips it. `scripts/build.ts` runs this between the
 * build into its staging folder and the swap into `dist/`.
 */
import { randomUUID } from 'node:crypto';
import { link, lstat, open, readdir, rename } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** How a new output differs from the last one. */
export interface OutputChanges {
  /** False when there was no last output: every file is changed. */
  previousBuild: boolean;
  /** Files new or altered, relative to the output folder, '/'-separated, sorted. */
  changed: string[];
  /** Files of the last output that the new one does not have, sorted likewise. */
  removed: string[];
  /** Files whose bytes did not change, now hard links to the last output's. */
  unchangedCount: number;
  /** The total size of the changed files. */
  changedBytes: number;
}

/** Files compared at a time: enough to keep the disk busy, few enough for open file limits. */
const DEFAULT_CONCURRENCY = 16;

/** Bytes read from each file at a time; most pages fit in one read. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Compares the output at `nextDir` with the last one at `lastDir` (which
 * may not exist) and replaces each file of `nextDir` whose bytes did not
 * change by a hard link to the file in `lastDir`. Only regular files are
 * compared; anything else (a link, a socket) counts as changed. Both
 * folders must be on one file system.
 */
export async function linkUnchangedFiles(
  nextDir: string,
  lastDir: string,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<OutputChanges> {
  const nextFiles = await listFiles(nextDir);
  const lastFiles = await listFiles(lastDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

  const changed: string[] = [];
  let unchangedCount = 0;
  let changedBytes = 0;
  await forEachLimited([...nextFiles], concurrency, async ([path, isRegular]) => {
    const nextFile = join(nextDir, path);
    const nextStat = await lstat(nextFile);
    const unchanged =
      isRegular &&
      lastFiles?.get(path) === true &&
      (await linkIfSame(nextFile, nextStat, join(lastDir, path)));
    if (unchanged) {
      unchangedCount++;
    } else {
      changed.push(path);
      changedBytes += nextStat.size;
    }
  });

  const removed = lastFiles ? [...lastFiles.keys()].filter((path) => !nextFiles.has(path)) : [];
  return {
    previousBuild: lastFiles !== null,
    changed: changed.sort(),
    removed: removed.sort(),
    unchangedCount,
    changedBytes,
  };
}

/**
 * Everything under `dir` that is not a folder, by its '/'-separated path
 * from `dir`, with whether it is a regular file.
 */
async function listFiles(dir: string): Promise<Map<string, boolean>> {
  const files = new Map<string, boolean>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    files.set(path, entry.isFile());
  }
  return files;
}

/**
 * Replaces `nextFile` by a hard link to `lastFile` when both hold the same
 * bytes, and says whether they did. The link is made under a temporary
 * name and renamed over `nextFile`, so the path never goes missing.
 */
async function linkIfSame(
  nextFile: string,
  nextStat: { size: number; dev: number; ino: number },
  lastFile: string,
): Promise<boolean> {
  const lastStat = await lstat(lastFile);
  if (!lastStat.isFile() || lastStat.size !== nextStat.size) return false;
  // Already one file: the search bundles are links to the build cache in both.
  if (lastStat.dev === nextStat.dev && lastStat.ino === nextStat.ino) return true;
  if (!(await sameBytes(nextFile, lastFile, nextStat.size))) return false;
  const temporary = join(dirname(nextFile), `.linking-${randomUUID()}`);
  await link(lastFile, temporary);
  await rename(temporary, nextFile);
  return true;
}

/** Whether two files of `size` bytes each hold the same bytes. */
async function sameBytes(a: string, b: string, size: number): Promise<boolean> {
  const [fileA, fileB] = await Promise.all([open(a), open(b)]);
  try {
    const bufferA = Buffer.allocUnsafe(Math.min(size, CHUNK_BYTES));
    const bufferB = Buffer.allocUnsafe(bufferA.length);
    for (let position = 0; position < size; position += CHUNK_BYTES) {
      const length = Math.min(CHUNK_BYTES, size - position);
      const [readA, readB] = await Promise.all([
        fileA.read(bufferA, 0, length, position),
        fileB.read(bufferB, 0, length, position),
      ]);
      // A short read means a file shrank since it was measured.
      if (readA.bytesRead !== length || readB.bytesRead !== length) return false;
      if (!bufferA.subarray(0, length).equals(bufferB.subarray(0, length))) return false;
    }
    return true;
  } finally {
    await Promise.all([fileA.close(), fileB.close()]);
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
