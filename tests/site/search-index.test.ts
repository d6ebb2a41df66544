import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { countIndexedPages } from '../../src/integrations/search/bundle-cache.ts';
import { SHARDS_FILE, type BundleListing } from '../../src/lib/pagefind-names.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { loadFixtureArticles } from '../helpers/fixture-site.ts';

/** One indexed page as Pagefind stores it: a gzipped fragment behind a signature. */
interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

async function readFragments(bundleDir: string): Promise<Fragment[]> {
  const dir = join(bundleDir, 'fragment');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  return Promise.all(
    names.map(async (name) => {
      const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
      return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Fragment;
    }),
  );
}

/** The search bundles, as the bundle list gives them. */
async function readShards(searchDir: string): Promise<BundleListing[]> {
  return JSON.parse(await readFile(join(searchDir, SHARDS_FILE), 'utf8')) as BundleListing[];
}

/** Every built HTML file, as a path relative to the site folder with forward slashes. */
async function listHtmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The paths of the fixture articles published at the fixture build's clock. */
async function publishedArticlePaths(): Promise<string[]> {
  const collection = await loadFixtureArticles(inject('siteDir'));
  expect(collection.problems).toEqual([]);
  return collection.articles.map((article) => articleToPath(article, siteSettings.timeZone)).sort();
}

describe('the search index of the built fixture site', () => {
  const siteDir = inject('siteDir');
  const searchDir = join(siteDir, 'pagefind');
  let bundles: BundleListing[];
  let periods: string[];
  let fragments: Fragment[];
  let articlePaths: string[];

  beforeAll(async () => {
    bundles = await readShards(searchDir);
    periods = bundles.map((bundle) => bundle.period);
    fragments = (
      await Promise.all(periods.map((period) => readFragments(join(searchDir, period))))
    ).flat();
    articlePaths = await publishedArticlePaths();
  });

  /** `2025-06` for `/2025/06/11/slug/`: a story's address holds its day in the site's zone. */
  const monthOf = (path: string) => `${path.slice(1, 5)}-${path.slice(6, 8)}`;

  it('ships one bundle per month of stories, newest first, each with an index, and Pagefind’s script once for all', async () => {
    const storyMonths = [...new Set(articlePaths.map(monthOf))].sort().reverse();
    expect(periods).toEqual(storyMonths);
    expect(existsSync(join(searchDir, 'pagefind.js'))).toBe(true);
    for (const period of periods) {
      const bundleDir = join(searchDir, period);
      expect(existsSync(join(bundleDir, 'pagefind-entry.json')), period).toBe(true);
      const indexFiles = await readdir(join(bundleDir, 'index'));
      expect(
        indexFiles.some((name) => name.endsWith('.pf_index')),
        period,
      ).toBe(true);
    }
  });

  it('indexes as many pages as there are published articles, each in its month’s bundle, as the list counts them', async () => {
    expect(articlePaths.length).toBeGreaterThan(0);
    let total = 0;
    for (const { period, pageCount } of bundles) {
      const count = await countIndexedPages(join(searchDir, period));
      expect(count, period).toBe(articlePaths.filter((path) => monthOf(path) === period).length);
      expect(pageCount, period).toBe(count);
      total += count;
    }
    expect(total).toBe(articlePaths.length);
  });

  it('indexes exactly the article pages, not the front page, lists, archives or the search page', () => {
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(articlePaths);
  });

  it('indexes the story, not the navigation or the footer around it', () => {
    for (const fragment of fragments) {
      expect(fragment.content).not.toContain('Skip to content');
      expect(fragment.content).not.toContain('(RSS)');
    }
  });

  it('gives every article a title, a date, a section and a year to filter by', () => {
    for (const fragment of fragments) {
      expect(fragment.meta['title'], fragment.url).toBeTruthy();
      expect(fragment.meta['date'], fragment.url).toBeTruthy();
      expect(fragment.filters['section'], fragment.url).toHaveLength(1);
      expect(fragment.filters['year']?.[0], fragment.url).toMatch(/^\d{4}$/);
      expect(fragment.url.startsWith(`/${fragment.filters['year']?.[0]}/`), fragment.url).toBe(
        true,
      );
    }
  });

  /** The indexed page of the story with this slug. */
  const fragmentOf = (slug: string): Fragment => {
    const fragment = fragments.find((candidate) => candidate.url.endsWith(`/${slug}/`));
    if (!fragment) throw new Error(`No indexed page for ${slug}`);
    return fragment;
  };

  it('files a story under its year and day in the site’s zone, with its section, title and shown date', () => {
    // 2025-06-10T23:30-05:00 is June 11 in Moscow.
    const fragment = fragmentOf('new-york-late-night-vote');
    expect(fragment.url).toBe('/2025/06/11/new-york-late-night-vote/');
    expect(fragment.filters['year']).toEqual(['2025']);
    expect(fragment.filters['section']).toEqual(['Science']);
    expect(fragment.meta['date']).toBe('June 11, 2025, 07:30 (UTC+3)');
    expect(fragment.meta['title']).toBe('Late-night vote in New York lands on the next Moscow day');
  });

  it('indexes what the story page’s article shows: section, headline, standfirst, credit, caption, dateline and body', () => {
    const { content } = fragmentOf('harbour-lights-festival');
    for (const text of [
      'Culture',
      'Harbour lights festival draws record crowds to the waterfront',
      'Organisers counted 120,000 visitors over three nights',
      'By Anna Petrova and Ben Okafor, Newsroom Wire',
      'Light installations along the eastern quay on the opening night. Photo: Newsroom Wire',
      'HARBOUR CITY, November 20. /Newsroom Wire/.',
      'Visitors came from across the region.',
    ]) {
      expect(content).toContain(text);
    }
    for (const text of ['Related stories', 'More from', 'Previous in', 'Published']) {
      expect(content).not.toContain(text);
    }
  });

  it('keeps the words of Cyrillic and accented headlines as written', () => {
    const titles = fragments.map((fragment) => fragment.meta['title']);
    expect(titles).toContain('Readers queue at dawn as «Вечерний вестник» returns to print');
    expect(titles).toContain('Zürich café owners count the cost of the lakeside harbour works');
  });
});

describe('scripts in the built fixture site', () => {
  const siteDir = inject('siteDir');

  it('loads JavaScript on the search page only (structured data aside)', async () => {
    const withScripts: string[] = [];
    for (const path of await listHtmlFiles(siteDir)) {
      if (path.startsWith('pagefind/') || path === 'search/index.html') continue;
      const html = await readFile(join(siteDir, path), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      if (scripts.some((tag) => !/\btype=("|')?application\/ld\+json\1/i.test(tag))) {
        withScripts.push(path);
      }
    }
    expect(withScripts).toEqual([]);
  });

  it('gives the search page its script', async () => {
    const html = await readFile(join(siteDir, 'search/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module"/);
  });
});
