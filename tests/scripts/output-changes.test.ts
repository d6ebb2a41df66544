/**
 * The comparison of a new build's output with the last one: what it lists
 * as changed and removed, and that a file whose bytes did not change
 * becomes the last build's file, with its modification time.
 */
import {
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkUnchangedFiles } from '../../scripts/lib/output-changes.ts';

let root: string;
let lastDir: string;
let nextDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'output-changes-'));
  lastDir = join(root, 'dist');
  nextDir = join(root, 'staging');
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Writes each file (path → content) under `dir`. */
async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A moment well before the test ran, given to the last build's files. */
const LAST_BUILD_TIME = new Date('2024-01-10T12:00:00Z');

async function ageTree(dir: string, paths: string[]): Promise<void> {
  for (const path of paths) await utimes(join(dir, path), LAST_BUILD_TIME, LAST_BUILD_TIME);
}

describe('linkUnchangedFiles', () => {
  it('links a file with the same bytes to the last one, keeping its inode and modification time', async () => {
    await writeTree(lastDir, { 'index.html': '<p>Same</p>' });
    await ageTree(lastDir, ['index.html']);
    await writeTree(nextDir, { 'index.html': '<p>Same</p>' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes).toEqual({
      previousBuild: true,
      changed: [],
      removed: [],
      unchangedCount: 1,
      changedBytes: 0,
    });
    const [last, next] = await Promise.all([
      stat(join(lastDir, 'index.html')),
      stat(join(nextDir, 'index.html')),
    ]);
    expect(next.ino).toBe(last.ino);
    expect(next.mtime).toEqual(LAST_BUILD_TIME);
    expect(await readFile(join(nextDir, 'index.html'), 'utf8')).toBe('<p>Same</p>');
    // No temporary name is left behind.
    expect(await readdir(nextDir)).toEqual(['index.html']);
  });

  it('lists a new file and an altered one (same size or not) as changed, with their size, and leaves them alone', async () => {
    await writeTree(lastDir, { 'a.html': 'old text', 'b.html': 'short' });
    await ageTree(lastDir, ['a.html', 'b.html']);
    await writeTree(nextDir, { 'a.html': 'new text', 'b.html': 'longer text', 'c.html': 'new' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.changed).toEqual(['a.html', 'b.html', 'c.html']);
    expect(changes.changedBytes).toBe('new text'.length + 'longer text'.length + 'new'.length);
    expect(changes.unchangedCount).toBe(0);
    for (const path of changes.changed) {
      const [last, next] = await Promise.all([
        stat(join(lastDir, path)).catch(() => undefined),
        stat(join(nextDir, path)),
      ]);
      expect(next.ino).not.toBe(last?.ino);
      expect(next.mtime).not.toEqual(LAST_BUILD_TIME);
    }
    expect(await readFile(join(lastDir, 'a.html'), 'utf8')).toBe('old text');
  });

  it('lists a file only the last output has as removed', async () => {
    await writeTree(lastDir, { 'kept.html': 'kept', 'gone/index.html': 'gone' });
    await writeTree(nextDir, { 'kept.html': 'kept' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.removed).toEqual(['gone/index.html']);
    expect(changes.changed).toEqual([]);
    expect(changes.unchangedCount).toBe(1);
  });

  it('compares files in nested folders by their path, with / between names', async () => {
    const files = {
      '2024/01/10/first-story/index.html': 'first',
      '2024/01/10/first-story/chart.svg': '<svg/>',
      '2024/01/11/second-story/index.html': 'second',
      'world/index.html': 'world',
    };
    await writeTree(lastDir, files);
    await writeTree(nextDir, { ...files, '2024/01/11/second-story/index.html': 'second, updated' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.changed).toEqual(['2024/01/11/second-story/index.html']);
    expect(changes.unchangedCount).toBe(3);
    const [last, next] = await Promise.all([
      stat(join(lastDir, '2024/01/10/first-story/chart.svg')),
      stat(join(nextDir, '2024/01/10/first-story/chart.svg')),
    ]);
    expect(next.ino).toBe(last.ino);
  });

  it('lists a file that became a folder as removed, and the folder’s files as changed', async () => {
    await writeTree(lastDir, { 'feed.xml': 'a file', 'about/index.html': 'a folder' });
    await writeTree(nextDir, { 'feed.xml/index.html': 'now a folder', about: 'now a file' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.changed).toEqual(['about', 'feed.xml/index.html']);
    expect(changes.removed).toEqual(['about/index.html', 'feed.xml']);
    expect(changes.unchangedCount).toBe(0);
  });

  it('compares files larger than one read, and finds a difference in the last byte', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024 + 5);
    await writeTree(lastDir, { 'same.bin': big, 'differs.bin': big });
    await writeTree(nextDir, { 'same.bin': big, 'differs.bin': `${big.slice(0, -1)}y` });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.changed).toEqual(['differs.bin']);
    expect(changes.changedBytes).toBe(big.length);
    expect(changes.unchangedCount).toBe(1);
  });

  it('counts a file that is already the last output’s file as unchanged', async () => {
    await writeTree(lastDir, { 'pagefind/2024/index.pf_meta': 'bundle' });
    await mkdir(join(nextDir, 'pagefind/2024'), { recursive: true });
    await link(
      join(lastDir, 'pagefind/2024/index.pf_meta'),
      join(nextDir, 'pagefind/2024/index.pf_meta'),
    );

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.unchangedCount).toBe(1);
    expect(changes.changed).toEqual([]);
  });

  it('treats anything that is not a regular file as changed', async () => {
    await writeTree(lastDir, { 'target.html': 'same' });
    await symlink('target.html', join(lastDir, 'alias.html'));
    await writeTree(nextDir, { 'target.html': 'same' });
    await symlink('target.html', join(nextDir, 'alias.html'));

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes.changed).toEqual(['alias.html']);
    expect(changes.removed).toEqual([]);
    expect(changes.unchangedCount).toBe(1);
  });

  it('without a last output, lists every file as changed', async () => {
    await writeTree(nextDir, { 'index.html': 'home', 'a/b/index.html': 'page' });

    const changes = await linkUnchangedFiles(nextDir, lastDir);

    expect(changes).toEqual({
      previousBuild: false,
      changed: ['a/b/index.html', 'index.html'],
      removed: [],
      unchangedCount: 0,
      changedBytes: 'home'.length + 'page'.length,
    });
  });

  it('gives the same answer comparing one file at a time', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`page-${index}/index.html`, `page ${index}`]),
    );
    await writeTree(lastDir, files);
    await writeTree(nextDir, { ...files, 'page-7/index.html': 'page 7, updated' });

    const changes = await linkUnchangedFiles(nextDir, lastDir, 1);

    expect(changes.changed).toEqual(['page-7/index.html']);
    expect(changes.unchangedCount).toBe(39);
  });
});
