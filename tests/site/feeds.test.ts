import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Article } from '../../src/lib/articles/schema.ts';
import { formatDateTime } from '../../src/lib/dates.ts';
import { articleToPath, FEED_PATH, sectionFeedPath, sectionToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';
import { KIND_LABELS } from '../helpers/story-kinds.ts';

const siteDir = inject('siteDir');
const articleUrl = (article: Article) =>
  new URL(articleToPath(article, siteSettings.timeZone), FIXTURE_SITE.url).href;

/** What the build should have published: the fixture tree read by the site's own collection rules. */
let published: Article[];

beforeAll(async () => {
  published = (await loadFixtureArticles(siteDir)).articles;
});

/** Reads a built feed, checks it is well-formed XML, and parses it with a feed reader's library. */
async function readFeed(path: string) {
  const xml = await readFile(join(siteDir, path), 'utf8');
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parseFeed(xml);
}

/** What a feed reader should see for an article. */
function expectedItem(article: Article) {
  const kind = KIND_LABELS[article.kind];
  return {
    title: article.title,
    url: articleUrl(article),
    id: articleUrl(article),
    published: new Date(article.published.epochMs),
    description: article.summary,
    categories: [article.section.name, ...(kind ? [kind] : []), ...article.tags],
    authors: article.authors,
  };
}

function itemFacts(item: ReturnType<typeof parseFeed>['items'][number]) {
  return {
    title: item.title,
    url: item.url,
    id: item.id,
    published: item.published,
    description: item.description,
    categories: item.categories.map((category) => category.term),
    authors: item.authors.map((author) => author.name),
  };
}

describe('the site feed', () => {
  it('describes the site and links itself', async () => {
    const feed = await readFeed('rss.xml');
    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.title).toBe(siteSettings.title);
    expect(feed.url).toBe(`${FIXTURE_SITE.url}/`);
    expect(feed.self).toBe(`${FIXTURE_SITE.url}${FEED_PATH}`);
    expect(feed.language).toBe(siteSettings.language);
  });

  it('lists the newest published articles, newest first, with titles, links, dates, categories and authors', async () => {
    const feed = await readFeed('rss.xml');
    expect(feed.items.length).toBeLessThanOrEqual(siteSettings.feedSize);
    expect(feed.items.map(itemFacts)).toEqual(
      published.slice(0, siteSettings.feedSize).map(expectedItem),
    );
  });

  it('names both authors of a story with two', async () => {
    const feed = await readFeed('rss.xml');
    const item = feed.items.find((entry) => entry.url?.endsWith('/velmora-observers-report/'));
    expect(item?.authors.map((author) => author.name)).toEqual(['Anna Petrova', 'Ivan Sidorov']);
  });

  it('reads back a title with &, < and ]]> exactly as written', async () => {
    const feed = await readFeed('rss.xml');
    expect(feed.items.map((item) => item.title)).toContain(
      'Rates & yields < 5% as traders test the ]]> marker',
    );
  });

  it('carries the full body with every link and image made absolute, and no forbidden characters', async () => {
    const feed = await readFeed('rss.xml');
    const item = feed.items.find((entry) => entry.url?.endsWith('/rates-and-yields-test-markers/'));
    const content = item?.content ?? '';
    expect(content).toContain('closing sequence ]]> in their notes');
    expect(content).toMatch(/the desk wrote (&amp;|&#x26;|&) where/);
    expect(content).toContain('A stray control character came in');
    expect(content).toContain(`href="${FIXTURE_SITE.url}/2024/01/10/first-story/"`);
    expect(content).toContain(`href="${FIXTURE_SITE.url}/2026/05/31/other/"`);
    expect(content).toContain(
      `src="${FIXTURE_SITE.url}/2026/05/31/rates-and-yields-test-markers/yields-chart.svg"`,
    );
    expect(content).not.toMatch(/(?:href|src)="(?!https?:|mailto:)/);
    const raw = await readFile(join(siteDir, 'rss.xml'), 'utf8');
    expect(raw).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('shows the lead image as a built file, atop the body and as media', async () => {
    const feed = await readFeed('rss.xml');
    const item = feed.items.find((entry) => entry.url?.endsWith('/velmora-observers-report/'));
    const [media] = item?.media ?? [];
    expect(media?.url).toMatch(
      new RegExp(`^${FIXTURE_SITE.url}/_astro/observers\\.[\\w-]+\\.webp$`),
    );
    expect(existsSync(join(siteDir, new URL(media?.url ?? '').pathname))).toBe(true);
    expect(item?.content).toMatch(
      new RegExp(
        `^<figure><img src="${media?.url}" alt="A long table of ballot boxes in a school hall.">`,
      ),
    );
  });

  it('leaves drafts out', async () => {
    const feed = await readFeed('rss.xml');
    expect(feed.items.map((item) => item.url)).not.toContainEqual(
      expect.stringContaining('unfinished-draft-story'),
    );
  });
});

describe('the kinds, corrections and updates of stories in feeds', () => {
  /** Every story as its section's feed gives it: each story is in one. */
  async function sectionItems() {
    const items = new Map<Article, Awaited<ReturnType<typeof readFeed>>['items'][number]>();
    for (const slug of new Set(published.map((article) => article.section.slug))) {
      const feed = await readFeed(sectionFeedPath(slug));
      for (const item of feed.items) {
        const article = published.find((candidate) => articleUrl(candidate) === item.url);
        if (article) items.set(article, item);
      }
    }
    return items;
  }

  it('file each story of a kind under its kind, after its section', async () => {
    const items = await sectionItems();
    const explainer = [...items].find(
      ([article]) => article.slug === 'clinic-waiting-times-explained',
    );
    expect(explainer?.[1].categories.map((category) => category.term)).toEqual([
      'Health',
      'Explainer',
      'hospitals',
      'wetlands',
    ]);
    for (const [article, item] of items) {
      expect(itemFacts(item).categories, article.slug).toEqual(expectedItem(article).categories);
    }
    const kinds = new Set([...items.keys()].map((article) => article.kind));
    expect([...kinds].sort()).toEqual(Object.keys(KIND_LABELS).sort());
  });

  it('carry each story’s corrections and updates after its body, newest first, with their times', async () => {
    let checked = 0;
    for (const [article, item] of await sectionItems()) {
      const content = parse(item.content ?? '');
      const notes = content.querySelector('section');
      if (article.notes.length === 0) {
        expect(notes, article.slug).toBeNull();
        continue;
      }
      // The notes follow the whole body: nothing of the story comes after them.
      expect(content.text, article.slug).toContain(article.text.split('\n')[0]!.slice(0, 40));
      const after = content.childNodes.slice(content.childNodes.indexOf(notes!) + 1);
      expect(
        after.map((node) => node.text.trim()),
        article.slug,
      ).toEqual(after.map(() => ''));
      const newestFirst = [...article.notes].sort((a, b) => b.at.epochMs - a.at.epochMs);
      expect(
        notes!.querySelectorAll('p').map((note) => note.text),
        article.slug,
      ).toEqual(
        newestFirst.map(
          (note) =>
            `${note.type === 'correction' ? 'Correction' : 'Update'}, ` +
            `${formatDateTime(note.at, siteSettings.timeZone)}: ${note.text}`,
        ),
      );
      expect(
        notes!.querySelectorAll('time').map((time) => time.getAttribute('datetime')),
        article.slug,
      ).toEqual(newestFirst.map((note) => note.at.iso));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('the section feeds', () => {
  it('exist for every section with stories, and only for those', async () => {
    const sections = [...new Set(published.map((article) => article.section.slug))].sort();
    const built = (await readdir(join(siteDir, 'section'), { withFileTypes: true }))
      .filter(
        (entry) =>
          entry.isDirectory() && existsSync(join(siteDir, 'section', entry.name, 'rss.xml')),
      )
      .map((entry) => entry.name)
      .sort();
    expect(built).toEqual(sections);
  });

  it('each list only their section’s newest stories, newest first, and link the section', async () => {
    const sections = new Map(published.map((article) => [article.section.slug, article.section]));
    for (const section of sections.values()) {
      const feed = await readFeed(sectionFeedPath(section.slug));
      const expected = published.filter((article) => article.section.slug === section.slug);
      expect(feed.self).toBe(`${FIXTURE_SITE.url}${sectionFeedPath(section.slug)}`);
      expect(feed.url).toBe(`${FIXTURE_SITE.url}${sectionToPath(section.slug)}`);
      expect(feed.title).toContain(section.name);
      expect(feed.items.map(itemFacts), section.slug).toEqual(
        expected.slice(0, siteSettings.feedSize).map(expectedItem),
      );
    }
  });
});

describe('feed discovery', () => {
  it('every built HTML page links the site feed with <link rel="alternate">', async () => {
    const pages = (await readdir(siteDir, { recursive: true }))
      .filter((name) => name.endsWith('.html'))
      .filter((name) => !name.startsWith('pagefind'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = await readFile(join(siteDir, page), 'utf8');
      expect(feedLinks(html), page).toContain(`${FIXTURE_SITE.url}${FEED_PATH}`);
    }
  });

  it('section fronts also link their own feed', async () => {
    for (const slug of new Set(published.map((article) => article.section.slug))) {
      const html = await readFile(join(siteDir, sectionToPath(slug), 'index.html'), 'utf8');
      expect(feedLinks(html), slug).toContain(`${FIXTURE_SITE.url}${sectionFeedPath(slug)}`);
    }
  });

  it('offers a section feed under the title the feed gives itself, from its front and its stories', async () => {
    for (const article of published) {
      const { slug } = article.section;
      const feed = await readFeed(sectionFeedPath(slug));
      for (const page of [sectionToPath(slug), articleToPath(article, siteSettings.timeZone)]) {
        const html = parse(await readFile(join(siteDir, page, 'index.html'), 'utf8'));
        const link = html.querySelector(
          `link[rel="alternate"][href="${FIXTURE_SITE.url}${sectionFeedPath(slug)}"]`,
        );
        expect(link?.getAttribute('title'), page).toBe(feed.title);
      }
    }
  });
});

/** The absolute hrefs of a page's `<link rel="alternate" type="application/rss+xml">` tags. */
function feedLinks(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel="alternate"/.test(tag) && /\btype="application\/rss\+xml"/.test(tag))
    .map((tag) => new URL(/\bhref="([^"]*)"/.exec(tag)?.[1] ?? '', FIXTURE_SITE.url).href);
}
