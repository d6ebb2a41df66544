import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import RssParser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../src/lib/absolute-html.ts';
import { textToHtml } from '../../src/lib/xml.ts';
import { buildRss, instantToRfc822 } from '../../src/lib/feeds/rss.ts';
import { feedChannel as channelFor, feedItem as item, instant } from '../helpers/feed-fixtures.ts';

const channel = channelFor('rss');

/** The feed as a tree, entities decoded, every repeatable element an array. */
function parseRss(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['item', 'category', 'dc:creator', 'media:content'].includes(name),
    // The channel's own `<title>`, `<link>` and `<url>` inside `<image>` stay text.
  });
  return parser.parse(xml).rss;
}

describe('buildRss', () => {
  it('writes an RSS 2.0 channel with its link, language, and a self link', () => {
    const rss = parseRss(buildRss([item()], channel));
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel).toMatchObject({
      title: 'Newsroom Wire',
      link: 'https://news.example.test/',
      description: 'News from the wire.',
      language: 'en',
      lastBuildDate: 'Sun, 31 May 2026 10:00:00 +0300',
      ttl: '15',
      image: {
        url: 'https://news.example.test/icon.png',
        title: 'Newsroom Wire',
        link: 'https://news.example.test/',
        // The 512 px icon, scaled to RSS 2.0's largest image.
        width: '144',
        height: '144',
      },
      'atom:link': {
        '@href': 'https://news.example.test/rss.xml',
        '@rel': 'self',
        '@type': 'application/rss+xml',
      },
    });
  });

  it('writes each item with a permalink guid, RFC 822 date, categories, creators and the full text', () => {
    const rss = parseRss(
      buildRss(
        [
          item({
            categories: ['World', 'elections', 'World'],
            authors: [
              { name: 'Anna Petrova', url: 'https://news.example.test/author/anna-petrova/' },
              { name: 'Ivan Sidorov' },
            ],
          }),
        ],
        channel,
      ),
    );
    const [entry] = rss.channel.item;
    expect(entry).toEqual({
      title: 'A story',
      link: 'https://news.example.test/2026/05/31/a-story/',
      guid: { '#text': 'https://news.example.test/2026/05/31/a-story/', '@isPermaLink': 'true' },
      pubDate: 'Sun, 31 May 2026 10:00:00 +0300',
      description: 'The standfirst.',
      category: ['World', 'elections'],
      'dc:creator': ['Anna Petrova', 'Ivan Sidorov'],
      'content:encoded': '<p>The body.</p>',
    });
  });

  it('escapes &, < and ]]> in titles, descriptions, categories and bodies so they read back unchanged', () => {
    const tricky = 'Rates & yields < 5% as traders test the ]]> marker "quoted" \'too\'';
    const body =
      '<p>Closing ]]> and &amp; and <a href="https://x.test/?a=1&amp;b=2">a link</a></p>';
    const xml = buildRss(
      [
        item({
          title: tricky,
          description: tricky,
          categories: ['Business & Economy'],
          authors: [{ name: 'A & B' }],
          contentHtml: body,
        }),
      ],
      { ...channel, title: 'News & <views>' },
    );
    expect(xml).not.toMatch(/]]>/);
    const rss = parseRss(xml);
    const [entry] = rss.channel.item;
    expect(rss.channel.title).toBe('News & <views>');
    expect(entry.title).toBe(tricky);
    // The description is HTML to feed readers: the text, escaped as HTML, then as XML.
    expect(entry.description).toBe(textToHtml(tricky));
    expect(entry.category).toEqual(['Business & Economy']);
    expect(entry['dc:creator']).toEqual(['A & B']);
    expect(entry['content:encoded']).toBe(body);
  });

  it('removes characters XML 1.0 forbids and keeps tabs, newlines and characters beyond the BMP', () => {
    const xml = buildRss(
      [
        item({
          title: 'Bad\u0001 \u0008char\uFFFEs\uFFFF \uD800lone',
          contentHtml: '<p>Tab\there\nnewline \u001F gone 📰 kept \uDC00</p>',
        }),
      ],
      channel,
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const [entry] = parseRss(xml).channel.item;
    expect(entry.title).toBe('Bad chars lone');
    expect(entry['content:encoded']).toBe('<p>Tab\there\nnewline  gone 📰 kept </p>');
  });

  it('keeps the newest `limit` items, newest first, whatever order they come in', () => {
    const start = Date.UTC(2026, 0, 1);
    const items = Array.from({ length: 60 }, (_, index) =>
      item({
        title: `Story ${index}`,
        link: `https://news.example.test/story-${index}/`,
        published: { epochMs: start + index * 3_600_000, offsetMinutes: 0 },
      }),
    );
    const shuffled = [...items.filter((_, i) => i % 2), ...items.filter((_, i) => !(i % 2))];
    const titles = parseRss(buildRss(shuffled, channel)).channel.item.map(
      (entry: { title: string }) => entry.title,
    );
    expect(titles).toHaveLength(50);
    expect(titles).toEqual(Array.from({ length: 50 }, (_, i) => `Story ${59 - i}`));
  });

  it('dates the channel by the latest publication or correction among its items', () => {
    const rss = parseRss(
      buildRss(
        [
          item({
            published: instant('2026-05-20T08:00:00+03:00'),
            updated: instant('2026-05-25T12:00:00+03:00'),
          }),
          item({ published: instant('2026-05-22T08:00:00Z') }),
        ],
        channel,
      ),
    );
    expect(rss.channel.lastBuildDate).toBe('Mon, 25 May 2026 12:00:00 +0300');
  });

  it('writes a valid channel without items or lastBuildDate when there are no stories', () => {
    const rss = parseRss(buildRss([], channel));
    expect(rss.channel.item).toBeUndefined();
    expect(rss.channel.lastBuildDate).toBeUndefined();
    expect(rss.channel.title).toBe('Newsroom Wire');
  });

  it('gives the lead image as media:content, and the full text as it is given', () => {
    const rss = parseRss(
      buildRss(
        [
          item({
            image: {
              url: 'https://news.example.test/_astro/lead.abc.webp',
              alt: 'Ballot boxes & "urns"',
              caption: 'Counting <late>.',
              credit: 'Photo: Wire',
              type: 'image/webp',
            },
          }),
        ],
        channel,
      ),
    );
    const [entry] = rss.channel.item;
    // The figure atop the full text is the full text's (see full-text.ts), not the writer's.
    expect(entry['content:encoded']).toBe('<p>The body.</p>');
    expect(entry['media:content']).toEqual([
      {
        '@url': 'https://news.example.test/_astro/lead.abc.webp',
        '@medium': 'image',
        '@type': 'image/webp',
        'media:description': 'Ballot boxes & "urns"',
      },
    ]);
  });

  it('credits each author with dc:creator, and leaves it out for an item credited to nobody', () => {
    const [credited, anonymous] = parseRss(
      buildRss(
        [
          item({ authors: [{ name: 'TASS', url: 'https://news.example.test/source/tass/' }] }),
          item({
            link: 'https://news.example.test/other/',
            published: instant('2026-05-30T10:00:00+03:00'),
            authors: [],
          }),
        ],
        channel,
      ),
    ).channel.item;
    expect(credited['dc:creator']).toEqual(['TASS']);
    expect(anonymous['dc:creator']).toBeUndefined();
  });

  it('keeps the icon within RSS 2.0’s 144 × 400 pixels, in proportion', () => {
    const wide = parseRss(
      buildRss([item()], {
        ...channel,
        icon: { url: 'https://news.example.test/wide.png', width: 600, height: 60 },
      }),
    );
    expect(wide.channel.image).toMatchObject({ width: '144', height: '14' });
    const small = parseRss(
      buildRss([item()], {
        ...channel,
        icon: { url: 'https://news.example.test/small.png', width: 32, height: 32 },
      }),
    );
    expect(small.channel.image).toMatchObject({ width: '32', height: '32' });
  });

  it('carries a body whose relative links and images were made absolute against the article URL', () => {
    const link = 'https://news.example.test/2026/05/31/a-story/';
    const body = absolutizeHtml(
      '<p><a href="/2024/01/10/first-story/">first</a> <a href="../other/">other</a> <img src="./chart.svg" alt="chart"></p>',
      link,
    );
    const [entry] = parseRss(buildRss([item({ link, contentHtml: body })], channel)).channel.item;
    const hrefs = [...String(entry['content:encoded']).matchAll(/(?:href|src)="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(hrefs).toEqual([
      'https://news.example.test/2024/01/10/first-story/',
      'https://news.example.test/2026/05/31/other/',
      'https://news.example.test/2026/05/31/a-story/chart.svg',
    ]);
  });
});

