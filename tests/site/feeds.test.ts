import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Article } from '../../src/lib/articles/schema.ts';
import { textToSlug } from '../../src/lib/articles/slug.ts';
import { formatDateTime } from '../../src/lib/dates.ts';
import { SITE_ICON, SITE_LOGO } from '../../src/lib/site-images.ts';
import {
  articleToPath,
  FEED_PATH,
  FEEDS_PATH,
  sectionFeedPath,
  sectionToPath,
  siteFeedPath,
  taxonomyFeedPath,
  taxonomyIndexPath,
  type FeedFormat,
} from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import {
  comparableContent,
  readWithExtractus,
  readWithFeedsmith,
  readWithRowanmanning,
} from '../helpers/feed-readers.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';
import { jsonFeedProblems } from '../helpers/json-feed-spec.ts';
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
    authors: expectedCredit(article),
  };
}

/** Whom a story's item credits: its authors, else its source, else the publisher. */
function expectedCredit(article: Article): string[] {
  if (article.authors.length) return article.authors;
  return [article.source ?? siteSettings.publisher];
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

/** Every feed offered in three formats: the site's and each section's. */
function fullFeeds(): { name: string; paths: Record<FeedFormat, string> }[] {
  const sections = [...new Set(published.map((article) => article.section.slug))];
  return [
    {
      name: 'site',
      paths: { rss: siteFeedPath('rss'), atom: siteFeedPath('atom'), json: siteFeedPath('json') },
    },
    ...sections.map((slug) => ({
      name: slug,
      paths: {
        rss: sectionFeedPath(slug, 'rss'),
        atom: sectionFeedPath(slug, 'atom'),
        json: sectionFeedPath(slug, 'json'),
      },
    })),
  ];
}

function readBuilt(path: string): Promise<string> {
  return readFile(join(siteDir, path), 'utf8');
}

const comparable = comparableContent;

describe('the feeds in RSS, Atom and JSON Feed', () => {
  it('are offered for the site and every section, RSS and Atom well-formed, JSON Feed valid', async () => {
    for (const { paths } of fullFeeds()) {
      expect(XMLValidator.validate(await readBuilt(paths.rss)), paths.rss).toBe(true);
      expect(XMLValidator.validate(await readBuilt(paths.atom)), paths.atom).toBe(true);
      expect(jsonFeedProblems(JSON.parse(await readBuilt(paths.json))), paths.json).toEqual([]);
    }
  });

  it('hold the same items in every format, read alike by two feed-reader libraries in each', async () => {
    for (const { name, paths } of fullFeeds()) {
      const [rss, atom, json] = await Promise.all([
        readBuilt(paths.rss),
        readBuilt(paths.atom),
        readBuilt(paths.json),
      ]);
      const reference = comparable(readWithRowanmanning(rss));
      expect(reference.length, name).toBeGreaterThan(0);
      expect(comparable(readWithFeedsmith(rss)), `${name}: RSS in feedsmith`).toEqual(reference);
      expect(comparable(readWithRowanmanning(atom)), `${name}: Atom`).toEqual(reference);
      expect(comparable(readWithFeedsmith(atom)), `${name}: Atom in feedsmith`).toEqual(reference);
      expect(comparable(readWithFeedsmith(json)), `${name}: JSON Feed`).toEqual(reference);
      const core = reference.map(({ id, url, title }) => ({ id, url, title }));
      for (const [format, document] of [
        ['rss', rss],
        ['atom', atom],
        ['json', json],
      ] as const) {
        expect(readWithExtractus(document, format), `${name}: ${format} in extractus`).toEqual(
          core,
        );
      }
    }
  });

  it('write each date in the offset the story gives, in every format', async () => {
    const tass = published.find((article) => article.slug === 'naryshkin-svr-contacts')!;
    expect(tass.published.iso).toBe('2019-05-22T08:36:00+03:00');
    const path = sectionFeedPath(tass.section.slug, 'atom');
    expect(await readBuilt(path)).toContain('<published>2019-05-22T08:36:00+03:00</published>');
    const json = JSON.parse(await readBuilt(sectionFeedPath(tass.section.slug, 'json')));
    expect(json.items.find((item: { id: string }) => item.id === articleUrl(tass))).toMatchObject({
      date_published: '2019-05-22T08:36:00+03:00',
    });
  });

  it('are dated by their newest change: RSS lastBuildDate and Atom updated alike', async () => {
    for (const { name, paths } of fullFeeds()) {
      const included = published.filter(
        (article) => name === 'site' || article.section.slug === name,
      );
      const newest = Math.max(
        ...included
          .slice(0, siteSettings.feedSize)
          .map((article) => (article.updated ?? article.published).epochMs),
      );
      const rss = await readBuilt(paths.rss);
      const atom = await readBuilt(paths.atom);
      const lastBuildDate = /<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(rss)?.[1];
      const updated = /^<updated>([^<]+)<\/updated>$/m.exec(atom)?.[1];
      expect(Date.parse(lastBuildDate ?? ''), name).toBe(Math.floor(newest / 1000) * 1000);
      expect(Date.parse(updated ?? ''), name).toBe(Math.floor(newest / 1000) * 1000);
    }
  });

  it('carry the site’s icon and logo, which the build wrote, and a ttl', async () => {
    const icon = `${FIXTURE_SITE.url}${SITE_ICON.path}`;
    const logo = `${FIXTURE_SITE.url}${SITE_LOGO.path}`;
    expect(existsSync(join(siteDir, SITE_ICON.path)), SITE_ICON.path).toBe(true);
    expect(existsSync(join(siteDir, SITE_LOGO.path)), SITE_LOGO.path).toBe(true);
    for (const { paths } of fullFeeds()) {
      const rss = await readBuilt(paths.rss);
      expect(rss, paths.rss).toMatch(
        new RegExp(
          `<image><url>${icon}</url><title>[^<]+</title><link>[^<]+</link><width>144</width><height>144</height></image>`,
        ),
      );
      expect(rss, paths.rss).toContain('<ttl>15</ttl>');
      const atom = await readBuilt(paths.atom);
      expect(atom, paths.atom).toContain(`<icon>${icon}</icon>`);
      expect(atom, paths.atom).toContain(`<logo>${logo}</logo>`);
      expect(JSON.parse(await readBuilt(paths.json)), paths.json).toMatchObject({
        icon,
        favicon: icon,
      });
    }
    const topic = await readBuilt(taxonomyFeedPath('topic', 'sergei-naryshkin'));
    expect(topic).toContain('<ttl>60</ttl>');
    expect(topic).toContain(`<image><url>${icon}</url>`);
    expect(await readBuilt('corrections/rss.xml')).toContain('<ttl>60</ttl>');
  });
});

describe('the agency story in feeds', () => {
  const slug = 'naryshkin-svr-contacts';
  const tassUrl = `${FIXTURE_SITE.url}/source/tass/`;

  async function tassItems() {
    const article = published.find((candidate) => candidate.slug === slug)!;
    const paths = {
      rss: sectionFeedPath(article.section.slug, 'rss'),
      atom: sectionFeedPath(article.section.slug, 'atom'),
      json: sectionFeedPath(article.section.slug, 'json'),
    };
    const [rss, atom, json] = await Promise.all([
      readBuilt(paths.rss),
      readBuilt(paths.atom),
      readBuilt(paths.json),
    ]);
    const url = articleUrl(article);
    return {
      article,
      rssItems: [...rss.matchAll(/<item>\n[\s\S]*?<\/item>/g)].map(([item]) => item),
      atomEntries: [...atom.matchAll(/<entry>\n[\s\S]*?<\/entry>/g)].map(([entry]) => entry),
      jsonItem: JSON.parse(json).items.find((item: { id: string }) => item.id === url),
      facts: readWithFeedsmith(rss).find((item) => item.id === url)!,
      atomFacts: readWithFeedsmith(atom).find((item) => item.id === url)!,
      url,
    };
  }

  it('opens its full text with the dateline, the agency linked, as the page does, in every format', async () => {
    const { facts, atomFacts, jsonItem } = await tassItems();
    const opening =
      `<p><span class="dateline">DUSHANBE, May 22. /<a href="${tassUrl}">TASS</a>/.</span> ` +
      'Director of the Foreign Intelligence Service (SVR)';
    expect(facts.content?.startsWith(opening), facts.content).toBe(true);
    expect(atomFacts.content?.startsWith(opening), atomFacts.content).toBe(true);
    expect(jsonItem.content_html.startsWith(opening), jsonItem.content_html).toBe(true);
    // The page shows the same opening.
    const page = await readBuilt(
      join(articleToPath((await tassItems()).article, siteSettings.timeZone), 'index.html'),
    );
    expect(page).toContain(
      '<span class="dateline">DUSHANBE, May 22. /<a href="/source/tass/">TASS</a>/.</span> Director of',
    );
  });

  it('is credited to TASS, with its page, where it names no author', async () => {
    const { facts, atomEntries, jsonItem, url } = await tassItems();
    expect(facts.authors).toEqual(['TASS']);
    expect(facts.content).toContain(`<p class="credit"><a href="${tassUrl}">TASS</a></p>`);
    const entry = atomEntries.find((candidate) => candidate.includes(`<id>${url}</id>`));
    expect(entry).toContain(`<author><name>TASS</name><uri>${tassUrl}</uri></author>`);
    expect(jsonItem.authors).toEqual([{ name: 'TASS', url: tassUrl }]);
  });

  it('reads the same in each format (snapshots)', async () => {
    const { rssItems, atomEntries, jsonItem, url } = await tassItems();
    const rss = rssItems.find((item) => item.includes(`<guid isPermaLink="true">${url}</guid>`));
    const atom = atomEntries.find((entry) => entry.includes(`<id>${url}</id>`));
    await expect(`${rss}\n`).toMatchFileSnapshot('__snapshots__/tass-item.rss.xml');
    await expect(`${atom}\n`).toMatchFileSnapshot('__snapshots__/tass-item.atom.xml');
    await expect(`${JSON.stringify(jsonItem, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/tass-item.json',
    );
  });

  it('is credited to TASS in the light feeds of its topics and its source too', async () => {
    for (const path of [taxonomyFeedPath('topic', 'svr'), taxonomyFeedPath('source', 'tass')]) {
      const item = readWithFeedsmith(await readBuilt(path)).find(
        (candidate) => candidate.id === articleUrl(published.find((a) => a.slug === slug)!),
      );
      expect(item?.authors, path).toEqual(['TASS']);
      expect(item?.content, path).toBeUndefined();
    }
  });
});

describe('feed autodiscovery in every format', () => {
  /** A page's `<link rel="alternate">` tags: type, title and absolute href. */
  async function alternates(page: string) {
    const html = parse(await readBuilt(join(page, 'index.html')));
    return html.querySelectorAll('link[rel="alternate"]').map((link) => ({
      type: link.getAttribute('type'),
      title: link.getAttribute('title'),
      href: link.getAttribute('href'),
    }));
  }

  const TYPES = {
    rss: 'application/rss+xml',
    atom: 'application/atom+xml',
    json: 'application/feed+json',
  } as const;

  it('offers the site feed in all three formats on the front page', async () => {
    expect(await alternates('/')).toEqual(
      (['rss', 'atom', 'json'] as const).map((format) => ({
        type: TYPES[format],
        title: siteSettings.title,
        href: `${FIXTURE_SITE.url}${siteFeedPath(format)}`,
      })),
    );
  });

  it('offers the section feed in all three formats on its fronts and its stories, after the site feed', async () => {
    for (const article of published) {
      const { slug } = article.section;
      const feedTitle = (await readFeed(sectionFeedPath(slug))).title;
      for (const page of [sectionToPath(slug), articleToPath(article, siteSettings.timeZone)]) {
        expect(await alternates(page), page).toEqual([
          { type: TYPES.rss, title: siteSettings.title, href: `${FIXTURE_SITE.url}${FEED_PATH}` },
          ...(['rss', 'atom', 'json'] as const).map((format) => ({
            type: TYPES[format],
            title: feedTitle,
            href: `${FIXTURE_SITE.url}${sectionFeedPath(slug, format)}`,
          })),
        ]);
      }
    }
  });

  it('keeps the RSS feed alone on the pages of topics', async () => {
    const links = await alternates('/topic/svr/');
    expect(links.map((link) => link.href)).toEqual([
      `${FIXTURE_SITE.url}${FEED_PATH}`,
      `${FIXTURE_SITE.url}${taxonomyFeedPath('topic', 'svr')}`,
    ]);
    expect(links.every((link) => link.type === TYPES.rss)).toBe(true);
  });
});

describe('the page of every feed', () => {
  async function feedsPage() {
    return parse(await readBuilt(join(FEEDS_PATH, 'index.html')));
  }

  it('has a canonical link, one h1, no script, and is in the sitemap', async () => {
    const page = await feedsPage();
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${FIXTURE_SITE.url}${FEEDS_PATH}`,
    );
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    const sitemap = await readBuilt('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${FIXTURE_SITE.url}${FEEDS_PATH}</loc>`);
  });

  it('links every feed of the site and of each section in every format, the corrections feed, each source’s feed and the indexes of topics and authors, all built', async () => {
    const page = await feedsPage();
    const hrefs = new Set(page.querySelectorAll('a').map((link) => link.getAttribute('href')));
    const sources = [
      ...new Set(published.flatMap((article) => (article.source ? [article.source] : []))),
    ];
    const expected = [
      ...fullFeeds().flatMap(({ paths }) => Object.values(paths)),
      '/corrections/rss.xml',
      ...sources.map((source) => taxonomyFeedPath('source', textToSlug(source))),
      taxonomyIndexPath('topic'),
      taxonomyIndexPath('author'),
    ];
    expect(sources.length).toBeGreaterThan(0);
    for (const path of expected) {
      expect(hrefs.has(path), path).toBe(true);
      if (!path.endsWith('/')) expect(existsSync(join(siteDir, path)), path).toBe(true);
    }
    // Each format's link names its feed for screen readers.
    const rssLinks = page.querySelectorAll('a').filter((link) => link.text.startsWith('RSS'));
    expect(new Set(rssLinks.map((link) => link.text)).size).toBe(rssLinks.length);
    expect(page.text).toContain('How to follow a feed');
  });

  it('is linked from every page’s footer', async () => {
    for (const page of ['/', '/topic/', articleToPath(published[0]!, siteSettings.timeZone)]) {
      const html = parse(await readBuilt(join(page, 'index.html')));
      expect(html.querySelector(`footer a[href="${FEEDS_PATH}"]`), page).not.toBeNull();
    }
  });
});
