/**
 * The reader's pages of the built fixture site: every address of the
 * contract holds the right stories in the right order, and every page has
 * the shell, metadata and markup that readers, crawlers and search need.
 *
 * What each page should hold is worked out here from the fixture articles
 * with the parser and plain array operations, independently of the page
 * code, so that articles other fixtures add are expected too.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ArticleKind, ArticleMeta } from '../../src/lib/articles/schema.ts';
import { textToSlug } from '../../src/lib/articles/slug.ts';
import { dayToIso, formatDateTime, formatDay, instantToDay } from '../../src/lib/dates.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';
import { KIND_LABELS, KIND_TYPES } from '../helpers/story-kinds.ts';

const siteDir = inject('siteDir');
const TIME_ZONE = siteSettings.timeZone;
const PAGE_SIZE = siteSettings.sectionPageSize;

/** Slugs of the fixture stories that must appear nowhere. */
const UNPUBLISHED = ['draft-story-must-not-appear', 'scheduled-story-must-not-appear'];

let articles: ArticleMeta[];

beforeAll(async () => {
  const collection = await loadFixtureArticles(siteDir);
  expect(collection.problems).toEqual([]);
  articles = collection.articles;
});

// ---------------------------------------------------------------- helpers

const pathOf = (article: Pick<ArticleMeta, 'slug' | 'published'>) =>
  articleToPath(article, TIME_ZONE);
const dayKeyOf = (article: ArticleMeta) => dayToIso(instantToDay(article.published, TIME_ZONE));
/** `/2025/06/11/` for `2025-06-11`, `/2025/06/` for `2025-06`, `/2025/` for `2025`. */
const keyToPath = (key: string) => `/${key.split('-').join('/')}/`;
const bySlug = (slug: string) => {
  const found = articles.find((article) => article.slug === slug);
  if (!found) throw new Error(`no published fixture article ${slug}`);
  return found;
};

/** Groups items by a key, in first-seen order of keys and items. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The built file for a site path: `/a/` is `a/index.html`; `/404.html` is itself. */
const pathToFile = (path: string) =>
  path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);

async function readPage(path: string): Promise<HTMLElement> {
  return parse(await readFile(pathToFile(path), 'utf8'), { comment: false });
}

async function exists(path: string): Promise<boolean> {
  return stat(join(siteDir, path)).then(
    () => true,
    () => false,
  );
}

