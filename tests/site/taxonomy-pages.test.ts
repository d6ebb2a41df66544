/**
 * The list pages beside the sections in the built fixture site: every
 * topic, author and source has pages of its stories, newest first and
 * paginated like a section, and a light feed; an index lists each kind A–Z
 * with counts; and the corrections list and feed hold every correction and
 * update, newest first, each linking to its story.
 *
 * What each page should hold is worked out here from the fixture articles
 * with the parser, the contract's URL-name rule and plain array operations,
 * not with the site's grouping code, so that a grouping bug cannot hide.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Article, ArticleNote } from '../../src/lib/articles/schema.ts';
import { textToSlug } from '../../src/lib/articles/slug.ts';
import { formatDateTime } from '../../src/lib/dates.ts';
import { instantToDatetime } from '../../src/lib/structured-data.ts';
import { articleToPath, type Taxonomy } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';

const siteDir = inject('siteDir');
const TIME_ZONE = siteSettings.timeZone;
const PAGE_SIZE = siteSettings.sectionPageSize;
/** The newest stories a topic's, an author's or a source's feed holds. */
const NAME_FEED_SIZE = 20;
const TAXONOMIES: readonly Taxonomy[] = ['topic', 'author', 'source'];

/** Published fixture stories, newest first. */
let articles: Article[];

beforeAll(async () => {
  const collection = await loadFixtureArticles(siteDir);
  expect(collection.problems).toEqual([]);
  articles = collection.articles;
});

// ---------------------------------------------------------------- helpers

/** A topic, author or source as the contract defines it. */
interface Expected {
  slug: string;
  name: string;
  stories: Article[];
}

const namesOf = (article: Article, taxonomy: Taxonomy): string[] =>
  taxonomy === 'topic'
    ? article.tags
    : taxonomy === 'author'
      ? article.authors
      : article.source
        ? [article.source]
        : [];

/**
 * Every name of a kind, by URL name: its stories newest first, and the
 * spelling most of them use (the newest story's among equals).
 */
function expectedNames(taxonomy: Taxonomy): Map<string, Expected> {
  const found = new Map<string, { stories: Article[]; spellings: string[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article, taxonomy)) {
      const slug = textToSlug(name);
      if (seen.has(slug)) continue;
      seen.add(slug);
      const entry = found.get(slug) ?? { stories: [], spellings: [] };
      entry.stories.push(article);
      entry.spellings.push(name);
      found.set(slug, entry);
    }
  }
  const names = new Map<string, Expected>();
  for (const [slug, { stories, spellings }] of found) {
    const count = (spelling: string) => spellings.filter((other) => other === spelling).length;
    // Spellings are in newest-first order: the first of the most used wins.
    const name = spellings.reduce((best, spelling) =>
      count(spelling) > count(best) ? spelling : best,
    );
    names.set(slug, { slug, name, stories });
  }
  return names;
}

/** The A–Z order the contract asks for, in English: case, accents and punctuation aside. */
const collator = new Intl.Collator('en', {
  sensitivity: 'base',
  numeric: true,
  ignorePunctuation: true,
});

const pathOf = (article: Pick<Article, 'slug' | 'published'>) => articleToPath(article, TIME_ZONE);
const pageCountOf = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));
const namePath = (taxonomy: Taxonomy, slug: string, page = 1) =>
  page > 1 ? `/${taxonomy}/${slug}/page/${page}/` : `/${taxonomy}/${slug}/`;

async function readPage(path: string): Promise<HTMLElement> {
  return parse(await readFile(join(siteDir, path, 'index.html'), 'utf8'), { comment: false });
}

async function exists(path: string): Promise<boolean> {
  return stat(join(siteDir, path)).then(
    () => true,
    () => false,
  );
}

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const hrefs = (elements: HTMLElement[]) => elements.map((link) => link.getAttribute('href') ?? '');

/** The page's canonical URL and the RSS feeds it offers, by `href` with their titles. */
function headLinks(page: HTMLElement) {
  return {
    canonical: page.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    feeds: page
      .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
      .map((link) => [link.getAttribute('href'), link.getAttribute('title')]),
  };
}

/** Reads a built feed, checks it is well-formed XML, and parses it as a feed reader does. */
async function readFeed(path: string) {
  const xml = await readFile(join(siteDir, path), 'utf8');
  expect(XMLValidator.validate(xml), path).toBe(true);
  return { xml, feed: parseFeed(xml) };
}

