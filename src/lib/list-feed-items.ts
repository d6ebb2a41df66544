/**
 * Feed items for the light feeds of list pages, made from the record alone:
 * a story as its headline, standfirst, section, topics and authors (no
 * body, no image), for the feeds of topics, authors and sources, which must
 * stay cheap by the thousand; and a correction or update as an item of its
 * own that links to its story, for the corrections feed. Pure.
 */
import type { ArticleMeta } from './articles/schema.ts';
import { articleToFeedAuthors } from './feeds/authors.ts';
import type { FeedItem, FeedPerson } from './feeds/model.ts';
import type { NoteEntry } from './site-index.ts';
import { noteToLabel } from './story-notes.ts';
import { articleToPath, pathToUrl } from './urls.ts';

/** The newest stories a feed of a topic, author or source holds. */
export const LIST_FEED_SIZE = 20;

/** The fields a story's light item reads. */
export type SummaryItemArticle = Pick<
  ArticleMeta,
  'slug' | 'title' | 'published' | 'updated' | 'summary' | 'section' | 'tags' | 'authors' | 'source'
>;

/**
 * A story as a feed item with its standfirst and no body (so no
 * `content:encoded`), credited as a full item is (`articleToFeedAuthors`).
 */
export function articleToSummaryItem(
  article: SummaryItemArticle,
  site: URL | string,
  timeZone: string,
  publisher: FeedPerson,
): FeedItem {
  return {
    title: article.title,
    link: pathToUrl(articleToPath(article, timeZone), site),
    published: article.published,
    updated: article.updated,
    description: article.summary,
    categories: [article.section.name, ...article.tags],
    authors: articleToFeedAuthors(article, site, publisher),
  };
}

/**
 * A correction or update as a feed item: titled with its type and its
 * story's headline, its text as the description, dated when it was made,
 * linking to its story. The link ends in the note's own fragment
 * (`noteToFragment`), so that every item has its own `guid`.
 */
export function noteToFeedItem(
  {
    note,
    article,
    number,
  }: NoteEntry<Pick<ArticleMeta, 'slug' | 'title' | 'published' | 'section'>>,
  site: URL | string,
  timeZone: string,
): FeedItem {
  return {
    title: `${noteToLabel(note.type)}: ${article.title}`,
    link: pathToUrl(`${articleToPath(article, timeZone)}#${noteToFragment(number)}`, site),
    published: note.at,
    description: note.text,
    categories: [article.section.name],
    authors: [],
  };
}

/**
 * The fragment that names a story's note by its number, oldest first from 1.
 *
 * @example noteToFragment(2) // 'note-2'
 */
export function noteToFragment(number: number): string {
  return `note-${number}`;
}
