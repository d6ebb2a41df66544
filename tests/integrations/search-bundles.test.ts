/**
 * The search step on its own: an article list and body files in, one
 * Pagefind bundle per year out, kept in a cache between builds.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndexArticle } from '../../src/integrations/search/articles-by-year.ts';
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

describe('buildSearchBundles', () => {
  it('indexes each year once, then only a year whose stories changed, and drops years that went', async () => {
    const harbour = await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words.');
    const winter = await story('winter', '2024-12-31T22:30:00Z', 'Winter words.');
    const autumn = await story('autumn', '2024-10-01T10:00:00+03:00', 'Autumn words.');
    await writeList([harbour, winter, autumn]);

    // 22:30 UTC on December 31 is already 2025 in Moscow.
    const first = await buildSearchBundles(options);
    expect(first.bundles.map((bundle) => bundle.year)).toEqual(['2025', '2024']);
    expect(first.indexedYears).toEqual(['2025', '2024']);
    expect(first.pageCount).toBe(3);

    const again = await buildSearchBundles(options);
    expect(again.indexedYears).toEqual([]);
    expect(again.bundles).toEqual(first.bundles);

    await writeList([
      await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words, corrected.'),
      winter,
      autumn,
    ]);
    const edited = await buildSearchBundles(options);
    expect(edited.indexedYears).toEqual(['2025']);
    expect(edited.bundles[1]).toEqual(first.bundles[1]);
    expect(await readdir(join(options.cacheDir, '2025'))).toHaveLength(1);

    await writeList([harbour, winter]);
    const shrunk = await buildSearchBundles(options);
    expect(shrunk.bundles.map((bundle) => bundle.year)).toEqual(['2025']);
    expect(await readdir(options.cacheDir)).toEqual(['2025']);
  });

  it('links the bundles into the site, with the list of them, and leaves the cache as it was', async () => {
    await writeList([await story('harbour', '2025-03-01T10:00:00+03:00', 'Harbour words.')]);
    const siteDir = join(dir, 'site');
    await mkdir(join(siteDir, 'pagefind', '2019'), { recursive: true });
    const bundles = await buildSearchBundles(options);
    await writeSearchBundles(bundles, siteDir);
    await writeSearchBundles(bundles, siteDir);

    expect((await readdir(join(siteDir, 'pagefind'))).sort()).toEqual(['2025', 'shards.json']);
    const cached = join(bundles.bundles[0]!.dir, 'pagefind-entry.json');
    const linked = join(siteDir, 'pagefind', '2025', 'pagefind-entry.json');
    expect((await stat(linked)).ino).toBe((await stat(cached)).ino);
    expect(await readFile(linked, 'utf8')).toContain('page_count');
    expect(await readdir(join(siteDir, 'pagefind', '2025', 'fragment'))).toHaveLength(1);
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
    expect(bundles.indexedYears).toEqual(['2025']);
    expect(bundles.pageCount).toBe(1);
    expect((await buildSearchBundles(options)).indexedYears).toEqual([]);
  });
});