const absolute = (path: string) => new URL(path, FIXTURE_SITE.url).href;

// ------------------------------------------------------------ the fixture

describe('the fixture site', () => {
  it('has names of every kind, a name with stories in two spellings, and a name over two pages', () => {
    for (const taxonomy of TAXONOMIES) {
      expect(expectedNames(taxonomy).size, taxonomy).toBeGreaterThan(1);
    }
    const spelt = [...expectedNames('topic').values()].filter(
      ({ slug }) =>
        new Set(
          articles.flatMap((article) => article.tags.filter((tag) => textToSlug(tag) === slug)),
        ).size > 1,
    );
    expect(spelt.length, 'topics written in two spellings').toBeGreaterThan(0);
    const long = TAXONOMIES.flatMap((taxonomy) => [...expectedNames(taxonomy).values()]).filter(
      ({ stories }) => stories.length > PAGE_SIZE,
    );
    expect(long.length, 'names with more than a page of stories').toBeGreaterThan(0);
  });
});

// ------------------------------------------------------ a name's pages

describe.for(TAXONOMIES)('the pages of each %s', (taxonomy) => {
  it('list its stories newest first, a section’s page size a page, under the name most stories spell', async () => {
    for (const { slug, name, stories } of expectedNames(taxonomy).values()) {
      const pages = pageCountOf(stories.length);
      for (let number = 1; number <= pages; number++) {
        const path = namePath(taxonomy, slug, number);
        const page = await readPage(path);
        expect(squash(page.querySelector('main h1')?.text), path).toBe(name);
        expect(hrefs(page.querySelectorAll('main .story-list .headline a')), path).toEqual(
          stories.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE).map(pathOf),
        );
        const facts = squash(page.querySelector('main .list-header .facts')?.text);
        expect(facts, path).toContain(
          `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`,
        );
        if (pages > 1) expect(facts, path).toContain(`page ${number} of ${pages}`);
      }
      expect(
        await exists(namePath(taxonomy, slug, pages + 1)),
        `${slug}: no page past the last`,
      ).toBe(false);
      expect(
        await exists(`/${taxonomy}/${slug}/page/1/`),
        `${slug}: the first page only at its own address`,
      ).toBe(false);
    }
  });

  it('have a canonical link, and offer their own feed besides the site’s under the feed’s title', async () => {
    for (const { slug, stories } of expectedNames(taxonomy).values()) {
      const { feed } = await readFeed(`/${taxonomy}/${slug}/rss.xml`);
      for (let number = 1; number <= pageCountOf(stories.length); number++) {
        const path = namePath(taxonomy, slug, number);
        const { canonical, feeds } = headLinks(await readPage(path));
        expect(canonical, path).toBe(absolute(path));
        expect(feeds, path).toEqual([
          [absolute('/rss.xml'), siteSettings.title],
          [absolute(`/${taxonomy}/${slug}/rss.xml`), feed.title],
        ]);
      }
    }
  });

  it('page like a section: numbered links, rel prev and next, the current page marked', async () => {
    for (const { slug, stories } of expectedNames(taxonomy).values()) {
      const pages = pageCountOf(stories.length);
      for (let number = 1; number <= pages; number++) {
        const page = await readPage(namePath(taxonomy, slug, number));
        const nav = page.querySelector('nav.pagination');
        if (pages === 1) {
          expect(nav, slug).toBeNull();
          continue;
        }
        expect(nav?.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe(
          namePath(taxonomy, slug, number),
        );
        expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
          number > 1 ? namePath(taxonomy, slug, number - 1) : undefined,
        );
        expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
          number < pages ? namePath(taxonomy, slug, number + 1) : undefined,
        );
      }
    }
  });

  it('lead back to the index of every one', async () => {
    for (const { slug } of expectedNames(taxonomy).values()) {
      const page = await readPage(namePath(taxonomy, slug));
      expect(
        page.querySelector(`main nav[aria-label="Breadcrumb"] a[href="/${taxonomy}/"]`),
        slug,
      ).not.toBeNull();
    }
  });
});

