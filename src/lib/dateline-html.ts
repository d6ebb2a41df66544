/**
 * The agency-style dateline as HTML at the start of a story's body
 * ("DUSHANBE, May 22. /TASS/.", the agency linking to its page): written
 * once for the story page and for the full text of feeds, so that a feed
 * item opens as the page does.
 */
import type { DatelinePart } from './dates.ts';
import { nameToPath } from './story-links.ts';
import { textToHtml } from './xml.ts';

/**
 * The dateline as HTML, the source linking to its page (a site path, which
 * a feed makes absolute with the rest of the body).
 *
 * @example datelineToHtml([{ text: 'DUSHANBE, May 22. /' }, { source: 'TASS' }, { text: '/.' }]) // 'DUSHANBE, May 22. /<a href="/source/tass/">TASS</a>/.'
 */
export function datelineToHtml(parts: readonly DatelinePart[]): string {
  return parts
    .map((part) => {
      if ('text' in part) return textToHtml(part.text);
      const path = nameToPath('source', part.source);
      return path
        ? `<a href="${textToHtml(path)}">${textToHtml(part.source)}</a>`
        : textToHtml(part.source);
    })
    .join('');
}

/**
 * The body with the dateline (`<span class="dateline">`) at the start of its
 * first paragraph when the body opens with one, else in a paragraph of its
 * own before it; the body as it is when there is no dateline.
 */
export function bodyWithDateline(
  bodyHtml: string,
  dateline: readonly DatelinePart[] | undefined,
): string {
  if (!dateline?.length) return bodyHtml;
  const span = `<span class="dateline">${datelineToHtml(dateline)}</span>`;
  const first = /^\s*<p>/.exec(bodyHtml);
  return first
    ? `${first[0]}${span} ${bodyHtml.slice(first[0].length)}`
    : `<p>${span}</p>${bodyHtml}`;
}
