/**
 * What a section's feed calls itself: its title and description, written
 * once for the feed and for the `<link rel="alternate">` tags that offer it,
 * so that a feed reader shows one name for it whichever way it was found.
 */
import type { Section } from './articles/schema.ts';

/** A feed's title and its one-sentence description. */
export interface FeedText {
  title: string;
  description: string;
}

/**
 * The title and description of a section's feed.
 *
 * @example sectionToFeedText({ name: 'World' }, 'Newsroom Wire').title // 'World | Newsroom Wire'
 */
export function sectionToFeedText(section: Pick<Section, 'name'>, siteTitle: string): FeedText {
  return {
    title: `${section.name} | ${siteTitle}`,
    description: `The latest ${section.name} stories from ${siteTitle}.`,
  };
}