/** Every built file's site path, the search index left out. */
async function builtFiles(): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/** Every built HTML page as a site path (`/`, `/2025/`, `/404.html`). */
async function builtPages(): Promise<string[]> {
  return (await builtFiles())
    .filter((file) => file.endsWith('.html'))
    .map((file) =>
      file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`,
    );
}

/** The `href`s of the headline links inside `scope`, in order. */
function headlineLinks(scope: HTMLElement | null): string[] {
  expect(scope).not.toBeNull();
  return scope!.querySelectorAll('.headline a').map((link) => link.getAttribute('href') ?? '');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** What a reader sees of a time: "May 22, 2019, 08:36 (UTC+3)". */
const shownTime = (moment: ArticleMeta['published']) => formatDateTime(moment, TIME_ZONE);

const meta = (page: HTMLElement, attribute: 'property' | 'name', key: string) =>
  page.querySelector(`meta[${attribute}="${key}"]`)?.getAttribute('content');

// ------------------------------------------------------------ every page

describe('every page', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = (await builtPages()).filter((path) => path !== '/search/');
  });

  it('exists at every address of the contract', async () => {
    const expected = new Set(['/', '/404.html', '/feeds/']);
    for (const article of articles) {
      const day = dayKeyOf(article);
      expected
        .add(pathOf(article))
        .add(keyToPath(day))
        .add(keyToPath(day.slice(0, 7)))
        .add(keyToPath(day.slice(0, 4)));
    }
    for (const [slug, group] of groupBy(articles, (article) => article.section.slug)) {
      expected.add(`/section/${slug}/`);
      for (let page = 2; page <= Math.ceil(group.length / PAGE_SIZE); page++)
        expected.add(`/section/${slug}/page/${page}/`);
    }
    const pagesFrom = (first: string, count: number) => {
      expected.add(first);
      for (let page = 2; page <= Math.ceil(count / PAGE_SIZE); page++)
        expected.add(`${first}page/${page}/`);
    };
    const namesOf = {
      topic: (article: ArticleMeta) => article.tags,
      author: (article: ArticleMeta) => article.authors,
      source: (article: ArticleMeta) => (article.source ? [article.source] : []),
    };
    for (const [taxonomy, names] of Object.entries(namesOf)) {
      expected.add(`/${taxonomy}/`);
      const byName = groupBy(
        articles.flatMap((article) => [...new Set(names(article).map(textToSlug))]),
        (slug) => slug,
      );
      for (const [slug, group] of byName) pagesFrom(`/${taxonomy}/${slug}/`, group.length);
    }
    pagesFrom(
      '/corrections/',
      articles.reduce((count, article) => count + article.notes.length, 0),
    );
    expect(pages.sort()).toEqual([...expected].sort());
  });

  it('has one h1, the language, a description, an absolute canonical link and matching Open Graph URL', async () => {
    for (const path of pages) {
      const page = await readPage(path);
      expect(page.querySelectorAll('h1'), path).toHaveLength(1);
      expect(page.querySelector('html')?.getAttribute('lang'), path).toBe(siteSettings.language);
      expect(meta(page, 'name', 'description'), path).toBeTruthy();
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, path).toBe(new URL(path, FIXTURE_SITE.url).href);
      expect(meta(page, 'property', 'og:url'), path).toBe(canonical);
      expect(meta(page, 'property', 'og:title'), path).toBeTruthy();
      expect(meta(page, 'name', 'twitter:card'), path).toMatch(/^summary/);
    }
  });

  it('opens with a skip link to #main, and has header, navigation with a heading, main and footer', async () => {
    for (const path of pages) {
      const page = await readPage(path);
      const firstFocusable = page
        .querySelector('body')
        ?.querySelector('a[href], button, input, select, textarea');
      expect(firstFocusable?.getAttribute('href'), path).toBe('#main');
      expect(page.querySelector('main#main'), path).not.toBeNull();
      expect(page.querySelector('header nav h2'), path).not.toBeNull();
      expect(page.querySelector('header a[href="/search/"]'), path).not.toBeNull();
      expect(page.querySelector('footer a[href="/rss.xml"]'), path).not.toBeNull();
    }
  });

  it('offers the site feed as an alternate, and links every section, its feed and every archive year', async () => {
    const sections = [...new Set(articles.map((article) => article.section.slug))];
    const years = [...new Set(articles.map((article) => dayKeyOf(article).slice(0, 4)))];
    for (const path of pages) {
      const page = await readPage(path);
      const feeds = page.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
      expect(feeds[0]?.getAttribute('href'), path).toBe(`${FIXTURE_SITE.url}/rss.xml`);
      for (const slug of sections) {
        expect(
          page.querySelector(`header nav a[href="/section/${slug}/"]`),
          `${path} ${slug}`,
        ).not.toBeNull();
        expect(
          page.querySelector(`footer a[href="/section/${slug}/rss.xml"]`),
          `${path} ${slug}`,
        ).not.toBeNull();
      }
      const yearLinks = page
        .querySelectorAll('footer .years a')
        .map((link) => link.getAttribute('href'));
      expect(yearLinks, path).toEqual(years.map(keyToPath));
    }
  });

  it('has no script but JSON-LD data', async () => {
    for (const path of pages) {
      const page = await readPage(path);
      for (const script of page.querySelectorAll('script')) {
        expect(script.getAttribute('type'), path).toBe('application/ld+json');
      }
    }
  });

  it('links to no draft or scheduled story, and no built file mentions one', async () => {
    for (const file of await builtFiles()) {
      expect(file).not.toMatch(/must-not-appear|draft-only|scheduled-only/);
      if (!/\.(html|xml|txt|json)$/.test(file)) continue;
      const text = await readFile(join(siteDir, file), 'utf8');
      for (const slug of UNPUBLISHED) expect(text, file).not.toContain(slug);
      expect(text, file).not.toMatch(/must not appear|Draft Only Section|Scheduled Only Section/);
    }
    expect(await exists('2026/06')).toBe(false);
  });
});

// ------------------------------------------------------------ front page

describe('the front page', () => {
  it('leads with the newest story, then the newest after it in order', async () => {
    const page = await readPage('/');
    const top = headlineLinks(page.querySelector('main .top'));
    expect(top[0]).toBe(pathOf(articles[0]!));
    expect(top).toEqual(articles.slice(0, top.length).map(pathOf));
    expect(top.length).toBeGreaterThanOrEqual(Math.min(articles.length, 10));
  });

  it('shows the lead story’s section label and standfirst', async () => {
    const lead = (await readPage('/')).querySelector('main .lead');
    expect(lead?.querySelector('.kicker a')?.getAttribute('href')).toBe(
      `/section/${articles[0]!.section.slug}/`,
    );
    expect(squash(lead?.querySelector('.standfirst')?.text ?? '')).toBe(articles[0]!.summary);
  });

  it('has a block per section with its newest stories, linking to its front', async () => {
    const page = await readPage('/');
    for (const [slug, group] of groupBy(articles, (article) => article.section.slug)) {
      const block = page.querySelector(`main section[aria-labelledby="section-${slug}"]`);
      expect(block?.querySelector('h2 a')?.getAttribute('href')).toBe(`/section/${slug}/`);
      const links = headlineLinks(block);
      expect(links.length).toBe(Math.min(group.length, 4));
      expect(links).toEqual(group.slice(0, links.length).map(pathOf));
    }
  });
});

// --------------------------------------------------------- section fronts

describe('section fronts', () => {
  it('list each section newest first, 20 a page, the last page holding the rest', async () => {
    for (const [slug, group] of groupBy(articles, (article) => article.section.slug)) {
      const pageCount = Math.ceil(group.length / PAGE_SIZE);
      for (let number = 1; number <= pageCount; number++) {
        const path = number === 1 ? `/section/${slug}/` : `/section/${slug}/page/${number}/`;
        const page = await readPage(path);
        expect(squash(page.querySelector('h1')?.text ?? ''), path).toBe(group[0]!.section.name);
        expect(headlineLinks(page.querySelector('main')), path).toEqual(
          group.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE).map(pathOf),
        );
      }
      expect(await exists(`section/${slug}/page/1`)).toBe(false);
      expect(await exists(`section/${slug}/page/${pageCount + 1}`)).toBe(false);
    }
  });

  it('has a section with at least three pages in the fixture', () => {
    const world = articles.filter((article) => article.section.slug === 'world');
    expect(Math.ceil(world.length / PAGE_SIZE)).toBeGreaterThanOrEqual(3);
  });

  it('paginate with rel prev and next, and mark the current page', async () => {
    const world = articles.filter((article) => article.section.slug === 'world');
    const last = Math.ceil(world.length / PAGE_SIZE);
    const pathOfPage = (number: number) =>
      number === 1 ? '/section/world/' : `/section/world/page/${number}/`;
    for (let number = 1; number <= last; number++) {
      const nav = (await readPage(pathOfPage(number))).querySelector('nav.pagination');
      expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
        number > 1 ? pathOfPage(number - 1) : undefined,
      );
      expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
        number < last ? pathOfPage(number + 1) : undefined,
      );
      const current = nav?.querySelectorAll('a[aria-current="page"]') ?? [];
      expect(current).toHaveLength(1);
      expect(current[0]?.getAttribute('href')).toBe(pathOfPage(number));
      expect(squash(current[0]?.text ?? '')).toBe(`Page ${number}`);
      const numbered = nav
        ?.querySelectorAll('a:not([rel])')
        .map((link) => link.getAttribute('href'));
      expect(numbered).toEqual(Array.from({ length: last }, (_, index) => pathOfPage(index + 1)));
    }
    expect(headlineLinks((await readPage(pathOfPage(last))).querySelector('main'))).toHaveLength(
      world.length - (last - 1) * PAGE_SIZE,
    );
  });

  it('offer the section feed and mark the section current in the navigation', async () => {
    const page = await readPage('/section/world/page/2/');
    const alternates = page
      .querySelectorAll('link[rel="alternate"]')
      .map((link) => link.getAttribute('href'));
    expect(alternates).toContain(`${FIXTURE_SITE.url}/section/world/rss.xml`);
    expect(
      page.querySelector('header nav a[href="/section/world/"]')?.getAttribute('aria-current'),
    ).toBe('true');
    const first = await readPage('/section/world/');
    expect(
      first.querySelector('header nav a[href="/section/world/"]')?.getAttribute('aria-current'),
    ).toBe('page');
    expect(first.querySelectorAll('header nav [aria-current]')).toHaveLength(1);
  });
});

// -------------------------------------------------------------- archives

describe('date archives', () => {
  it('list each day’s stories newest first, a day being the calendar day in Moscow', async () => {
    for (const [key, group] of groupBy(articles, dayKeyOf)) {
      const page = await readPage(keyToPath(key));
      expect(headlineLinks(page.querySelector('main')), key).toEqual(group.map(pathOf));
    }
  });

  it('put stories whose written day differs from Moscow’s under Moscow’s day', async () => {
    const cases: [string, string][] = [
      ['new-york-late-night-vote', '/2025/06/11/'],
      ['tokyo-early-morning-launch', '/2025/06/10/'],
      ['moscow-midnight-exactly', '/2025/06/10/'],
      ['moscow-one-minute-to-midnight', '/2025/06/09/'],
      ['new-year-in-utc', '/2026/01/01/'],
    ];
    for (const [slug, day] of cases) {
      expect(pathOf(bySlug(slug))).toBe(`${day}${slug}/`);
      expect(await exists(`${day}${slug}/index.html`), slug).toBe(true);
      expect(headlineLinks((await readPage(day)).querySelector('main')), slug).toContain(
        `${day}${slug}/`,
      );
    }
    expect(await exists('2025/12/31')).toBe(false);
    expect(headlineLinks((await readPage('/2025/06/10/')).querySelector('main'))).toEqual([
      '/2025/06/10/tokyo-early-morning-launch/',
      '/2025/06/10/moscow-midnight-exactly/',
    ]);
  });

  it('list a month’s days and a year’s months newest first, with counts', async () => {
    const byMonth = groupBy(articles, (article) => dayKeyOf(article).slice(0, 7));
    for (const [month, group] of byMonth) {
      const days = [...groupBy(group, dayKeyOf)].map(
        ([day, stories]) => `${keyToPath(day)} ${stories.length}`,
      );
      const page = await readPage(keyToPath(month));
      const shown = page.querySelectorAll('main ol.counts li').map((item) => {
        const count = squash(item.querySelector('.count')?.text ?? '').split(' ')[0];
        return `${item.querySelector('a')?.getAttribute('href')} ${count}`;
      });
      expect(shown, month).toEqual(days);
    }
    for (const [year, group] of groupBy(articles, (article) => dayKeyOf(article).slice(0, 4))) {
      const months = [...groupBy(group, (article) => dayKeyOf(article).slice(0, 7))].map(
        ([month, stories]) => `${keyToPath(month)} ${stories.length}`,
      );
      const page = await readPage(keyToPath(year));
      const shown = page.querySelectorAll('main ol.counts li').map((item) => {
        const count = squash(item.querySelector('.count')?.text ?? '').split(' ')[0];
        return `${item.querySelector('a')?.getAttribute('href')} ${count}`;
      });
      expect(shown, year).toEqual(months);
      expect(squash(page.querySelector('h1')?.text ?? '')).toBe(year);
    }
  });

  it('link the previous and next day, month and year that have stories', async () => {
    const levels = [10, 7, 4].map((length) => [
      ...new Set(articles.map((article) => dayKeyOf(article).slice(0, length))),
    ]);
    for (const keys of levels) {
      for (const [index, key] of keys.entries()) {
        const page = await readPage(keyToPath(key));
        const older = keys[index + 1];
        const newer = keys[index - 1];
        expect(page.querySelector('main a[rel="prev"]')?.getAttribute('href'), key).toBe(
          older && keyToPath(older),
        );
        expect(page.querySelector('main a[rel="next"]')?.getAttribute('href'), key).toBe(
          newer && keyToPath(newer),
        );
      }
    }
  });

  it('names the day in words', async () => {
    const page = await readPage('/2025/06/11/');
    expect(squash(page.querySelector('h1')?.text ?? '')).toBe(
      formatDay({ year: 2025, month: 6, day: 11 }),
    );
  });
});

// ------------------------------------------------------------ story pages

describe('a story page', () => {
  it('exists for every story with its headline as the one h1', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const headings = page.querySelectorAll('h1');
      expect(headings).toHaveLength(1);
      expect(squash(headings[0]!.text)).toBe(article.title);
    }
  });

  it('opens the body with the agency dateline as the start of the first paragraph', async () => {
    const page = await readPage(pathOf(bySlug('naryshkin-svr-contacts')));
    const first = page.querySelector('.article-body p');
    expect(squash(first?.text ?? '')).toMatch(
      /^DUSHANBE, May 22\. \/TASS\/\. Director of the Foreign Intelligence Service/,
    );
  });

  it('dates the dateline by the place of filing and the time by the site zone', async () => {
    const page = await readPage('/2025/06/11/new-york-late-night-vote/');
    expect(squash(page.querySelector('.article-body p')?.text ?? '')).toMatch(
      /^NEW YORK, June 10\. \/Newsroom Wire\/\. The council voted/,
    );
    const time = page.querySelector('article .byline time');
    expect(time?.parentNode?.getAttribute('href')).toBe('/2025/06/11/');
    expect(time?.getAttribute('datetime')).toBe('2025-06-10T23:30:00-05:00');
    expect(time?.text).toBe('June 11, 2025, 07:30 (UTC+3)');
  });

  it('shows the time as "Month D, YYYY, HH:MM (UTC+3)" with the time as written in datetime', async () => {
    const page = await readPage(pathOf(bySlug('naryshkin-svr-contacts')));
    const time = page.querySelector('article .byline time');
    expect(time?.getAttribute('datetime')).toBe('2019-05-22T08:36:00+03:00');
    expect(time?.text).toBe('May 22, 2019, 08:36 (UTC+3)');
    expect(squash(page.querySelector('article .byline .credit')?.text ?? '')).toBe('TASS');
    expect(squash(page.querySelector('article .byline .times')?.text ?? '')).toBe(
      'Published May 22, 2019, 08:36 (UTC+3)',
    );
  });

  it('credits authors and source, and shows the update time', async () => {
    const page = await readPage(pathOf(bySlug('harbour-lights-festival')));
    const byline = page.querySelector('article .byline');
    expect(squash(byline?.querySelector('.credit')?.text ?? '')).toBe(
      'By Anna Petrova and Ben Okafor, Newsroom Wire',
    );
    expect(squash(byline?.querySelector('.times')?.text ?? '')).toBe(
      'Published November 20, 2025, 18:15 (UTC+3) Updated November 21, 2025, 09:05 (UTC+3)',
    );
    expect(byline?.querySelectorAll('time').map((time) => time.getAttribute('datetime'))).toEqual([
      '2025-11-20T18:15:00+03:00',
      '2025-11-21T09:05:00+03:00',
    ]);
  });

  it('links its section label to the section front and shows the standfirst', async () => {
    const article = bySlug('harbour-lights-festival');
    const page = await readPage(pathOf(article));
    expect(page.querySelector('article .kicker a')?.getAttribute('href')).toBe('/section/culture/');
    expect(squash(page.querySelector('article .standfirst')?.text ?? '')).toBe(article.summary);
  });

  it('shows the image through the image service, in several widths, with size, caption and credit', async () => {
    const page = await readPage(pathOf(bySlug('harbour-lights-festival')));
    const figure = page.querySelector('article figure');
    const image = figure?.querySelector('picture img');
    expect(image?.getAttribute('alt')).toBe(
      'Coloured light installations reflected in the dark water of the harbour.',
    );
    expect(image?.getAttribute('width')).toBe('960');
    expect(image?.getAttribute('height')).toBe('540');
    expect(image?.getAttribute('src')).toMatch(/^\/_astro\/harbour-lights\.[\w-]+\.png$/);
    const webp = figure?.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '';
    expect(webp.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual([
      '400w',
      '800w',
      '960w',
    ]);
    for (const candidate of webp.split(', ')) {
      expect(await exists(candidate.split(' ')[0]!.slice(1))).toBe(true);
    }
    expect(squash(figure?.querySelector('figcaption')?.text ?? '')).toBe(
      'Light installations along the eastern quay on the opening night. Photo: Newsroom Wire',
    );
  });

  it('lists tags, only related stories that are published, and more from the section', async () => {
    const article = bySlug('harbour-lights-festival');
    const page = await readPage(pathOf(article));
    expect(page.querySelectorAll('.tags li').map((item) => item.text)).toEqual([
      'festivals',
      'Harbour City',
      'lights',
    ]);
    expect(page.querySelectorAll('.tags li a').map((link) => link.getAttribute('href'))).toEqual([
      '/topic/festivals/',
      '/topic/harbour-city/',
      '/topic/lights/',
    ]);
    expect(headlineLinks(page.querySelector('[aria-labelledby="related-heading"]'))).toEqual([
      pathOf(bySlug('first-story')),
      pathOf(bySlug('second-story')),
    ]);
    // More from the section: the stories published nearest before it (then after it), less
    // the story, its related stories and its neighbours, newest first.
    const culture = articles.filter((other) => other.section.slug === 'culture');
    const position = culture.indexOf(article);
    const neighbours = [culture[position - 1], culture[position + 1]];
    const offered = (other: (typeof culture)[number]) =>
      !neighbours.includes(other) && !article.related.includes(other.slug);
    const older = culture.slice(position + 1).filter(offered);
    const newer = culture.slice(0, position).reverse().filter(offered);
    const more = [...older, ...newer].slice(0, 5);
    more.sort((a, b) => culture.indexOf(a) - culture.indexOf(b));
    expect(more.length).toBeGreaterThan(0);
    expect(headlineLinks(page.querySelector('[aria-labelledby="more-heading"]'))).toEqual(
      more.map(pathOf),
    );
  });

  it('links the previous and next story of its section with rel', async () => {
    const world = articles.filter((article) => article.section.slug === 'world');
    for (const index of [0, 1, world.length - 1]) {
      const page = await readPage(pathOf(world[index]!));
      const older = world[index + 1];
      const newer = world[index - 1];
      expect(page.querySelector('nav.prev-next a[rel="prev"]')?.getAttribute('href')).toBe(
        older && pathOf(older),
      );
      expect(page.querySelector('nav.prev-next a[rel="next"]')?.getAttribute('href')).toBe(
        newer && pathOf(newer),
      );
    }
  });

  it('offers the section feed and marks its section in the navigation', async () => {
    const page = await readPage(pathOf(bySlug('naryshkin-svr-contacts')));
    const alternates = page
      .querySelectorAll('link[rel="alternate"]')
      .map((link) => link.getAttribute('href'));
    expect(alternates).toEqual([
      `${FIXTURE_SITE.url}/rss.xml`,
      `${FIXTURE_SITE.url}/section/russian-politics-diplomacy/rss.xml`,
      `${FIXTURE_SITE.url}/section/russian-politics-diplomacy/atom.xml`,
      `${FIXTURE_SITE.url}/section/russian-politics-diplomacy/feed.json`,
    ]);
    expect(
      page
        .querySelector('header nav a[href="/section/russian-politics-diplomacy/"]')
        ?.getAttribute('aria-current'),
    ).toBe('true');
  });

  it('prints its canonical address', async () => {
    const article = bySlug('naryshkin-svr-contacts');
    const page = await readPage(pathOf(article));
    expect(page.querySelector('.print-only')?.text).toBe(`${FIXTURE_SITE.url}${pathOf(article)}`);
  });
});

describe('kinds of story', () => {
  it('are in the fixture, every kind but news at least once', () => {
    const kinds = new Set(articles.map((article) => article.kind));
    for (const kind of Object.keys(KIND_LABELS)) expect(kinds, kind).toContain(kind);
  });

  it('label the story page above the headline, after the section; news carries no label', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const kicker = page.querySelector('article .story-header .kicker');
      const label = KIND_LABELS[article.kind];
      expect(kicker?.nextElementSibling?.tagName, article.slug).toBe('H1');
      expect(squash(kicker?.querySelector('.kind')?.text ?? ''), article.slug).toBe(label ?? '');
      expect(squash(kicker?.text ?? ''), article.slug).toBe(
        label ? `${article.section.name} ${label}` : article.section.name,
      );
    }
  });

  it('label every teaser of a story of a kind, on every page that lists it, and no teaser of news', async () => {
    const byPath = new Map(articles.map((article) => [pathOf(article), article]));
    const seen = new Set<ArticleKind>();
    for (const path of await builtPages()) {
      const page = await readPage(path);
      for (const teaser of page.querySelectorAll('.teaser')) {
        const href = teaser.querySelector('.headline a')?.getAttribute('href') ?? '';
        const article = byPath.get(href);
        expect(article, `${path}: ${href}`).toBeDefined();
        const label = KIND_LABELS[article!.kind];
        const shown = teaser.querySelectorAll('.kind').map((element) => squash(element.text));
        expect(shown, `${path}: ${href}`).toEqual(label ? [label] : []);
        // The label comes before the headline, as on the story's page.
        if (label) {
          expect(teaser.querySelector('.kicker + .headline'), `${path}: ${href}`).not.toBeNull();
        }
        seen.add(article!.kind);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(KIND_LABELS).sort());
  });

  it('set opinion apart: a boxed label and a page header and teasers of their own', async () => {
    const opinion = articles.find((article) => article.kind === 'opinion')!;
    const page = await readPage(pathOf(opinion));
    expect(page.querySelector('.story-header')?.classList.contains('opinion')).toBe(true);
    expect(page.querySelector('.story-header .kind')?.classList.contains('kind-opinion')).toBe(
      true,
    );
    const section = await readPage(`/section/${opinion.section.slug}/`);
    const teaser = section
      .querySelectorAll('.teaser')
      .find(
        (element) => element.querySelector('.headline a')?.getAttribute('href') === pathOf(opinion),
      );
    expect(teaser?.classList.contains('opinion')).toBe(true);
    for (const article of articles.filter((other) => other.kind !== 'opinion')) {
      const other = await readPage(pathOf(article));
      expect(
        other.querySelector('.story-header')?.classList.contains('opinion'),
        article.slug,
      ).toBe(false);
    }
  });
});

describe('corrections and updates on a story page', () => {
  const withNotes = () => articles.filter((article) => article.notes.length > 0);

  it('are in the fixture: corrections and updates, one story with both', () => {
    const types = withNotes().map((article) => new Set(article.notes.map((note) => note.type)));
    expect(types.some((found) => found.has('correction') && found.has('update'))).toBe(true);
  });

  it('show "Updated" with the time of the last change beside the publication time', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const times = squash(page.querySelector('article .byline .times')?.text ?? '');
      const published = `Published ${shownTime(article.published)}`;
      expect(times, article.slug).toBe(
        article.updated ? `${published} Updated ${shownTime(article.updated)}` : published,
      );
    }
  });

  it('take the last change from the latest note when the story gives no updated time', async () => {
    const article = bySlug('clinic-waiting-times-explained');
    const page = await readPage(pathOf(article));
    const times = page.querySelectorAll('article .byline .times time');
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual([
      '2025-09-04T09:30:00+03:00',
      '2025-09-06T12:30:00+03:00',
    ]);
    // The update time leads to the notes at the story's end.
    expect(times[1]?.parentNode?.getAttribute('href')).toBe('#notes');
    expect(page.querySelector('article #notes')).not.toBeNull();
  });

  it('list every note at the story’s end, newest first, labelled, with its time in the site’s zone', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const section = page.querySelector('article .story-notes');
      if (article.notes.length === 0) {
        expect(section, article.slug).toBeNull();
        continue;
      }
      // After the body, inside the article, so that it prints with the story.
      expect(
        section?.previousElementSibling?.classList.contains('article-body'),
        article.slug,
      ).toBe(true);
      const notes = section!.querySelectorAll('li').map((item) => ({
        label: squash(item.querySelector('.note-label')?.text ?? ''),
        time: item.querySelector('time')?.text,
        datetime: item.querySelector('time')?.getAttribute('datetime'),
        text: squash(item.querySelector('.note-text')?.text ?? ''),
        id: item.id,
      }));
      const sorted = [...article.notes].sort((a, b) => b.at.epochMs - a.at.epochMs);
      expect(notes, article.slug).toEqual(
        sorted.map((note, index) => ({
          label: note.type === 'correction' ? 'Correction' : 'Update',
          time: shownTime(note.at),
          datetime: note.at.iso,
          text: note.text,
          // The corrections feed links each note by its number, the oldest 1.
          id: `note-${sorted.length - index}`,
        })),
      );
    }
  });

  it('name what they are in their heading', async () => {
    const headings: Record<string, string> = {
      'clinic-waiting-times-explained': 'Corrections and updates',
      'chip-plant-subsidy-analysis': 'Correction',
    };
    for (const [slug, heading] of Object.entries(headings)) {
      const page = await readPage(pathOf(bySlug(slug)));
      expect(squash(page.querySelector('#notes-heading')?.text ?? ''), slug).toBe(heading);
    }
    const clinic = await readPage(pathOf(bySlug('clinic-waiting-times-explained')));
    expect(
      clinic
        .querySelectorAll('.story-notes li')
        .map((note) => note.querySelectorAll('p').map((part) => squash(part.text))),
    ).toEqual([
      [
        'Update September 6, 2025, 12:30 (UTC+3)',
        "Adds the health ministry's response, given on Saturday.",
      ],
      [
        'Correction September 5, 2025, 09:00 (UTC+3)',
        'An earlier version of this story gave the average wait for a specialist as 14 weeks; it is 12 weeks.',
      ],
    ]);
  });
});

describe('links from a story to its topics, authors and sources', () => {
  it('lead each tag, as the story writes it, to its topic’s page', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const links = page.querySelectorAll('.tags li a');
      expect(
        links.map((link) => [squash(link.text), link.getAttribute('href')]),
        article.slug,
      ).toEqual(article.tags.map((tag) => [tag, `/topic/${textToSlug(tag)}/`]));
    }
  });

  it('lead tags that differ only in letter case to one topic, each shown as written', async () => {
    const opinion = await readPage(pathOf(bySlug('wetland-drainage-false-economy')));
    const explainer = await readPage(pathOf(bySlug('clinic-waiting-times-explained')));
    const wetlands = (page: HTMLElement) =>
      page
        .querySelectorAll('.tags a')
        .find((link) => link.getAttribute('href') === '/topic/wetlands/')?.text;
    expect(wetlands(opinion)).toBe('Wetlands');
    expect(wetlands(explainer)).toBe('wetlands');
  });

  it('lead each author and the source in the byline to their pages', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const links = page
        .querySelectorAll('article .byline .credit a')
        .map((link) => [squash(link.text), link.getAttribute('href')]);
      expect(links, article.slug).toEqual([
        ...article.authors.map((name) => [name, `/author/${textToSlug(name)}/`]),
        ...(article.source ? [[article.source, `/source/${textToSlug(article.source)}/`]] : []),
      ]);
    }
    const page = await readPage(pathOf(bySlug('harbour-lights-festival')));
    expect(squash(page.querySelector('article .byline .credit')?.text ?? '')).toBe(
      'By Anna Petrova and Ben Okafor, Newsroom Wire',
    );
  });

  it('lead the agency in the dateline to its page', async () => {
    const page = await readPage(pathOf(bySlug('naryshkin-svr-contacts')));
    const dateline = page.querySelector('.article-body p .dateline');
    expect(squash(dateline?.text ?? '')).toBe('DUSHANBE, May 22. /TASS/.');
    expect(
      dateline?.querySelectorAll('a').map((link) => [link.text, link.getAttribute('href')]),
    ).toEqual([['TASS', '/source/tass/']]);
    for (const article of articles.filter((other) => other.dateline && !other.source)) {
      const other = await readPage(pathOf(article));
      expect(other.querySelector('.article-body .dateline a'), article.slug).toBeNull();
    }
  });
});

describe('the standfirst of a story page', () => {
  it('is the summary the story gives, and there is none when it gives none', async () => {
    for (const article of articles) {
      const page = await readPage(pathOf(article));
      const standfirst = page.querySelector('article .standfirst');
      if (article.summaryGiven)
        expect(squash(standfirst?.text ?? ''), article.slug).toBe(article.summary);
      else expect(standfirst, article.slug).toBeNull();
    }
    expect(articles.some((article) => !article.summaryGiven)).toBe(true);
  });

  it('without a summary, lets the first paragraph follow the byline, and still describes the page by the summary', async () => {
    const article = bySlug('clinic-waiting-times-explained');
    const page = await readPage(pathOf(article));
    expect(
      page.querySelector('article .story-header')?.lastElementChild?.classList.contains('byline'),
    ).toBe(true);
    expect(squash(page.querySelector('article .article-body p')?.text ?? '')).toMatch(
      /^NORVALE, September 4\. \/Interfax\/\. Patients referred to a specialist/,
    );
    // The summary cut from that paragraph is shown nowhere on the page but serves its description.
    expect(article.summary).toMatch(/…$/);
    expect(page.querySelector('main')?.text).not.toContain(article.summary);
    expect(meta(page, 'name', 'description')).toBe(article.summary);
    expect(meta(page, 'property', 'og:description')).toBe(article.summary);
  });
});

describe('structured data and link previews of a story', () => {
  it('has NewsArticle JSON-LD with headline, times as written, authors, absolute image and publisher', async () => {
    const article = bySlug('harbour-lights-festival');
    const page = await readPage(pathOf(article));
    const scripts = page.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]!.text);
    const url = `${FIXTURE_SITE.url}${pathOf(article)}`;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      datePublished: '2025-11-20T18:15:00+03:00',
      dateModified: '2025-11-21T09:05:00+03:00',
      author: [
        { '@type': 'Person', name: 'Anna Petrova' },
        { '@type': 'Person', name: 'Ben Okafor' },
      ],
      articleSection: 'Culture',
      publisher: { '@type': 'Organization', name: siteSettings.publisher },
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    });
    expect(data.image[0].url).toMatch(
      new RegExp(`^${FIXTURE_SITE.url}/_astro/harbour-lights\\.[\\w-]+\\.jpeg$`),
    );
    expect(await exists(new URL(data.image[0].url).pathname.slice(1))).toBe(true);
  });

  it('has absolute Open Graph and Twitter tags with the image', async () => {
    const article = bySlug('harbour-lights-festival');
    const page = await readPage(pathOf(article));
    expect(meta(page, 'property', 'og:type')).toBe('article');
    expect(meta(page, 'property', 'og:url')).toBe(`${FIXTURE_SITE.url}${pathOf(article)}`);
    expect(meta(page, 'property', 'og:image')).toMatch(/^https:\/\/news\.example\.test\/_astro\//);
    expect(meta(page, 'name', 'twitter:image')).toBe(meta(page, 'property', 'og:image'));
    expect(meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(meta(page, 'property', 'article:published_time')).toBe('2025-11-20T18:15:00+03:00');
    expect(meta(page, 'property', 'article:modified_time')).toBe('2025-11-21T09:05:00+03:00');
  });
});

describe('structured data of the kinds of story, corrections and credits', () => {
  const jsonLd = async (article: ArticleMeta) =>
    JSON.parse(
      (await readPage(pathOf(article))).querySelector('script[type="application/ld+json"]')!.text,
    );

  it('types each story by its kind', async () => {
    for (const article of articles) {
      expect((await jsonLd(article))['@type'], article.slug).toBe(KIND_TYPES[article.kind]);
    }
  });

  it('dates the last change and gives each correction as a CorrectionComment', async () => {
    for (const article of articles) {
      const data = await jsonLd(article);
      const changes = [article.published, article.updated, ...article.notes.map((note) => note.at)];
      const latest = changes.reduce((found, moment) =>
        moment && moment.epochMs > found!.epochMs ? moment : found,
      );
      expect(data.dateModified, article.slug).toBe(latest!.iso);
      const corrections = article.notes
        .filter((note) => note.type === 'correction')
        .sort((a, b) => b.at.epochMs - a.at.epochMs)
        .map((note) => ({
          '@type': 'CorrectionComment',
          text: note.text,
          datePublished: note.at.iso,
        }));
      expect(data.correction, article.slug).toEqual(corrections.length ? corrections : undefined);
    }
    const clinic = await jsonLd(bySlug('clinic-waiting-times-explained'));
    expect(clinic.dateModified).toBe('2025-09-06T12:30:00+03:00');
    expect(clinic.correction).toHaveLength(1);
  });

  it('gives each author and the source their pages as url', async () => {
    const url = (path: string) => `${FIXTURE_SITE.url}${path}`;
    const explainer = await jsonLd(bySlug('clinic-waiting-times-explained'));
    expect(explainer.author).toEqual([
      { '@type': 'Person', name: 'Dmitri Volkov', url: url('/author/dmitri-volkov/') },
    ]);
    expect(explainer.sourceOrganization).toEqual({
      '@type': 'Organization',
      name: 'Interfax',
      url: url('/source/interfax/'),
    });
    const agency = await jsonLd(bySlug('naryshkin-svr-contacts'));
    expect(agency.author).toEqual([
      { '@type': 'Organization', name: 'TASS', url: url('/source/tass/') },
    ]);
    expect(agency).not.toHaveProperty('sourceOrganization');
  });
});

describe('the not-found page', () => {
  it('links home and lists the newest stories', async () => {
    const page = await readPage('/404.html');
    expect(page.querySelector('main a[href="/"]')).not.toBeNull();
    expect(headlineLinks(page.querySelector('main'))).toEqual(articles.slice(0, 5).map(pathOf));
    expect(meta(page, 'name', 'robots')).toBe('noindex, max-image-preview:large');
  });
});
