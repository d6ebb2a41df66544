import { describe, expect, it } from 'vitest';
import { buildJsonFeed } from '../../src/lib/feeds/json-feed.ts';
import { feedChannel, feedItem, instant, TEST_SITE } from '../helpers/feed-fixtures.ts';
import { jsonFeedProblems } from '../helpers/json-feed-spec.ts';

const channel = feedChannel('json');

function read(json: string) {
  const feed = JSON.parse(json);
  expect(jsonFeedProblems(feed)).toEqual([]);
  return feed;
}

describe('buildJsonFeed', () => {
  it('writes a JSON Feed 1.1 document with its addresses, icon, language and publisher', () => {
    const { items, ...feed } = read(buildJsonFeed([feedItem()], channel));
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Newsroom Wire',
      home_page_url: TEST_SITE,
      feed_url: `${TEST_SITE}feed.json`,
      description: 'News from the wire.',
      icon: `${TEST_SITE}icon.png`,
      favicon: `${TEST_SITE}icon.png`,
      language: 'en',
      authors: [{ name: 'Newsroom Wire', url: TEST_SITE }],
    });
    expect(items).toHaveLength(1);
  });

  it('writes each item with its permalink, full text, standfirst, image, dates, authors and tags', () => {
    const [item] = read(
      buildJsonFeed(
        [
          feedItem({
            updated: instant('2026-06-01T09:00:00Z'),
            categories: ['World', 'elections', 'World'],
            authors: [{ name: 'TASS', url: `${TEST_SITE}source/tass/` }],
            image: { url: `${TEST_SITE}a.webp`, alt: 'A view' },
          }),
        ],
        channel,
      ),
    ).items;
    expect(item).toEqual({
      id: `${TEST_SITE}2026/05/31/a-story/`,
      url: `${TEST_SITE}2026/05/31/a-story/`,
      title: 'A story',
      content_html: '<p>The body.</p>',
      summary: 'The standfirst.',
      image: `${TEST_SITE}a.webp`,
      date_published: '2026-05-31T10:00:00+03:00',
      date_modified: '2026-06-01T09:00:00+00:00',
      authors: [{ name: 'TASS', url: `${TEST_SITE}source/tass/` }],
      tags: ['World', 'elections'],
    });
  });

  it('gives a standfirst-only item its standfirst as content_text, and no date_modified when it never changed', () => {
    const [item] = read(buildJsonFeed([feedItem({ contentHtml: undefined })], channel)).items;
    expect(item.content_text).toBe('The standfirst.');
    expect(item).not.toHaveProperty('content_html');
    expect(item).not.toHaveProperty('date_modified');
  });

  it('strips the characters XML forbids, as the XML formats do', () => {
    const [item] = read(
      buildJsonFeed([feedItem({ title: 'Bad\u0001 char\uFFFE' })], channel),
    ).items;
    expect(item.title).toBe('Bad char');
  });

  it('writes a valid feed with no items', () => {
    expect(read(buildJsonFeed([], channel)).items).toEqual([]);
  });
});

describe('jsonFeedProblems', () => {
  it('names each missing, mistyped or unknown field by its path', () => {
    expect(
      jsonFeedProblems({
        version: 'https://jsonfeed.org/version/1',
        items: [
          { url: 'relative/path', date_published: '2026-05-31 10:00', tags: 'World' },
          { id: 7, content_text: 'x', authors: [{}], colour: 'red', _ours: true },
        ],
      }),
    ).toEqual([
      'feed lacks the required "title"',
      'feed.version must be "https://jsonfeed.org/version/1.1"',
      'feed.items[0] lacks the required "id"',
      'feed.items[0].url must be an absolute URL: relative/path',
      'feed.items[0].date_published must be an RFC 3339 date-time: 2026-05-31 10:00',
      'feed.items[0].tags must be an array',
      'feed.items[0] must have content_html or content_text',
      'feed.items[1].id must be a string',
      'feed.items[1].authors[0] must have a name, url or avatar',
      'feed.items[1] has "colour", which JSON Feed 1.1 does not define',
    ]);
  });
});
