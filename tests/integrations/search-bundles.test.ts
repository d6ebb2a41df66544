/**
 * The search step on its own: an article list and body files in, one
 * Pagefind bundle per calendar month out, kept in a cache between builds.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndexArticle } from '../../src/integrations/search/articles-by-period.ts';
import {
  buildSearchBundles,
  type SearchIndexOptions,
} from '../../src/integrations/search/bundle-cache.ts';
import { buildSearchBundlesInWorker } from '../../src/integrations/search/in-worker.ts';
import { writeSearchBundles } from '../../src/integrations/search/write-bundles.ts';
import { instant } from '../helpers/instant.ts';

let dir: string;
let options: SearchIndexOptions;

/** Writes a story's body file and returns its record. */
async function story(slug: string, published: string, body: string): Promise<SearchIndexArticle> {
  const bodyHtmlFile = join(dir, `${slug}-${body.length}.html`);
  await writeFile(bodyHtmlFile, `<p>${body}</p>`);
  return {
    slug,
    published: instant(published),
    title: `The ${slug} story`,
    summary: 'A summary.',
    summaryGiven: true,
    kind: 'news',
    notes: [],
    section: { slug: 'world', name: 'World' },
    authors: [],
    source: undefined,
    dateline: undefined,
    image: undefined,
    bodyHtmlFile,
  };
}

async function writeList(articles: SearchIndexArticle[]): Promise<void> {
  await writeFile(
    options.listFile,
    articles.map((article) => `${JSON.stringify(article)}\n`).join(''),
  );
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-bundles-'));
  options = {
    listFile: join(dir, 'articles.jsonl'),
    cacheDir: join(dir, 'cache'),
    timeZone: 'Europe/Moscow',
    language: 'en',
  };
});

afterEach(() => rm(dir, { recursive: true, force: true }));

/** The periods of bundles, as `buildSearchBundles` lists them. */
const periodsOf = (list: { period: string }[]) => list.map((bundle) => bundle.period);

/** A hash of every file under `dir`, by its path and bytes. */
async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash
      .update(relative(dir, file))
      .update('\0')
      .update(await readFile(file));
  return hash.digest('hex');
}

