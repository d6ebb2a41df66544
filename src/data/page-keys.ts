/**
 * The pages' incremental-build keys. The pieces are computed once per build:
 * the site's frame (sections in the header, archive years in the footer), and
 * per article a key of what lists show of it and a key of the whole story,
 * body included. Each kind of page (story, section front, archive, a topic's,
 * an author's or a source's list, the corrections list) and each list feed
 * makes its key from them here, so that a key covers what its page shows.
 */
import type { Section } from '../lib/articles/schema.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { keyOf } from '../lib/cache-keys.ts';
import { LIST_FEED_SIZE } from '../lib/list-feed-items.ts';
import { pageCount, pageItems } from '../lib/pagination.ts';
import {
  archiveNeighbours,
  type NoteEntry,
  type SiteIndex,
  type StorySurroundings,
} from '../lib/site-index.ts';
import type { NameGroup } from '../lib/taxonomy.ts';
import type { Taxonomy } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { getSiteIndex } from './articles.ts';

/** Keys shared by every page of one build. */
export interface PageKeys {
  /** What every page's header and footer show. */
  chrome: string;
  /** What a list, teaser or link shows of an article (all but its body). */
  listing(article: StoredArticle): string;
  /** The whole article: its record and its body (the body file is named by its digest). */
  full(article: StoredArticle): string;
}

/** Made once per site index, for every page that asks. */
const perIndex = new WeakMap<SiteIndex<StoredArticle>, PageKeys>();

/** The keys of this build. */
export async function getPageKeys(): Promise<PageKeys> {
  const index = await getSiteIndex();
  let keys = perIndex.get(index);
  if (!keys) {
    keys = makePageKeys(index);
    perIndex.set(index, keys);
  }
  return keys;
}

function makePageKeys({ sections, years }: SiteIndex<StoredArticle>): PageKeys {
  const listings = new Map<StoredArticle, string>();
  const listing = (article: StoredArticle): string => {
    let key = listings.get(article);
    if (!key) {
      // Neither the body's file nor the places in the source are shown in
      // a list, and the places move whenever a line is added above them.
      const { bodyHtmlFile: _body, places: _places, ...shown } = article;
      key = keyOf(shown);
      listings.set(article, key);
    }
    return key;
  };
  return {
    chrome: keyOf([sections.map(({ section }) => section), years.map((year) => year.key)]),
    listing,
    full: (article) => keyOf([listing(article), article.bodyHtmlFile]),
  };
}

/** The key of a section front's page: its stories, the page count and the story count. */
export function sectionPageKey(
  keys: PageKeys,
  section: Section,
  articles: StoredArticle[],
  page: number,
): string {
  const pageSize = siteSettings.sectionPageSize;
  return keyOf([
    keys.chrome,
    section,
    page,
    articles.length,
    pageCount(articles.length, pageSize),
    pageItems(articles, page, pageSize).map(keys.listing),
  ]);
}

/**
 * The key of an archive page (a year, month or day): what it lists, and the
 * neighbouring groups it links to.
 */
export function archivePageKey<G extends { key: string; position: number }>(
  keys: PageKeys,
  groups: readonly G[],
  group: G,
  listed: unknown,
): string {
  const { previous, next } = archiveNeighbours(groups, group);
  return keyOf([keys.chrome, group.key, listed, previous?.key, next?.key]);
}

/**
 * The key of a story's page: everything it shows, which is the whole story,
 * what it shows of the stories offered around it, and the site's frame.
 */
export function storyPageKey(
  keys: PageKeys,
  article: StoredArticle,
  surroundings: StorySurroundings<StoredArticle>,
): string {
  const { related, previous, next, more } = surroundings;
  return keyOf([
    keys.chrome,
    keys.full(article),
    [...related, previous, next, ...more].map((other) => other && keys.listing(other)),
  ]);
}

/**
 * The key of the index of every topic, author or source: each name's URL
 * name, spelling and story count.
 */
export function nameIndexKey(
  keys: PageKeys,
  taxonomy: Taxonomy,
  groups: readonly NameGroup<StoredArticle>[],
): string {
  return keyOf([
    keys.chrome,
    taxonomy,
    groups.map(({ slug, name, articles }) => [slug, name, articles.length]),
  ]);
}

/**
 * The key of a page of a topic's, an author's or a source's stories: its
 * name as shown, the page's stories, the page count and the story count.
 * Only the pages of the names a story is filed under list it, so a story
 * published or edited changes only theirs.
 */
export function namePageKey(
  keys: PageKeys,
  taxonomy: Taxonomy,
  group: NameGroup<StoredArticle>,
  page: number,
): string {
  const pageSize = siteSettings.sectionPageSize;
  return keyOf([
    keys.chrome,
    taxonomy,
    group.slug,
    group.name,
    page,
    group.articles.length,
    pageCount(group.articles.length, pageSize),
    pageItems(group.articles, page, pageSize).map(keys.listing),
  ]);
}

/** The key of a name's feed: its name and what it shows of its newest stories. */
export function nameFeedKey(
  keys: PageKeys,
  taxonomy: Taxonomy,
  group: NameGroup<StoredArticle>,
): string {
  return keyOf([
    taxonomy,
    group.slug,
    group.name,
    group.articles.slice(0, LIST_FEED_SIZE).map(keys.listing),
  ]);
}

/** What a list of notes shows: each note, its number, and its story as lists show it. */
function notesKey(keys: PageKeys, notes: readonly NoteEntry<StoredArticle>[]): unknown {
  return notes.map(({ note, number, article }) => [note, number, keys.listing(article)]);
}

/**
 * The key of a page of the corrections list: its notes, the page count and
 * the counts of corrections and updates.
 */
export function correctionsPageKey(
  keys: PageKeys,
  notes: readonly NoteEntry<StoredArticle>[],
  page: number,
): string {
  const pageSize = siteSettings.sectionPageSize;
  const corrections = notes.filter(({ note }) => note.type === 'correction').length;
  return keyOf([
    keys.chrome,
    page,
    notes.length,
    corrections,
    pageCount(notes.length, pageSize),
    notesKey(keys, pageItems(notes, page, pageSize)),
  ]);
}

/** The key of the corrections feed: the notes it holds. */
export function correctionsFeedKey(
  keys: PageKeys,
  notes: readonly NoteEntry<StoredArticle>[],
): string {
  return keyOf(notesKey(keys, notes.slice(0, siteSettings.feedSize)));
}

/**
 * The key of a section's feed, in each of its formats: the section and the
 * whole of each story it holds (the full text is in the feed).
 */
export function sectionFeedKey(
  keys: PageKeys,
  section: Section,
  newest: readonly StoredArticle[],
): string {
  return keyOf([section, newest.map(keys.full)]);
}

/**
 * The key of the page that lists every feed: the site's frame, and the
 * sections and sources whose feeds it lists (topics and authors it reaches
 * through their indexes, so their changes do not touch it).
 */
export function feedsPageKey(
  keys: PageKeys,
  sources: readonly Pick<NameGroup<StoredArticle>, 'slug' | 'name'>[],
): string {
  return keyOf([keys.chrome, sources.map(({ slug, name }) => [slug, name])]);
}
