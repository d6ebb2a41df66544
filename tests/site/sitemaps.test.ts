import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Article } from '../../src/lib/articles/schema.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';

const siteDir = inject('siteDir');
const CLOCK = Date.parse(FIXTURE_SITE.clock);
const TWO_DAYS = 2 * 24 * 60 * 60 * 1000;
const articleUrl = (article: Article) =>
  new URL(articleToPath(article, siteSettings.timeZone), FIXTURE_SITE.url).href;

/** Every article in the fixture tree, published or not, with its status at the fixture clock. */
let all: Article[];
let published: Article[];

beforeAll(async () => {
  all = (await loadFixtureArticles(siteDir, true)).articles;
  published = (await loadFixtureArticles(siteDir)).articles;
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** Reads a built XML file, checks it is well-formed, and parses it. */
async function readXml(path: string) {
  const xml = await readFile(join(siteDir, path), 'utf8');
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parser.parse(xml);
}

/** Every `<url>` of every sitemap the index lists. */
async function sitemapUrls(): Promise<{ loc: string; lastmod?: string }[]> {
  const index = await readXml('sitemap-index.xml');
  const sitemaps: { loc: string }[] = index.sitemapindex.sitemap;
  const urls = [];
  for (const { loc } of sitemaps) {
    expect(loc.startsWith(`${FIXTURE_SITE.url}/`)).toBe(true);
    const sitemap = await readXml(new URL(loc).pathname);
    urls.push(...(sitemap.urlset.url ?? []));
  }
  return urls;
}

describe('the sitemap index', () => {
  it('lists sitemaps that list every published article with its lastmod (updated, else published)', async () => {
    const urls = new Map((await sitemapUrls()).map((url) => [url.loc, url.lastmod]));
    for (const article of published) {
      const lastmod = urls.get(articleUrl(article));
      expect(lastmod, articleUrl(article)).toBeDefined();
      expect(Date.parse(lastmod ?? ''), articleUrl(article)).toBe(
        (article.updated ?? article.published).epochMs,
      );
    }
  });

  it('dates a corrected article by its correction', async () => {
    const urls = await sitemapUrls();
    const corrected = urls.find((url) => url.loc.endsWith('/velmora-observers-report/'));
    expect(Date.parse(corrected?.lastmod ?? '')).toBe(Date.parse('2026-05-25T12:00:00+03:00'));
  });

  it('lists no draft, scheduled or unknown article, no 404 page and no search page', async () => {
    const locs = (await sitemapUrls()).map((url) => url.loc);
    const publishedUrls = new Set(published.map(articleUrl));
    const unpublished = all
      .filter((article) => !publishedUrls.has(articleUrl(article)))
      .map(articleUrl);
    expect(unpublished.length).toBeGreaterThan(0);
    for (const loc of unpublished) expect(locs).not.toContain(loc);
    for (const loc of locs.filter((url) => /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url))) {
      expect(publishedUrls.has(loc), loc).toBe(true);
    }
    expect(locs.filter((loc) => /\/404(\.html|\/)?$|\/search\/$/.test(loc))).toEqual([]);
  });

  it('lists only pages that were built', async () => {
    for (const { loc } of await sitemapUrls()) {
      expect(existsSync(join(siteDir, new URL(loc).pathname, 'index.html')), loc).toBe(true);
    }
  });
});

describe('the news sitemap', () => {
  it('lists exactly the stories published in the two days before the build clock, with Google News fields', async () => {
    const { urlset } = await readXml('news-sitemap.xml');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const recent = published.filter(
      (article) =>
        article.published.epochMs <= CLOCK && CLOCK - article.published.epochMs <= TWO_DAYS,
    );
    expect(recent.length).toBeGreaterThan(0);
    const urls: { loc: string; 'news:news': Record<string, unknown> }[] = urlset.url ?? [];
    expect(urls.map((url) => url.loc).sort()).toEqual(recent.map(articleUrl).sort());
    for (const article of recent) {
      const news = urls.find((url) => url.loc === articleUrl(article))?.['news:news'];
      expect(news).toEqual({
        'news:publication': {
          'news:name': siteSettings.publisher,
          'news:language': siteSettings.language,
        },
        'news:publication_date': expect.stringMatching(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/,
        ),
        'news:title': article.title,
      });
      expect(Date.parse(String(news?.['news:publication_date']))).toBe(article.published.epochMs);
    }
  });

  it('leaves out a story published just over two days before the clock', async () => {
    const { urlset } = await readXml('news-sitemap.xml');
    const locs = (urlset.url ?? []).map((url: { loc: string }) => url.loc);
    expect(locs).not.toContainEqual(expect.stringContaining('glacier-survey-ends'));
  });
});

describe('robots.txt', () => {
  it('allows every crawler and names the sitemap index and the news sitemap by absolute URL', async () => {
    const robots = await readFile(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1]);
    expect(sitemaps).toEqual([
      `${FIXTURE_SITE.url}/sitemap-index.xml`,
      `${FIXTURE_SITE.url}/news-sitemap.xml`,
    ]);
    for (const url of sitemaps)
      expect(existsSync(join(siteDir, new URL(url ?? '').pathname))).toBe(true);
  });
});