describe.for(TAXONOMIES)('the feed of each %s', (taxonomy) => {
  it('holds its newest 20 stories with their standfirsts, newest first, and no full text', async () => {
    for (const { slug, name, stories } of expectedNames(taxonomy).values()) {
      const path = `/${taxonomy}/${slug}/rss.xml`;
      const { xml, feed } = await readFeed(path);
      expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
      expect(feed.self, path).toBe(absolute(path));
      expect(feed.url, path).toBe(absolute(namePath(taxonomy, slug)));
      expect(feed.title, path).toContain(name);
      expect(feed.items.length, path).toBeLessThanOrEqual(NAME_FEED_SIZE);
      expect(
        feed.items.map((item) => ({
          url: item.url,
          title: item.title,
          published: item.published,
          description: item.description,
          authors: item.authors.map((author) => author.name),
        })),
        path,
      ).toEqual(
        stories.slice(0, NAME_FEED_SIZE).map((article) => ({
          url: absolute(pathOf(article)),
          title: article.title,
          published: new Date(article.published.epochMs),
          description: article.summary,
          // Credited as a full item is: authors, else source, else publisher.
          authors: article.authors.length
            ? article.authors
            : [article.source ?? siteSettings.publisher],
        })),
      );
      expect(xml, `${path} carries no body`).not.toContain('content:encoded>');
      expect(
        feed.items.every((item) => item.content === null),
        path,
      ).toBe(true);
    }
  });
});

// ------------------------------------------------------------- the indexes

describe.for(TAXONOMIES)('the index of every %s', (taxonomy) => {
  it('lists each A–Z, linked, with its story count', async () => {
    const page = await readPage(`/${taxonomy}/`);
    const expected = [...expectedNames(taxonomy).values()].sort(
      (a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1),
    );
    const listed = page.querySelectorAll('main .names li').map((item) => ({
      href: item.querySelector('a')?.getAttribute('href'),
      name: squash(item.querySelector('a')?.text),
      count: squash(item.querySelector('.count')?.text),
    }));
    expect(listed).toEqual(
      expected.map(({ slug, name, stories }) => ({
        href: namePath(taxonomy, slug),
        name,
        count: `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`,
      })),
    );
  });

  it('heads each initial, and its jump list leads to each heading', async () => {
    const page = await readPage(`/${taxonomy}/`);
    const headings = page.querySelectorAll('main section.initial > h2');
    const jumps = page.querySelectorAll('main nav.jump a');
    if (headings.length > 1) {
      expect(hrefs(jumps)).toEqual(headings.map((heading) => `#${heading.id}`));
      expect(jumps.map((link) => squash(link.text))).toEqual(
        headings.map((heading) => squash(heading.text)),
      );
    }
    for (const section of page.querySelectorAll('main section.initial')) {
      const initial = squash(section.querySelector('h2')?.text);
      for (const link of section.querySelectorAll('.names a')) {
        // The first letter or digit, accents dropped.
        const first = textToSlug(squash(link.text).match(/[\p{L}\p{N}]/u)?.[0] ?? '').charAt(0);
        expect(/\d/.test(first) ? '0–9' : first.toUpperCase(), squash(link.text)).toBe(initial);
      }
    }
  });

  it('has a canonical link and offers the site feed', async () => {
    const { canonical, feeds } = headLinks(await readPage(`/${taxonomy}/`));
    expect(canonical).toBe(absolute(`/${taxonomy}/`));
    expect(feeds).toEqual([[absolute('/rss.xml'), siteSettings.title]]);
  });
});

// --------------------------------------------------------- corrections

/** Every note on the site with its story, newest first; at one moment, the newer story's first. */
function expectedNotes(): { note: ArticleNote; article: Article; number: number }[] {
  return articles
    .flatMap((article) =>
      article.notes.map((note, index) => ({ note, article, number: article.notes.length - index })),
    )
    .sort((a, b) => b.note.at.epochMs - a.note.at.epochMs);
}

const LABELS = { correction: 'Correction', update: 'Update' } as const;

