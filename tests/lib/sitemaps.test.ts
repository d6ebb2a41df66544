import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isInstant, parseInstant, type Instant } from '../../src/lib/instant.ts';
import {
  articlesToLastmods,
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemaps,
  instantToW3c,
  isSitemapPage,
  NEWS_SITEMAP_MAX_URLS,
  SITEMAP_MAX_URLS,
  type NewsArticle,
  type NewsSitemapOptions,
} from '../../src/lib/sitemaps.ts';

function instant(iso: string): Instant {
  const parsed = parseInstant(iso);
  if (!isInstant(parsed)) throw new Error(`bad test instant ${iso}`);
  return parsed;
}

const NOW = Date.parse('2026-06-01T00:00:00Z');

const options: NewsSitemapOptions = {
  now: NOW,
  site: 'https://news.example.test',
  timeZone: 'Europe/Moscow',
  publicationName: 'Newsroom Wire',
  language: 'en',
};

function article(slug: string, published: string, title = `Story ${slug}`): NewsArticle {
  return { slug, title, published: instant(published) };
}

/** The news sitemap as a tree, entities decoded; `url` always an array. */
function parseNewsSitemap(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => name === 'url',
  });
  return parser.parse(xml).urlset;
}

describe('buildNewsSitemap', () => {
  it('lists the stories of the two days before the clock, newest first, with Google News fields', () => {
    const urlset = parseNewsSitemap(
      buildNewsSitemap(
        [
          article('older', '2026-05-29T23:59:59Z'),
          article('edge', '2026-05-30T00:00:00Z'),
          article('newest', '2026-05-31T10:00:00+03:00', 'Rates & yields < 5% ]]>'),
          article('future', '2026-06-01T00:00:01Z'),
        ],
        options,
      ),
    );
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual([
      {
        loc: 'https://news.example.test/2026/05/31/newest/',
        'news:news': {
          'news:publication': { 'news:name': 'Newsroom Wire', 'news:language': 'en' },
          'news:publication_date': '2026-05-31T10:00:00+03:00',
          'news:title': 'Rates & yields < 5% ]]>',
        },
      },
      {
        loc: 'https://news.example.test/2026/05/30/edge/',
        'news:news': {
          'news:publication': { 'news:name': 'Newsroom Wire', 'news:language': 'en' },
          'news:publication_date': '2026-05-30T00:00:00Z',
          'news:title': 'Story edge',
        },
      },
    ]);
  });

  it('is a valid, empty urlset when no story is recent', () => {
    const xml = buildNewsSitemap([article('old', '2024-01-10T09:00:00+03:00')], options);
    const urlset = parseNewsSitemap(xml);
    expect(urlset.url).toBeUndefined();
    expect(xml).toContain('<urlset');
  });

  it('lists at most the 1,000 URLs Google News reads', () => {
    const many = Array.from({ length: NEWS_SITEMAP_MAX_URLS + 5 }, (_, index) =>
      article(`story-${index}`, new Date(NOW - index * 60_000).toISOString()),
    );
    expect(parseNewsSitemap(buildNewsSitemap(many, options)).url).toHaveLength(
      NEWS_SITEMAP_MAX_URLS,
    );
  });

  it('removes characters XML forbids from titles', () => {
    const xml = buildNewsSitemap(
      [article('ctrl', '2026-05-31T10:00:00Z', 'Wire\u0001 copy')],
      options,
    );
    expect(parseNewsSitemap(xml).url[0]['news:news']['news:title']).toBe('Wire copy');
  });
});

describe('instantToW3c', () => {
  it('writes seconds and the offset as written, Z for UTC', () => {
    expect(instantToW3c(instant('2019-05-22T08:36:00.5+0300'))).toBe('2019-05-22T08:36:00+03:00');
    expect(instantToW3c(instant('2024-01-11T12:30Z'))).toBe('2024-01-11T12:30:00Z');
    expect(instantToW3c(instant('2024-12-31T23:15:45-05:30'))).toBe('2024-12-31T23:15:45-05:30');
  });
});

