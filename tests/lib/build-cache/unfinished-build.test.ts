import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  finishBuild,
  startBuild,
  UNFINISHED_BUILD_MARKER,
} from '../../../src/lib/build-cache/unfinished-build.ts';

let cacheDir: string;

/** A cache folder as a finished build leaves it: page copies, their manifest, images, and the rest. */
async function fillCache(): Promise<void> {
  await mkdir(join(cacheDir, 'dist/section/world'), { recursive: true });
  await writeFile(join(cacheDir, 'dist/section/world/index.html'), '<p>page</p>');
  await writeFile(join(cacheDir, 'incremental-build.json'), '{}');
  await mkdir(join(cacheDir, 'assets'));
  await writeFile(join(cacheDir, 'assets/photo.webp'), 'image');
  await mkdir(join(cacheDir, 'article-html'));
  await writeFile(join(cacheDir, 'article-html/abc.html'), '<p>body</p>');
  await writeFile(join(cacheDir, 'articles.jsonl'), '{}\n');
  await mkdir(join(cacheDir, 'search-bundles/2024/hash'), { recursive: true });
}

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'unfinished-build-'));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

describe('startBuild and finishBuild', () => {
  it('keep every cache when the last build finished', async () => {
    await fillCache();
    expect(await startBuild(cacheDir)).toBe(false);
    expect(existsSync(join(cacheDir, UNFINISHED_BUILD_MARKER))).toBe(true);
    await finishBuild(cacheDir);
    expect((await readdir(cacheDir)).sort()).toEqual([
      'article-html',
      'articles.jsonl',
      'assets',
      'dist',
      'incremental-build.json',
      'search-bundles',
    ]);
  });

  it('drop the page copies, their manifest and the image cache after a build that did not finish, and keep the rest', async () => {
    await fillCache();
    await startBuild(cacheDir);
    // The build fails or is killed here: finishBuild never runs.
    expect(await startBuild(cacheDir)).toBe(true);
    expect((await readdir(cacheDir)).sort()).toEqual([
      'article-html',
      'articles.jsonl',
      UNFINISHED_BUILD_MARKER,
      'search-bundles',
    ]);
    await finishBuild(cacheDir);
    expect(existsSync(join(cacheDir, UNFINISHED_BUILD_MARKER))).toBe(false);
  });

  it('start in a cache folder that does not exist yet', async () => {
    const fresh = join(cacheDir, 'not-yet');
    expect(await startBuild(fresh)).toBe(false);
    await finishBuild(fresh);
    expect(await readdir(fresh)).toEqual([]);
  });
});
