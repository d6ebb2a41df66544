/**
 * What search indexes of a story: a small HTML document with what the story
 * page's `<article>` shows (section, kind, headline, standfirst when the
 * story gives one, credit, image caption, dateline, body, corrections and
 * updates) and the marks Pagefind reads for results
 * (title and date), filters (section and year) and sorting (date).
 *
 * The index is built from these documents rather than from the built pages,
 * so that it can be built while the pages are still being written.
 */
import type { ArticleMeta } from './articles/schema.ts';
import { creditLine } from './byline.ts';
import { formatDateline, formatDateTime, instantToDay } from './dates.ts';
import { kindToLabel } from './story-kind.ts';
import { notesToHtml } from './story-notes.ts';
import { SEARCH_FILTER, SEARCH_META, SEARCH_SORT } from './pagefind-names.ts';
import { articleToPath } from './urls.ts';
import { escapeXml } from './xml.ts';

/** The fields of an article that its search document shows. */
export const SEARCHABLE_FIELDS = [
  'slug',
  'published',
  'title',
  'summary',
  'summaryGiven',
  'kind',
  'notes',
  'section',
  'authors',
  'source',
  'dateline',
  'image',
] as const satisfies readonly (keyof ArticleMeta)[];

/** An article as its search document needs it. */
export type SearchableArticle = Pick<ArticleMeta, (typeof SEARCHABLE_FIELDS)[number]>;

/** One story as the search index receives it. */
export interface SearchDocument {
  /** The story's address on the site, `/2019/05/22/<slug>/`. */
  url: string;
  /** The year, in the site's zone, whose bundle holds the story. */
  year: string;
  /** The document, as HTML. */
  html: string;
}

/**
 * Builds the search document of an article.
 *
 * @param bodyHtml the article's sanitised body HTML
 * @param settings the site's zone (addresses, dates and years are its) and language
 */
export function searchDocument(
  article: SearchableArticle,
  bodyHtml: string,
  settings: { timeZone: string; language: string },
): SearchDocument {
  const { timeZone, language } = settings;
  const year = String(instantToDay(article.published, timeZone).year);
  const credit = creditLine(article);
  const caption = [article.image?.caption, article.image?.credit].filter(Boolean).join(' ');
  const dateline =
    article.dateline && formatDateline(article.dateline, article.source, article.published);
  const kind = kindToLabel(article.kind);
  const attribute = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;
  const html =
    `<!doctype html><html${attribute('lang', language)}><body><article data-pagefind-body` +
    attribute('data-pagefind-filter', `${SEARCH_FILTER.year}:${year}`) +
    attribute(
      'data-pagefind-sort',
      `${SEARCH_SORT.date}:${new Date(article.published.epochMs).toISOString()}`,
    ) +
    attribute(
      'data-pagefind-meta',
      `${SEARCH_META.date}:${formatDateTime(article.published, timeZone)}`,
    ) +
    `><p${attribute('data-pagefind-filter', SEARCH_FILTER.section)}>${escapeXml(article.section.name)}</p>` +
    (kind ? `<p>${escapeXml(kind)}</p>` : '') +
    `<h1${attribute('data-pagefind-meta', SEARCH_META.title)}>${escapeXml(article.title)}</h1>` +
    // A summary cut from the first paragraph would index that paragraph twice.
    (article.summaryGiven ? `<p>${escapeXml(article.summary)}</p>` : '') +
    (credit ? `<p>${escapeXml(credit)}</p>` : '') +
    (caption ? `<p>${escapeXml(caption)}</p>` : '') +
    (dateline ? `<p>${escapeXml(dateline)}</p>` : '') +
    bodyHtml +
    notesToHtml(article.notes, timeZone) +
    `</article></body></html>`;
  return { url: articleToPath(article, timeZone), year, html };
}
