import { describe, expect, it } from 'vitest';
import { instant } from '../helpers/instant.ts';
import {
  articleToParams,
  articleToPath,
  dayToParams,
  dayToPath,
  FEED_PATH,
  monthToParams,
  monthToPath,
  pathToUrl,
  SEARCH_PATH,
  sectionFeedPath,
  sectionToPath,
  yearToParams,
  yearToPath,
} from '../../src/lib/urls.ts';

describe('articleToPath', () => {
  it('puts an article under its day in the site zone', () => {
    const article = {
      slug: 'naryshkin-svr-contacts',
      published: instant('2019-05-22T08:36:00+03:00'),
    };
    expect(articleToPath(article, 'Europe/Moscow')).toBe('/2019/05/22/naryshkin-svr-contacts/');
  });

  it('uses the site zone’s day when the article was written in another zone', () => {
    const article = { slug: 'late-story', published: instant('2025-12-31T22:30:00Z') };
    expect(articleToPath(article, 'Europe/Moscow')).toBe('/2026/01/01/late-story/');
    expect(articleToPath(article, 'UTC')).toBe('/2025/12/31/late-story/');
  });
});

describe('articleToParams', () => {
  it('gives the route parameters of the story’s day in the site zone, padded', () => {
    const article = { slug: 'late-story', published: instant('2025-12-31T22:30:00Z') };
    expect(articleToParams(article, 'Europe/Moscow')).toEqual({
      year: '2026',
      month: '01',
      day: '01',
      slug: 'late-story',
    });
  });
});

describe('archive paths', () => {
  it('pads months and days to two digits', () => {
    expect(dayToPath({ year: 2019, month: 5, day: 2 })).toBe('/2019/05/02/');
    expect(monthToPath(2019, 5)).toBe('/2019/05/');
    expect(yearToPath(2019)).toBe('/2019/');
  });

  it('gives the archive routes the parameters their paths are made of', () => {
    expect(dayToParams({ year: 2019, month: 5, day: 2 })).toEqual({
      year: '2019',
      month: '05',
      day: '02',
    });
    expect(monthToParams(2019, 11)).toEqual({ year: '2019', month: '11' });
    expect(yearToParams(2019)).toEqual({ year: '2019' });
  });
});

describe('section paths', () => {
  it('gives the first page of a section without a page number', () => {
    expect(sectionToPath('world')).toBe('/section/world/');
    expect(sectionToPath('world', 1)).toBe('/section/world/');
  });

  it('gives later pages under page/N', () => {
    expect(sectionToPath('world', 2)).toBe('/section/world/page/2/');
  });

  it('gives each section a feed', () => {
    expect(sectionFeedPath('russian-politics-diplomacy')).toBe(
      '/section/russian-politics-diplomacy/rss.xml',
    );
  });
});

describe('site paths', () => {
  it('names the feed and search addresses of the contract', () => {
    expect(FEED_PATH).toBe('/rss.xml');
    expect(SEARCH_PATH).toBe('/search/');
  });
});

describe('pathToUrl', () => {
  it('makes a site path absolute against the base URL', () => {
    expect(pathToUrl('/2019/05/22/story/', 'https://news.example.org')).toBe(
      'https://news.example.org/2019/05/22/story/',
    );
    expect(pathToUrl('/rss.xml', new URL('https://news.example.org/'))).toBe(
      'https://news.example.org/rss.xml',
    );
  });
});
