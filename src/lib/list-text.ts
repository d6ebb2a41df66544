/**
 * What the list pages of topics, authors and sources and the corrections
 * page call themselves, and what their feeds are named: written once, so a
 * page, its `<link rel="alternate">` and the feed itself agree.
 */
import type { FeedText } from './section-feed.ts';
import type { Taxonomy } from './urls.ts';

/** A taxonomy's name, for one and for the index of all. */
export const TAXONOMY_NAMES: Readonly<Record<Taxonomy, { one: string; all: string }>> = {
  topic: { one: 'Topic', all: 'Topics' },
  author: { one: 'Author', all: 'Authors' },
  source: { one: 'Source', all: 'Sources' },
};

/** How a name's stories are introduced. */
const STORIES_OF: Readonly<Record<Taxonomy, string>> = {
  topic: 'Stories about',
  author: 'Stories by',
  source: 'Stories from',
};

/**
 * The title of a name's list of stories.
 *
 * @example nameToListTitle('author', 'Anna Petrova') // 'Stories by Anna Petrova'
 */
export function nameToListTitle(taxonomy: Taxonomy, name: string): string {
  return `${STORIES_OF[taxonomy]} ${name}`;
}

/**
 * The title and description of a name's feed: its newest stories with their
 * standfirsts.
 *
 * @example nameToFeedText('topic', 'Velmora', 'Newsroom Wire').title // 'Stories about Velmora | Newsroom Wire'
 */
export function nameToFeedText(taxonomy: Taxonomy, name: string, siteTitle: string): FeedText {
  const title = nameToListTitle(taxonomy, name);
  return {
    title: `${title} | ${siteTitle}`,
    description: `The latest ${title.charAt(0).toLowerCase()}${title.slice(1)} on ${siteTitle}, with their standfirsts.`,
  };
}

/** What the index of every topic, author or source says of itself. */
export function taxonomyToIndexDescription(taxonomy: Taxonomy, siteTitle: string): string {
  return `Every ${taxonomy} on ${siteTitle}, A to Z, with the number of its stories.`;
}

/** The corrections page's heading. */
export const CORRECTIONS_HEADING = 'Corrections and updates';

/** The corrections feed's title and description. */
export function correctionsFeedText(siteTitle: string): FeedText {
  return {
    title: `${CORRECTIONS_HEADING} | ${siteTitle}`,
    description: `Every correction and update to a story on ${siteTitle}, newest first.`,
  };
}
