/**
 * Whom a feed item is credited to, as the structured data credits a story:
 * its authors, else the agency or outlet it came from (`source`), else the
 * publisher, each with the page of their stories (the publisher with the
 * front page). A story from TASS with no author named is TASS's in a feed
 * reader, not nobody's; and a story with neither is the newsroom's, which
 * is also what Atom and JSON Feed readers take an entry without an author
 * to be (it inherits the feed's), so every format credits it alike.
 */
import type { ArticleMeta } from '../articles/schema.ts';
import { nameToPath } from '../story-links.ts';
import { pathToUrl, type Taxonomy } from '../urls.ts';
import type { FeedPerson } from './model.ts';

/**
 * The item's authors: the story's authors, else its source, else the publisher.
 *
 * @example articleToFeedAuthors({ authors: [], source: 'TASS' }, 'https://news.example/', publisher) // [{ name: 'TASS', url: 'https://news.example/source/tass/' }]
 */
export function articleToFeedAuthors(
  article: Pick<ArticleMeta, 'authors' | 'source'>,
  site: URL | string,
  publisher: FeedPerson,
): FeedPerson[] {
  if (article.authors.length) return article.authors.map((name) => person('author', name, site));
  return [article.source ? person('source', article.source, site) : publisher];
}

function person(taxonomy: Taxonomy, name: string, site: URL | string): FeedPerson {
  const path = nameToPath(taxonomy, name);
  return path ? { name, url: pathToUrl(path, site) } : { name };
}