describe('buildSearchBundles', () => {
  it('indexes each month once, then only a month whose stories changed, and drops months that went', async () => {
    const harbour = await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words.');
    const winter = await story('winter', '2024-12-31T22:30:00Z', 'Winter words.');
    const autumn = await story('autumn', '2024-10-01T10:00:00+03:00', 'Autumn words.');
    await writeList([harbour, winter, autumn]);

    // 22:30 UTC on December 31 is already January 2025 in Moscow.
    const first = await buildSearchBundles(options);
    expect(periodsOf(first.bundles)).toEqual(['2025-03', '2025-01', '2024-10']);
    expect(periodsOf(first.indexed)).toEqual(['2025-03', '2025-01', '2024-10']);
    expect(first.bundles.map((bundle) => bundle.pageCount)).toEqual([1, 1, 1]);
    expect(first.pageCount).toBe(3);
    for (const { adding, writing } of first.indexed) {
      expect(adding).toBeGreaterThan(0);
      expect(writing).toBeGreaterThan(0);
    }

    const again = await buildSearchBundles(options);
    expect(again.indexed).toEqual([]);
    expect(again.bundles).toEqual(first.bundles);

    await writeList([
      await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words, corrected.'),
      winter,
      autumn,
    ]);
    const edited = await buildSearchBundles(options);
    expect(periodsOf(edited.indexed)).toEqual(['2025-03']);
    expect(edited.bundles.slice(1)).toEqual(first.bundles.slice(1));
    expect(await readdir(join(options.cacheDir, '2025-03'))).toHaveLength(1);

    await writeList([harbour, winter]);
    const shrunk = await buildSearchBundles(options);
    expect(periodsOf(shrunk.bundles)).toEqual(['2025-03', '2025-01']);
    expect((await readdir(options.cacheDir)).sort()).toEqual(['2025-01', '2025-03']);
  });

  it('re-indexes only the edited story’s month, and writes what a clean build of the same stories writes', async () => {
    const stories = [
      await story('harbour', '2025-03-20T10:00:00+03:00', 'Harbour words.'),
      await story('lighthouse', '2025-03-02T10:00:00+03:00', 'Lighthouse words.'),
      await story('ferry', '2025-02-14T10:00:00+03:00', 'Ferry words.'),
      await story('winter', '2025-01-10T10:00:00+03:00', 'Winter words.'),
    ];
    await writeList(stories);
    const first = await buildSearchBundles(options);
    expect(periodsOf(first.indexed)).toEqual(['2025-03', '2025-02', '2025-01']);

    // A correction to one story of March: its headline changes.
    stories[1] = { ...stories[1]!, title: 'The lighthouse story, corrected' };
    await writeList(stories);
    const edited = await buildSearchBundles(options);
    expect(periodsOf(edited.indexed)).toEqual(['2025-03']);
    expect(edited.indexed[0]?.pageCount).toBe(2);
    expect(edited.bundles[0]?.dir).not.toBe(first.bundles[0]?.dir);
    expect(edited.bundles.slice(1)).toEqual(first.bundles.slice(1));

    const editedSite = join(dir, 'edited-site');
    await writeSearchBundles(edited, editedSite);
    const clean = await buildSearchBundles({ ...options, cacheDir: join(dir, 'clean-cache') });
    expect(periodsOf(clean.indexed)).toEqual(['2025-03', '2025-02', '2025-01']);
    const cleanSite = join(dir, 'clean-site');
    await writeSearchBundles(clean, cleanSite);
    expect(await hashTree(join(editedSite, 'pagefind'))).toBe(
      await hashTree(join(cleanSite, 'pagefind')),
    );
  });

  it('links the bundles into the site, with Pagefind’s module and the list of them, and leaves the cache as it was', async () => {
    await writeList([
      await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words.'),
      await story('winter', '2025-01-10T10:00:00+03:00', 'Winter words.'),
    ]);
    const siteDir = join(dir, 'site');
    await mkdir(join(siteDir, 'pagefind', '2019'), { recursive: true });
    const bundles = await buildSearchBundles(options);
    await writeSearchBundles(bundles, siteDir);
    await writeSearchBundles(bundles, siteDir);

    expect((await readdir(join(siteDir, 'pagefind'))).sort()).toEqual([
      '2025-01',
      '2025-03',
      'pagefind.js',
      'shards.json',
    ]);
    expect(JSON.parse(await readFile(join(siteDir, 'pagefind', 'shards.json'), 'utf8'))).toEqual([
      { period: '2025-03', pageCount: 1 },
      { period: '2025-01', pageCount: 1 },
    ]);
    const cached = join(bundles.bundles[0]!.dir, 'pagefind-entry.json');
    const linked = join(siteDir, 'pagefind', '2025-03', 'pagefind-entry.json');
    expect((await stat(linked)).ino).toBe((await stat(cached)).ino);
    expect(await readFile(linked, 'utf8')).toContain('page_count');
    expect(await readdir(join(siteDir, 'pagefind', '2025-03', 'fragment'))).toHaveLength(1);
    // One module for every bundle: each bundle's own copy is the same file.
    const module = await readFile(join(siteDir, 'pagefind', 'pagefind.js'));
    expect(await readFile(join(siteDir, 'pagefind', '2025-01', 'pagefind.js'))).toEqual(module);
  });

  it('names the article list when it is missing, and the line when one is not JSON', async () => {
    await expect(buildSearchBundles(options)).rejects.toThrow(
      `The build's article list (${options.listFile}) could not be read`,
    );
    await writeFile(
      options.listFile,
      `${JSON.stringify(await story('a', '2025-03-01T10:00:00Z', 'A.'))}\n{"slug":\n`,
    );
    await expect(buildSearchBundles(options)).rejects.toThrow(
      `(${options.listFile}, line 2) could not be read`,
    );
  });
});

describe('buildSearchBundlesInWorker', () => {
  it('builds the bundles on a worker thread, and rejects with the reason when it cannot', async () => {
    await expect(buildSearchBundlesInWorker(options)).rejects.toThrow(
      `The build's article list (${options.listFile}) could not be read`,
    );
    await writeList([await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words.')]);
    const bundles = await buildSearchBundlesInWorker(options);
    expect(periodsOf(bundles.indexed)).toEqual(['2025-03']);
    expect(bundles.pageCount).toBe(1);
    expect((await buildSearchBundles(options)).indexed).toEqual([]);
  });
});
