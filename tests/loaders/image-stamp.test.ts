/**
 * The published copies of lead images: the loader keeps one for each lead
 * image the sync's articles use, and nothing else, in a temporary project.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEAD_IMAGE_DIR } from '../../src/lib/articles/images.ts';
import { publishLeadImages } from '../../src/loaders/image-stamp.ts';

const IMAGES = join(import.meta.dirname, '../fixtures/collections/hostile-images/content/2019/05');

let rootDir: string;
let contentDir: string;

beforeEach(async () => {
  rootDir = await mkdtemp(join(tmpdir(), 'lead-images-'));
  contentDir = join(rootDir, 'content');
  await mkdir(join(contentDir, '2026/05'), { recursive: true });
  for (const name of ['Skyline.Jpg', 'safe-chart.svg', 'script.svg', 'notes.png']) {
    await cp(join(IMAGES, name), join(contentDir, '2026/05', name));
  }
});
afterEach(() => rm(rootDir, { recursive: true, force: true }));

/** An article that uses a lead image. */
const withImage = (src: string) => ({
  sourcePath: 'content/2026/05/story.md',
  image: { src, alt: 'A picture' },
});

/** The published copies, by path from the project root. */
async function copies(): Promise<string[]> {
  const dir = join(rootDir, LEAD_IMAGE_DIR);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(rootDir.length + 1))
    .sort();
}

describe('publishLeadImages', () => {
  it('copies the lead images the articles use, and no other file', async () => {
    await publishLeadImages(rootDir, contentDir, [
      withImage('./Skyline.Jpg'),
      withImage('./safe-chart.svg'),
      withImage('https://example.org/photo.jpg'),
      { sourcePath: 'content/2026/05/plain.md', image: undefined },
    ]);
    expect(await copies()).toStrictEqual([
      `${LEAD_IMAGE_DIR}/content/2026/05/Skyline.Jpg`,
      `${LEAD_IMAGE_DIR}/content/2026/05/safe-chart.svg`,
    ]);
  });

  it('copies no image that fails the content checks, nor one outside the content folder', async () => {
    await writeFile(join(rootDir, 'secret.png'), 'not for publication');
    await publishLeadImages(rootDir, contentDir, [
      withImage('./script.svg'),
      withImage('./notes.png'),
      withImage('./missing.png'),
      withImage('../../../secret.png'),
    ]);
    expect(await copies()).toStrictEqual([]);
  });

  it('deletes the copies no article uses any more', async () => {
    await publishLeadImages(rootDir, contentDir, [
      withImage('./Skyline.Jpg'),
      withImage('./safe-chart.svg'),
    ]);
    await publishLeadImages(rootDir, contentDir, [withImage('./safe-chart.svg')]);
    expect(await copies()).toStrictEqual([`${LEAD_IMAGE_DIR}/content/2026/05/safe-chart.svg`]);
  });

  it('checks an image again when it changes, and drops the copy when it turns bad', async () => {
    const chart = join(contentDir, '2026/05/chart.svg');
    const copy = join(rootDir, LEAD_IMAGE_DIR, 'content/2026/05/chart.svg');
    await cp(join(IMAGES, 'safe-chart.svg'), chart);
    await publishLeadImages(rootDir, contentDir, [withImage('./chart.svg')]);
    expect(await readFile(copy, 'utf8')).toContain('Yields');

    await cp(join(IMAGES, 'script.svg'), chart);
    await publishLeadImages(rootDir, contentDir, [withImage('./chart.svg')]);
    expect(await copies()).toStrictEqual([]);
  });
});