describe('the corrections list', () => {
  it('has corrections and updates to list', () => {
    const types = new Set(expectedNotes().map(({ note }) => note.type));
    expect([...types].sort()).toEqual(['correction', 'update']);
  });

  it('lists every note newest first, with its label, its time in the newsroom’s zone, its text and its story linked', async () => {
    const notes = expectedNotes();
    const pages = pageCountOf(notes.length);
    for (let number = 1; number <= pages; number++) {
      const path = number > 1 ? `/corrections/page/${number}/` : '/corrections/';
      const page = await readPage(path);
      const listed = page.querySelectorAll('main .notes > li').map((item) => ({
        story: item.querySelector('.headline a')?.getAttribute('href'),
        headline: squash(item.querySelector('.headline a')?.text),
        text: squash(item.querySelector('.text')?.text),
        time: squash(item.querySelector('time')?.text),
        datetime: item.querySelector('time')?.getAttribute('datetime'),
      }));
      expect(listed, path).toEqual(
        notes.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE).map(({ note, article }) => ({
          story: pathOf(article),
          headline: article.title,
          text: `${LABELS[note.type]}: ${note.text}`,
          time: formatDateTime(note.at, TIME_ZONE),
          datetime: instantToDatetime(note.at),
        })),
      );
    }
    expect(await exists(`/corrections/page/${pages + 1}/`)).toBe(false);
  });

  it('counts the corrections and the updates', async () => {
    const notes = expectedNotes();
    const corrections = notes.filter(({ note }) => note.type === 'correction').length;
    const updates = notes.length - corrections;
    const facts = squash((await readPage('/corrections/')).querySelector('main .facts')?.text);
    expect(facts).toContain(
      `${corrections} correction${corrections === 1 ? '' : 's'} and ${updates} update${updates === 1 ? '' : 's'}`,
    );
  });

  it('has a canonical link and offers its feed', async () => {
    const { feed } = await readFeed('/corrections/rss.xml');
    const { canonical, feeds } = headLinks(await readPage('/corrections/'));
    expect(canonical).toBe(absolute('/corrections/'));
    expect(feeds).toEqual([
      [absolute('/rss.xml'), siteSettings.title],
      [absolute('/corrections/rss.xml'), feed.title],
    ]);
  });
});

describe('the corrections feed', () => {
  it('has every note as an item, newest first, each linking to its story with an id of its own', async () => {
    const { feed } = await readFeed('/corrections/rss.xml');
    expect(feed.self).toBe(absolute('/corrections/rss.xml'));
    expect(feed.url).toBe(absolute('/corrections/'));
    expect(
      feed.items.map((item) => ({
        title: item.title,
        url: item.url,
        id: item.id,
        published: item.published,
        description: item.description,
      })),
    ).toEqual(
      expectedNotes()
        .slice(0, siteSettings.feedSize)
        .map(({ note, article, number }) => ({
          title: `${LABELS[note.type]}: ${article.title}`,
          url: `${absolute(pathOf(article))}#note-${number}`,
          id: `${absolute(pathOf(article))}#note-${number}`,
          published: new Date(note.at.epochMs),
          description: note.text,
        })),
    );
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
  });

  it('links each note to the note itself on its story page', async () => {
    const { feed } = await readFeed('/corrections/rss.xml');
    for (const item of feed.items) {
      const url = new URL(item.url ?? '');
      const page = await readPage(url.pathname);
      const note = page.querySelector(`.story-notes li${url.hash}`);
      expect(note?.querySelector('.note-text')?.text.trim(), item.url ?? '').toBe(item.description);
    }
  });
});

// ------------------------------------------------------ site-wide reach

describe('every page', () => {
  it('links the indexes of topics, authors and sources and the corrections from its footer', async () => {
    for (const path of ['/', '/section/world/', '/topic/', '/corrections/', pathOf(articles[0]!)]) {
      const footer = (await readPage(path)).querySelector('footer');
      for (const target of [
        '/topic/',
        '/author/',
        '/source/',
        '/corrections/',
        '/corrections/rss.xml',
      ]) {
        expect(footer?.querySelector(`a[href="${target}"]`), `${path} → ${target}`).not.toBeNull();
      }
    }
  });
});

describe('the sitemap', () => {
  it('lists every new list page, and none of their feeds', async () => {
    const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
    const index = xml.parse(await readFile(join(siteDir, 'sitemap-index.xml'), 'utf8'));
    const locs = new Set<string>();
    for (const { loc } of index.sitemapindex.sitemap as { loc: string }[]) {
      const sitemap = xml.parse(await readFile(join(siteDir, new URL(loc).pathname), 'utf8'));
      for (const url of sitemap.urlset.url as { loc: string }[]) locs.add(url.loc);
    }
    const expected = ['/topic/', '/author/', '/source/', '/corrections/'];
    for (const taxonomy of TAXONOMIES) {
      for (const { slug, stories } of expectedNames(taxonomy).values()) {
        for (let number = 1; number <= pageCountOf(stories.length); number++) {
          expected.push(namePath(taxonomy, slug, number));
        }
      }
    }
    for (const path of expected) expect(locs.has(absolute(path)), path).toBe(true);
    expect([...locs].filter((loc) => loc.endsWith('.xml'))).toEqual([]);
  });
});
