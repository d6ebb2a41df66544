/**
 * Feed items and channels for the unit tests of the feed writers: one
 * story, one channel per format (only the self address differs), and
 * instants from their ISO text.
 */
import type { FeedChannel, FeedItem } from '../../src/lib/feeds/model.ts';
import { isInstant, parseInstant, type Instant } from '../../src/lib/instant.ts';
import { FEED_FILE_NAMES, type FeedFormat } from '../../src/lib/urls.ts';

/** An instant from its ISO text; a bad one is a bug in the test. */
export function instant(iso: string): Instant {
  const parsed = parseInstant(iso);
  if (!isInstant(parsed)) throw new Error(`bad test instant ${iso}`);
  return parsed;
}

/** The test site's address. */
export const TEST_SITE = 'https://news.example.test/';

/** The site feed's channel as the given format writes it. */
export function feedChannel(format: FeedFormat, overrides: Partial<FeedChannel> = {}): FeedChannel {
  return {
    title: 'Newsroom Wire',
    link: TEST_SITE,
    description: 'News from the wire.',
    language: 'en',
    selfUrl: `${TEST_SITE}${FEED_FILE_NAMES[format]}`,
    limit: 50,
    ttlMinutes: 15,
    icon: { url: `${TEST_SITE}icon.png`, width: 512, height: 512 },
    logo: { url: `${TEST_SITE}logo.png`, width: 600, height: 60 },
    publisher: { name: 'Newsroom Wire', url: TEST_SITE },
    ...overrides,
  };
}

/** A story with a body and one category. */
export function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    title: 'A story',
    link: `${TEST_SITE}2026/05/31/a-story/`,
    published: instant('2026-05-31T10:00:00+03:00'),
    description: 'The standfirst.',
    contentHtml: '<p>The body.</p>',
    categories: ['World'],
    authors: [],
    ...overrides,
  };
}
