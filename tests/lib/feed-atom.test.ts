import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtom } from '../../src/lib/feeds/atom.ts';
import { feedChannel, feedItem, instant, TEST_SITE } from '../helpers/feed-fixtures.ts';

const channel = feedChannel('atom');

/** The feed as a tree, entities decoded, every repeatable element an array. */
function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['entry', 'category', 'author', 'link'].includes(name),
  });
  return parser.parse(xml).feed;
}

describe('buildAtom', () => {
  it('writes an Atom 1.0 feed with its id, links, date, publisher, icon and logo', () => {
    const feed = parseAtom(buildAtom([feedItem()], channel));
    expect(feed).toMatchObject({
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': 'en',
      id: `${TEST_SITE}atom.xml`,
      title: 'Newsroom Wire',
      subtitle: 'News from the wire.',
      link: [
        { '@rel': 'alternate', '@type': 'text/html', '@href': TEST_SITE },
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': `${TEST_SITE}atom.xml` },
      ],
      updated: '2026-05-31T10:00:00+03:00',
      author: [{ name: 'Newsroom Wire', uri: TEST_SITE }],
      icon: `${TEST_SITE}icon.png`,
      logo: `${TEST_SITE}logo.png`,
    });
  });

  it('writes each entry with its permalink as id, both dates, authors with pages, categories, the standfirst as text and the full text as HTML', () => {
    const [entry] = parseAtom(
      buildAtom(
        [
          feedItem({
            updated: instant('2026-06-01T09:00:00Z'),
            categories: ['World', 'elections', 'World'],
            authors: [
              { name: 'Anna Petrova', url: `${TEST_SITE}author/anna-petrova/` },
              { name: 'A & B' },
            ],
            description: 'Uses <img src=x> & more',
            contentHtml: '<p>Closing ]]> and &amp;</p>',
          }),
        ],
        channel,
      ),
    ).entry;
    expect(entry).toEqual({
      id: `${TEST_SITE}2026/05/31/a-story/`,
      title: 'A story',
      link: [
        { '@rel': 'alternate', '@type': 'text/html', '@href': `${TEST_SITE}2026/05/31/a-story/` },
      ],
      published: '2026-05-31T10:00:00+03:00',
      updated: '2026-06-01T09:00:00+00:00',
      author: [
        { name: 'Anna Petrova', uri: `${TEST_SITE}author/anna-petrova/` },
        { name: 'A & B' },
      ],
      category: [{ '@term': 'World' }, { '@term': 'elections' }],
      // Text, not HTML: the standfirst's markup-like words are words.
      summary: { '#text': 'Uses <img src=x> & more', '@type': 'text' },
      content: { '#text': '<p>Closing ]]> and &amp;</p>', '@type': 'html' },
    });
  });

  it('dates an entry that never changed by its publication, and leaves out content for a standfirst feed', () => {
    const [entry] = parseAtom(buildAtom([feedItem({ contentHtml: undefined })], channel)).entry;
    expect(entry.updated).toBe('2026-05-31T10:00:00+03:00');
    expect(entry.content).toBeUndefined();
  });

  it('keeps the newest `limit` entries, newest first', () => {
    const items = [1, 3, 2].map((day) =>
      feedItem({
        title: `Day ${day}`,
        link: `${TEST_SITE}${day}/`,
        published: instant(`2026-05-0${day}T10:00:00Z`),
      }),
    );
    const entries = parseAtom(buildAtom(items, { ...channel, limit: 2 })).entry;
    expect(entries.map((entry: { title: string }) => entry.title)).toEqual(['Day 3', 'Day 2']);
  });

  it('writes a valid feed with a fixed date when there are no stories', () => {
    const feed = parseAtom(buildAtom([], channel));
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('1970-01-01T00:00:00+00:00');
  });

  it('gives the lead image as media:content', () => {
    const xml = buildAtom(
      [feedItem({ image: { url: `${TEST_SITE}a.webp`, alt: 'A "view"', type: 'image/webp' } })],
      channel,
    );
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(xml).toContain(
      `<media:content url="${TEST_SITE}a.webp" medium="image" type="image/webp"><media:description>A &quot;view&quot;</media:description></media:content>`,
    );
  });
});
