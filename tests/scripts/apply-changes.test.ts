/**
 * Applying a publish's change set to the site in place: what is staged and
 * differs is moved in, what is staged and equal is dropped (the site's file
 * keeps its inode and time), removals go with the folders they empty, and a
 * change set that a stopped build left half applied is finished by the next.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet, finishInterruptedChanges } from '../../scripts/lib/apply-changes.ts';

let root: string;
let dist: string;
let staging: string;

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'apply-changes-'));
  dist = join(root, 'dist');
  staging = join(root, '.astro', 'staging');
  await writeTree(dist, {
    'index.html': 'home',
    'a/index.html': 'a',
    'gone/deep/index.html': 'gone',
    'kept/index.html': 'kept',
  });
});

afterEach(() => rm(root, { recursive: true, force: true }));

const manifest = () => ({
  path: join(root, 'dist-changes.json'),
  text: (changes: object) => JSON.stringify(changes),
});

describe('applyChangeSet', () => {
  it('moves in what changed, keeps what did not, removes what went, and writes the manifest', async () => {
    const same = await stat(join(dist, 'a/index.html'));
    await writeTree(staging, {
      'index.html': 'home, new',
      'a/index.html': 'a',
      'b/index.html': 'b',
    });
    await writeTree(root, { 'next/routes.json': '[1]' });

    const changes = await applyChangeSet({
      root,
      dist,
      staging,
      removals: ['gone/deep/index.html', 'never/there.html'],
      renames: [[join(root, 'next/routes.json'), join(root, 'routes.json')]],
      manifest: manifest(),
    });

    expect(changes).toEqual({
      previousBuild: true,
      changed: ['b/index.html', 'index.html'],
      removed: ['gone/deep/index.html'],
      unchangedCount: 2,
      changedBytes: 'home, new'.length + 'b'.length,
    });
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('home, new');
    expect(await readFile(join(dist, 'b/index.html'), 'utf8')).toBe('b');
    const kept = await stat(join(dist, 'a/index.html'));
    expect([kept.ino, kept.mtimeMs]).toEqual([same.ino, same.mtimeMs]);
    expect(existsSync(join(dist, 'gone'))).toBe(false);
    expect(await readFile(join(root, 'routes.json'), 'utf8')).toBe('[1]');
    expect(JSON.parse(await readFile(join(root, 'dist-changes.json'), 'utf8'))).toEqual(changes);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(join(root, '.astro/publish-journal.json'))).toBe(false);
  });
  it('counts the unchanged files from the last manifest, without listing the site', async () => {
    // The last build said the site has 1 + 9 files (the fixture has 4, which a count would find).
    await writeTree(root, {
      'dist-changes.json': JSON.stringify({ changed: ['x'], removed: [], unchangedCount: 9 }),
    });
    await writeTree(staging, { 'b/index.html': 'b' });

    const changes = await applyChangeSet({
      root,
      dist,
      staging,
      removals: ['kept/index.html'],
      renames: [],
      manifest: manifest(),
    });

    // 10 files, one removed, one added: 9 unchanged.
    expect(changes.unchangedCount).toBe(9);
  });
});

describe('finishInterruptedChanges', () => {
  it('finishes a journal whose moves were partly done, and says there was one', async () => {
    // One move done before the stop (staged file gone, site updated), one not.
    await writeTree(dist, { 'index.html': 'home, new' });
    await writeTree(staging, { 'a/index.html': 'a, new' });
    await writeTree(root, {
      '.astro/publish-journal.json': JSON.stringify({
        staging,
        writes: ['index.html', 'a/index.html'],
        removes: ['gone/deep/index.html'],
        renames: [],
        manifest: [join(root, 'dist-changes.json'), '{"changed":2}'],
      }),
    });

    expect(await finishInterruptedChanges(root, dist)).toBe(true);

    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe('home, new');
    expect(await readFile(join(dist, 'a/index.html'), 'utf8')).toBe('a, new');
    expect(existsSync(join(dist, 'gone'))).toBe(false);
    expect(await readFile(join(root, 'dist-changes.json'), 'utf8')).toBe('{"changed":2}');
    expect(await finishInterruptedChanges(root, dist)).toBe(false);
  });
});
