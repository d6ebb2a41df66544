/**
 * A story's full text for feeds, read as its page reads: the lead image as
 * a figure, the body opened by the dateline (`DUSHANBE, May 22. /TASS/.`),
 * the credit line (`By Anna Petrova, TASS`), then the corrections and
 * updates. The dateline stays at the very start of the words, as on the
 * page; the credit, which the page shows above the body, closes the story
 * here, as a wire's credit does, since a reader opens an item at its first
 * words. Every URL is absolute, since a reader shows the text away from the
 * page. Pure.
 */
import { absolutizeHtml } from '../absolute-html.ts';
import type { CreditPart } from '../byline.ts';
import { bodyWithDateline } from '../dateline-html.ts';
import type { DatelinePart } from '../dates.ts';
import { nameToPath } from '../story-links.ts';
import { pathToUrl } from '../urls.ts';
import { textToHtml } from '../xml.ts';
import type { FeedImage } from './model.ts';

/** What the full text is made of. */
export interface FullTextParts {
  /** The story's absolute URL, against which the body's links resolve. */
  link: string;
  /** The sanitised body HTML, as the store keeps it. */
  bodyHtml: string;
  /** The dateline in pieces (`datelineToParts`), when the story has one. */
  dateline?: readonly DatelinePart[] | undefined;
  /** The credit line in pieces (`creditToParts`); empty for a story with none. */
  credit: readonly CreditPart[];
  /** The corrections and updates as HTML (`notesToHtml`); empty for none. */
  notesHtml: string;
  image?: FeedImage | undefined;
}

/** The story's full text as HTML, every URL absolute. */
export function storyToFullTextHtml(parts: FullTextParts): string {
  return (
    imageToHtml(parts.image) +
    absolutizeHtml(bodyWithDateline(parts.bodyHtml, parts.dateline), parts.link) +
    creditToHtml(parts.credit, parts.link) +
    parts.notesHtml
  );
}

/**
 * The credit line as a paragraph, each name linking to its page as on the
 * story page; empty for a story with neither authors nor source.
 *
 * @example creditToHtml([{ name: 'TASS', taxonomy: 'source' }], 'https://news.example/') // '<p class="credit"><a href="https://news.example/source/tass/">TASS</a></p>'
 */
export function creditToHtml(credit: readonly CreditPart[], site: URL | string): string {
  if (credit.length === 0) return '';
  const html = credit
    .map((part) => {
      if ('text' in part) return textToHtml(part.text);
      const path = nameToPath(part.taxonomy, part.name);
      return path
        ? `<a href="${textToHtml(pathToUrl(path, site))}">${textToHtml(part.name)}</a>`
        : textToHtml(part.name);
    })
    .join('');
  return `<p class="credit">${html}</p>`;
}

/** The lead image as a figure, so readers that ignore `media:content` show it too. */
export function imageToHtml(image: FeedImage | undefined): string {
  if (!image) return '';
  const caption = [image.caption, image.credit].filter(Boolean).join(' ');
  // Attribute-safe escaping is also text-safe, and this HTML is escaped again as XML.
  return (
    `<figure><img src="${textToHtml(image.url)}" alt="${textToHtml(image.alt)}">` +
    (caption ? `<figcaption>${textToHtml(caption)}</figcaption>` : '') +
    '</figure>'
  );
}