describe('a standfirst that talks about markup, in two feed readers', () => {
  const summaries = [
    'Attack uses <img src=x onerror=alert(1)> in comments',
    'The <script> tag & the &lt; entity, written out: &amp;, &#60; and </description>',
    'Nothing odd here',
  ];

  /** Each item's title and standfirst as a reader shows them. */
  async function read(xml: string) {
    const rowanmanning = parseFeed(xml).items.map((entry) => ({
      title: entry.title,
      description: entry.description,
    }));
    // rss-parser gives the description as the HTML it is; its snippet is the text a reader shows.
    const rssParser = (await new RssParser().parseString(xml)).items.map((entry) => ({
      title: entry.title,
      description: entry.contentSnippet,
    }));
    return { rowanmanning, rssParser };
  }

  it('reads back as the literal text, not as markup, in both', async () => {
    // Titles are plain text, escaped once (the RSS Best Practices Profile);
    // readers differ only on text that looks like an entity (@rowanmanning/feed-parser
    // decodes `&lt;` in a title), so the titles here have none.
    const stories = summaries.map((summary) => ({
      title: summary.replace(/&\S*;/g, ''),
      description: summary,
    }));
    const xml = buildRss(
      stories.map((story, index) =>
        item({
          ...story,
          link: `https://news.example.test/${index}/`,
          published: instant(`2026-05-1${index}T10:00:00Z`),
        }),
      ),
      channel,
    );
    const expected = [...stories].reverse();
    const { rowanmanning, rssParser } = await read(xml);
    expect(rowanmanning).toEqual(expected);
    expect(rssParser).toEqual(expected);
  });
});

describe('instantToRfc822', () => {
  it('writes the moment in the offset it was written in, with a four-digit year', () => {
    expect(instantToRfc822(instant('2019-05-22T08:36:00+03:00'))).toBe(
      'Wed, 22 May 2019 08:36:00 +0300',
    );
    expect(instantToRfc822(instant('2024-01-11T12:30:00Z'))).toBe(
      'Thu, 11 Jan 2024 12:30:00 +0000',
    );
    expect(instantToRfc822(instant('2024-12-31T23:15:45.9-05:30'))).toBe(
      'Tue, 31 Dec 2024 23:15:45 -0530',
    );
  });

  it('names each month as RFC 822 does', () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      instantToRfc822(instant(`2024-${String(index + 1).padStart(2, '0')}-15T12:00:00Z`)).slice(
        8,
        11,
      ),
    );
    expect(months).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
  });
});
