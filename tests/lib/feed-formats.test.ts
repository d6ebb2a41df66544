/**
 * One feed's three formats, written from one list of items: each read by
 * two feed-reader libraries (three for identity, link and headline), every
 * reading the same items in the same order with the same facts, and each
 * document well-formed (XML) or valid (JSON Feed 1.1).
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_FORMATS } from '../../src/lib/feeds/formats.ts';
import type { FeedItem } from '../../src/lib/feeds/model.ts';
import type { FeedFormat } from '../../src/lib/urls.ts';
import { feedChannel, feedItem, instant, TEST_SITE } from '../helpers/feed-fixtures.ts';
import {
  comparableContent,
  readWithExtractus,
  readWithFeedsmith,
  readWithRowanmanning,
  type ItemFacts,
} from '../helpers/feed-readers.ts';
import { jsonFeedProblems } from '../helpers/json-feed-spec.ts';

const tricky = 'Rates & yields < 5% as traders test the ]]> marker "quoted"';

/** Stories given out of order, with what tends to go wrong: markup-like text, offsets, no credit. */
const items: FeedItem[] = [
  feedItem({
    title: 'Security chief does not rule out restoring contacts',
    link: `${TEST_SITE}2019/05/22/naryshkin-svr-contacts/`,
    published: instant('2019-05-22T08:36:00+03:00'),
    description: 'It is very important, Sergei Naryshkin said',
    contentHtml:
      '<p><span class="dateline">DUSHANBE, May 22. /<a href="https://news.example.test/source/tass/">TASS</a>/.</span> Director of…</p>',
    categories: ['Russian Politics & Diplomacy', 'Sergei Naryshkin', 'SVR'],
    authors: [{ name: 'TASS', url: `${TEST_SITE}source/tass/` }],
  }),
  feedItem({
    title: tricky,
    link: `${TEST_SITE}2026/05/31/rates/`,
    published: instant('2026-05-31T23:30:00-05:30'),
    updated: instant('2026-06-01T09:00:00Z'),
    description: `${tricky} <img src=x onerror=alert(1)>`,
    contentHtml:
      '<p>Closing ]]> and &amp; and <a href="https://x.test/?a=1&amp;b=2">a link</a></p>',
    categories: ['Business & Economy', 'Analysis', 'Business & Economy', 'bonds'],
    authors: [{ name: 'Anna Petrova' }, { name: 'Ivan Sidorov' }],
    image: {
      url: `${TEST_SITE}_astro/chart.abc.webp`,
      alt: 'A chart',
      type: 'image/webp',
    },
  }),
  // A story with no author and no source is the publisher's, as the feed's own author is.
  feedItem({
    title: 'A staff story',
    link: `${TEST_SITE}2024/01/10/first-story/`,
    published: instant('2024-01-10T12:00:00Z'),
    categories: ['World'],
    authors: [{ name: 'Newsroom Wire', url: TEST_SITE }],
  }),
];

const comparable = comparableContent;

/** What every reader should see: newest first, categories once each. */
const expected: ItemFacts[] = comparable(
  [items[1]!, items[2]!, items[0]!].map((item) => ({
    id: item.link,
    url: item.link,
    title: item.title,
    published: Math.floor(item.published.epochMs / 1000) * 1000,
    description: item.description,
    content: item.contentHtml,
    categories: [...new Set(item.categories)],
    authors: item.authors.map((author) => author.name),
    image: item.image?.url,
  })),
);

function write(format: FeedFormat): string {
  return FEED_FORMATS[format].build(items, feedChannel(format));
}

describe('one feed in RSS, Atom and JSON Feed', () => {
  it('is well-formed XML in RSS and Atom, and valid JSON Feed 1.1', () => {
    expect(XMLValidator.validate(write('rss'))).toBe(true);
    expect(XMLValidator.validate(write('atom'))).toBe(true);
    expect(jsonFeedProblems(JSON.parse(write('json')))).toEqual([]);
  });

  it.each(['rss', 'atom'] as const)(
    'reads the same items in %s with @rowanmanning/feed-parser and feedsmith',
    (format) => {
      const document = write(format);
      expect(comparable(readWithRowanmanning(document))).toEqual(expected);
      expect(comparable(readWithFeedsmith(document))).toEqual(expected);
    },
  );

  it('reads the same items in JSON Feed with feedsmith', () => {
    expect(comparable(readWithFeedsmith(write('json')))).toEqual(expected);
    // The full text itself is the same string in every format, escaping and all.
    const contents = (['rss', 'atom', 'json'] as const).map((format) =>
      readWithFeedsmith(write(format)).map((item) => item.content),
    );
    expect(contents[1]).toEqual(contents[0]);
    expect(contents[2]).toEqual(contents[0]);
  });

  it.each(['rss', 'atom', 'json'] as const)(
    'gives @extractus/feed-extractor the same identities, links and headlines in %s',
    (format) => {
      expect(readWithExtractus(write(format), format)).toEqual(
        expected.map(({ id, url, title }) => ({ id, url, title })),
      );
    },
  );

  it('writes each item’s date in the offset it was written in, in every format', () => {
    expect(write('rss')).toContain('<pubDate>Sun, 31 May 2026 23:30:00 -0530</pubDate>');
    expect(write('atom')).toContain('<published>2026-05-31T23:30:00-05:30</published>');
    expect(write('json')).toContain('"date_published":"2026-05-31T23:30:00-05:30"');
    expect(write('atom')).toContain('<published>2019-05-22T08:36:00+03:00</published>');
  });

  it('names the site’s icon and logo in every format', () => {
    const icon = `${TEST_SITE}icon.png`;
    expect(write('rss')).toContain(`<image><url>${icon}</url>`);
    expect(write('atom')).toContain(`<icon>${icon}</icon>`);
    expect(write('atom')).toContain(`<logo>${TEST_SITE}logo.png</logo>`);
    expect(JSON.parse(write('json'))).toMatchObject({ icon, favicon: icon });
  });

  it('dates the feed by its content alone: the same bytes for the same items in any order, a new date when an item changes', () => {
    const formats = ['rss', 'atom', 'json'] as const;
    const again = formats.map((format) =>
      FEED_FORMATS[format].build([...items].reverse(), feedChannel(format)),
    );
    expect(again).toEqual(formats.map(write));
    const corrected = items.map((item, index) =>
      index === 0 ? { ...item, updated: instant('2026-06-02T10:00:00+03:00') } : item,
    );
    expect(FEED_FORMATS.rss.build(corrected, feedChannel('rss'))).toContain(
      '<lastBuildDate>Tue, 02 Jun 2026 10:00:00 +0300</lastBuildDate>',
    );
    expect(write('rss')).toContain(
      '<lastBuildDate>Mon, 01 Jun 2026 09:00:00 +0000</lastBuildDate>',
    );
    expect(FEED_FORMATS.atom.build(corrected, feedChannel('atom'))).toMatch(
      /^<updated>2026-06-02T10:00:00\+03:00<\/updated>$/m,
    );
    expect(write('atom')).toMatch(/^<updated>2026-06-01T09:00:00\+00:00<\/updated>$/m);
  });
});
