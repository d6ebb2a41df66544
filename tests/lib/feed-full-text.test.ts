import { describe, expect, it } from 'vitest';
import { creditToParts } from '../../src/lib/byline.ts';
import { bodyWithDateline, datelineToHtml } from '../../src/lib/dateline-html.ts';
import { datelineToParts } from '../../src/lib/dates.ts';
import { articleToFeedAuthors } from '../../src/lib/feeds/authors.ts';
import { creditToHtml, storyToFullTextHtml } from '../../src/lib/feeds/full-text.ts';
import { instant, TEST_SITE } from '../helpers/feed-fixtures.ts';

const link = `${TEST_SITE}2019/05/22/naryshkin-svr-contacts/`;
const dushanbe = datelineToParts('DUSHANBE', 'TASS', instant('2019-05-22T08:36:00+03:00'));
const publisher = { name: 'Newsroom Wire', url: TEST_SITE };

describe('storyToFullTextHtml', () => {
  it('opens with the dateline, the agency linking to its page, as the story page does', () => {
    const html = storyToFullTextHtml({
      link,
      bodyHtml: '<p>Director of the Foreign Intelligence Service said so.</p>\n<p>More.</p>',
      dateline: dushanbe,
      credit: creditToParts({ authors: [], source: 'TASS' }),
      notesHtml: '',
    });
    expect(html).toBe(
      `<p><span class="dateline">DUSHANBE, May 22. /<a href="${TEST_SITE}source/tass/">TASS</a>/.</span> ` +
        'Director of the Foreign Intelligence Service said so.</p>\n<p>More.</p>' +
        `<p class="credit"><a href="${TEST_SITE}source/tass/">TASS</a></p>`,
    );
  });

  it('puts the lead image first, then the body with its links made absolute, the credit, and the notes last', () => {
    const html = storyToFullTextHtml({
      link,
      bodyHtml: '<p>See <a href="../../23/other/">the other story</a>.</p>',
      credit: creditToParts({ authors: ['Anna Petrova', 'Ivan Sidorov'], source: 'TASS' }),
      notesHtml: '<section><h2>Correction</h2><p>Fixed.</p></section>',
      image: {
        url: `${TEST_SITE}_astro/lead.webp`,
        alt: 'A "hall"',
        caption: 'Votes.',
        credit: 'Photo: Wire',
      },
    });
    expect(html).toBe(
      `<figure><img src="${TEST_SITE}_astro/lead.webp" alt="A &quot;hall&quot;"><figcaption>Votes. Photo: Wire</figcaption></figure>` +
        `<p>See <a href="${TEST_SITE}2019/05/23/other/">the other story</a>.</p>` +
        `<p class="credit">By <a href="${TEST_SITE}author/anna-petrova/">Anna Petrova</a> and ` +
        `<a href="${TEST_SITE}author/ivan-sidorov/">Ivan Sidorov</a>, <a href="${TEST_SITE}source/tass/">TASS</a></p>` +
        '<section><h2>Correction</h2><p>Fixed.</p></section>',
    );
  });

  it('writes no credit for a story with neither authors nor source', () => {
    expect(storyToFullTextHtml({ link, bodyHtml: '<p>Body.</p>', credit: [], notesHtml: '' })).toBe(
      '<p>Body.</p>',
    );
  });
});

describe('creditToHtml', () => {
  it('escapes names and leaves unlinked a name that makes no address', () => {
    expect(
      creditToHtml(creditToParts({ authors: ['A & B', '!!!'], source: undefined }), TEST_SITE),
    ).toBe(`<p class="credit">By <a href="${TEST_SITE}author/a-b/">A &amp; B</a> and !!!</p>`);
  });
});

describe('bodyWithDateline', () => {
  it('opens the first paragraph with the dateline, or gives it a paragraph of its own', () => {
    expect(bodyWithDateline('<p>Text.</p>', dushanbe)).toBe(
      `<p><span class="dateline">${datelineToHtml(dushanbe)}</span> Text.</p>`,
    );
    expect(bodyWithDateline('<ul><li>Item</li></ul>', [{ text: 'MINSK, May 1.' }])).toBe(
      '<p><span class="dateline">MINSK, May 1.</span></p><ul><li>Item</li></ul>',
    );
    expect(bodyWithDateline('<p>Text.</p>', undefined)).toBe('<p>Text.</p>');
  });
});

describe('articleToFeedAuthors', () => {
  it('credits the authors, else the source, else the publisher, each with their page', () => {
    expect(
      articleToFeedAuthors({ authors: ['Anna Petrova'], source: 'TASS' }, TEST_SITE, publisher),
    ).toEqual([{ name: 'Anna Petrova', url: `${TEST_SITE}author/anna-petrova/` }]);
    expect(articleToFeedAuthors({ authors: [], source: 'TASS' }, TEST_SITE, publisher)).toEqual([
      { name: 'TASS', url: `${TEST_SITE}source/tass/` },
    ]);
    expect(articleToFeedAuthors({ authors: [], source: undefined }, TEST_SITE, publisher)).toEqual([
      publisher,
    ]);
  });
});
