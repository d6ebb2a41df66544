/**
 * Applying a publish's change set to `dist/` in place: the files to write
 * (staged at their places in the site) and the files to remove. A staged
 * file whose bytes equal the site's is dropped, so the site's file keeps its
 * bytes and modification time; the rest are moved in by rename, each whole.
 *
 * The step is journaled: the list of moves and removals, the deploy
 * manifest and the record of the site are written to a journal first, and a
 * build that finds a journal (the last one was killed while applying)
 * finishes applying it before anything else, so `dist/` and its record
 * never stay between two publishes.
 */
import { existsSync } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { OutputChanges } from './output-changes.ts';

/** The journal's place, relative to the project root. */
const JOURNAL_FILE = '.astro/publish-journal.json';

/** What a journal holds. */
interface Journal {
  /** The staging folder the moves come from. */
  staging: string;
  /** Files to move from staging into dist/, relative and '/'-separated. */
  writes: string[];
  /** Files to remove from dist/. */
  removes: string[];
  /** Files to rename once the site is updated (the record of the site), from → to. */
  renames: [string, string][];
  /** The deploy manifest's path and text. */
  manifest: [string, string];
}

/** A change set ready to apply. */
export interface ChangeSet {
  root: string;
  dist: string;
  staging: string;
  /** Files of the site to remove. */
  removals: readonly string[];
  /** Files to rename once the site is updated, from → to (the record of the site). */
  renames: [string, string][];
  /** The deploy manifest's path, and its text given what changed. */
  manifest: { path: string; text(changes: OutputChanges): string };
}

/**
 * Compares the staged files with the site's, and applies what changed.
 *
 * @returns what changed, as the deploy manifest lists it
 */
export async function applyChangeSet(set: ChangeSet): Promise<OutputChanges> {
  const staged = await listFiles(set.staging);
  const before = await siteFileCount(set);
  const changed: string[] = [];
  let changedBytes = 0;
  let added = 0;
  for (const path of staged) {
    const next = join(set.staging, path);
    const last = join(set.dist, path);
    const [nextStat, lastStat] = await Promise.all([lstat(next), lstat(last).catch(() => null)]);
    if (lastStat?.isFile() && (await sameBytes(next, last, nextStat.size, lastStat.size))) continue;
    if (!lastStat) added++;
    changed.push(path);
    changedBytes += nextStat.size;
  }
  const removed: string[] = [];
  const written = new Set(changed);
  for (const path of set.removals) {
    if (!written.has(path) && existsSync(join(set.dist, path))) removed.push(path);
  }
  const changes: OutputChanges = {
    previousBuild: true,
    changed: changed.sort(),
    removed: removed.sort(),
    unchangedCount: before - removed.length - (changed.length - added),
    changedBytes,
  };
  const journal: Journal = {
    staging: set.staging,
    writes: changes.changed,
    removes: changes.removed,
    renames: set.renames,
    manifest: [set.manifest.path, set.manifest.text(changes)],
  };
  const journalFile = join(set.root, JOURNAL_FILE);
  await writeFile(`${journalFile}.partial`, JSON.stringify(journal));
  await rename(`${journalFile}.partial`, journalFile);
  await applyJournal(set.dist, journal);
  await rm(journalFile);
  return changes;
}

/**
 * Finishes a change set that a killed build left half applied, if any.
 *
 * @returns whether there was one
 */
export async function finishInterruptedChanges(root: string, dist: string): Promise<boolean> {
  const journalFile = join(root, JOURNAL_FILE);
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
  } catch {
    await rm(`${journalFile}.partial`, { force: true });
    return false;
  }
  await applyJournal(dist, journal);
  await rm(journalFile);
  return true;
}

/** Applies a journal; each step may already have been done. */
async function applyJournal(dist: string, journal: Journal): Promise<void> {
  for (const path of journal.writes) {
    const from = join(journal.staging, path);
    if (!existsSync(from)) continue; // Moved before the build was stopped.
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await rename(from, join(dist, path));
  }
  for (const path of journal.removes) {
    await rm(join(dist, path), { force: true });
    await removeEmptyFolders(dist, dirname(join(dist, path)));
  }
  for (const [from, to] of journal.renames) {
    if (existsSync(from)) await rename(from, to);
  }
  const [manifestPath, manifestText] = journal.manifest;
  await writeFile(`${manifestPath}.partial`, manifestText);
  await rename(`${manifestPath}.partial`, manifestPath);
  await rm(journal.staging, { recursive: true, force: true });
}

/** Removes `folder` and its parents up to `root` while they are empty. */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current.startsWith(`${root}${sep}`); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // Not empty (or gone): its parents are not empty either.
    }
  }
}

/** The files under a folder, relative and '/'-separated. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * How many files the site has: the last deploy manifest says (its changed and
 * unchanged files), which spares listing a large archive's every file;
 * without a readable one, they are counted.
 */
async function siteFileCount(set: ChangeSet): Promise<number> {
  try {
    const last = JSON.parse(await readFile(set.manifest.path, 'utf8')) as Partial<OutputChanges>;
    if (Array.isArray(last.changed) && Number.isSafeInteger(last.unchangedCount)) {
      return last.changed.length + (last.unchangedCount as number);
    }
  } catch {
    // No manifest, or not one: count.
  }
  const entries = await readdir(set.dist, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => !entry.isDirectory()).length;
}

/** Whether two files hold the same bytes. */
async function sameBytes(a: string, b: string, sizeA: number, sizeB: number): Promise<boolean> {
  if (sizeA !== sizeB) return false;
  const [first, second] = await Promise.all([open(a), open(b)]);
  try {
    const [bytesA, bytesB] = await Promise.all([first.readFile(), second.readFile()]);
    return bytesA.equals(bytesB);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}