describe('articlesToLastmods', () => {
  it('maps each article path, dated in the site zone, to updated else published', () => {
    const lastmods = articlesToLastmods(
      [
        {
          slug: 'first-story',
          published: instant('2024-01-10T09:00:00+03:00'),
          updated: undefined,
        },
        {
          slug: 'corrected',
          published: instant('2026-05-20T23:30:00Z'),
          updated: instant('2026-05-25T12:00:00+03:00'),
        },
      ],
      'Europe/Moscow',
    );
    expect(lastmods).toEqual(
      new Map([
        ['/2024/01/10/first-story/', Date.parse('2024-01-10T09:00:00+03:00')],
        ['/2026/05/21/corrected/', Date.parse('2026-05-25T12:00:00+03:00')],
      ]),
    );
  });
});

describe('isSitemapPage', () => {
  it('keeps content pages and leaves out the error page and search', () => {
    expect(isSitemapPage('/')).toBe(true);
    expect(isSitemapPage('/2024/01/10/first-story/')).toBe(true);
    expect(isSitemapPage('/404/')).toBe(false);
    expect(isSitemapPage('/404.html')).toBe(false);
    expect(isSitemapPage('/search/')).toBe(false);
  });
});

describe('buildSitemaps', () => {
  const site = 'https://news.example.test/';
  const lastmods = new Map([
    ['/2024/01/10/first-story/', Date.parse('2024-01-10T09:00:00+03:00')],
    ['/2026/05/21/corrected/', Date.parse('2026-05-25T12:00:00+03:00')],
  ]);
  const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

  it('lists every page once in natural URL order, articles with their lastmod in UTC', () => {
    const files = buildSitemaps(
      [
        '/section/world/page/10/',
        '/2026/05/21/corrected/',
        '/',
        '/section/world/page/2/',
        '/404/',
        '/search/',
        '/2024/01/10/first-story/',
        '/',
      ],
      lastmods,
      site,
    );
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const sitemap = files.get('sitemap-0.xml') ?? '';
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(
      sitemap.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
    expect(xml.parse(sitemap).urlset.url).toEqual([
      { loc: 'https://news.example.test/' },
      {
        loc: 'https://news.example.test/2024/01/10/first-story/',
        lastmod: '2024-01-10T06:00:00.000Z',
      },
      {
        loc: 'https://news.example.test/2026/05/21/corrected/',
        lastmod: '2026-05-25T09:00:00.000Z',
      },
      { loc: 'https://news.example.test/section/world/page/2/' },
      { loc: 'https://news.example.test/section/world/page/10/' },
    ]);
    expect(xml.parse(files.get('sitemap-index.xml') ?? '').sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example.test/sitemap-0.xml', lastmod: '2026-05-25T09:00:00.000Z' },
    ]);
  });

  it('starts a new sitemap every 50,000 URLs, each dated in the index by its newest article', () => {
    const pages = Array.from(
      { length: SITEMAP_MAX_URLS + 1 },
      (_, i) => `/section/world/page/${i + 1}/`,
    );
    const files = buildSitemaps([...pages, '/2026/05/21/corrected/'], lastmods, site);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    const counts = ['sitemap-0.xml', 'sitemap-1.xml'].map(
      (name) => xml.parse(files.get(name) ?? '').urlset.url.length,
    );
    expect(counts).toEqual([SITEMAP_MAX_URLS, 2]);
    expect(xml.parse(files.get('sitemap-index.xml') ?? '').sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example.test/sitemap-0.xml', lastmod: '2026-05-25T09:00:00.000Z' },
      { loc: 'https://news.example.test/sitemap-1.xml' },
    ]);
  });

  it('escapes what XML reserves in an address', () => {
    const sitemap = buildSitemaps(['/topic/a&b/'], new Map(), site).get('sitemap-0.xml') ?? '';
    expect(sitemap).toContain('<loc>https://news.example.test/topic/a&amp;b/</loc>');
  });
});

describe('buildRobotsTxt', () => {
  it('allows every crawler and names each sitemap', () => {
    expect(
      buildRobotsTxt([
        'https://news.example.test/sitemap-index.xml',
        'https://news.example.test/news-sitemap.xml',
      ]),
    ).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://news.example.test/sitemap-index.xml\nSitemap: https://news.example.test/news-sitemap.xml\n',
    );
  });
});
