import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { instant } from '../helpers/instant.ts';
import { searchDocument, type SearchableArticle } from '../../src/lib/search-document.ts';

const SETTINGS = { timeZone: 'Europe/Moscow', language: 'en' };

const STORY: SearchableArticle = {
  slug: 'naryshkin-svr-contacts',
  published: instant('2019-05-22T08:36:00+03:00'),
  title: 'Security chief does not rule out restoring contacts',
  summary: 'The intelligence chief spoke to reporters.',
  summaryGiven: true,
  kind: 'news',
  notes: [],
  section: { slug: 'world', name: 'World' },
  authors: ['Anna Petrova'],
  source: 'TASS',
  dateline: 'DUSHANBE',
  image: { src: './photo.jpg', alt: 'A hall.', caption: 'The summit hall.', credit: 'Photo: TASS' },
};

describe('searchDocument', () => {
  it('gives the story’s address and its year in the site’s zone', () => {
    const late = { ...STORY, published: instant('2025-12-31T22:30:00Z') };
    expect(searchDocument(late, '<p>Body.</p>', SETTINGS)).toMatchObject({
      url: '/2026/01/01/naryshkin-svr-contacts/',
      year: '2026',
    });
  });

  it('marks the searchable part with its year, sort date, shown date, section and title', () => {
    const { html } = searchDocument(STORY, '<p>Body.</p>', SETTINGS);
    const document = parse(html);
    expect(document.querySelector('html')?.getAttribute('lang')).toBe('en');
    const body = document.querySelector('[data-pagefind-body]');
    expect(body?.getAttribute('data-pagefind-filter')).toBe('year:2019');
    expect(body?.getAttribute('data-pagefind-sort')).toBe('date:2019-05-22T05:36:00.000Z');
    expect(body?.getAttribute('data-pagefind-meta')).toBe('date:May 22, 2019, 08:36 (UTC+3)');
    expect(body?.querySelector('[data-pagefind-filter="section"]')?.text).toBe('World');
    expect(body?.querySelector('h1[data-pagefind-meta="title"]')?.text).toBe(STORY.title);
  });

  it('holds the standfirst, credit, caption, dateline and body, in the page’s order', () => {
    const { html } = searchDocument(STORY, '<p>First paragraph.</p><h2>Later</h2>', SETTINGS);
    const body = parse(html).querySelector('[data-pagefind-body]');
    expect(body?.childNodes.map((node) => node.text)).toEqual([
      'World',
      STORY.title,
      'The intelligence chief spoke to reporters.',
      'By Anna Petrova, TASS',
      'The summit hall. Photo: TASS',
      'DUSHANBE, May 22. /TASS/.',
      'First paragraph.',
      'Later',
    ]);
  });

  it('leaves out the credit, caption and dateline a story does not have', () => {
    const bare: SearchableArticle = {
      ...STORY,
      authors: [],
      source: undefined,
      dateline: undefined,
      image: undefined,
    };
    const body = parse(searchDocument(bare, '<p>Body.</p>', SETTINGS).html).querySelector(
      '[data-pagefind-body]',
    );
    expect(body?.childNodes.map((node) => node.text)).toEqual([
      'World',
      STORY.title,
      'The intelligence chief spoke to reporters.',
      'Body.',
    ]);
  });

  it('holds the kind above the headline and the corrections and updates after the body', () => {
    const analysis: SearchableArticle = {
      ...STORY,
      kind: 'analysis',
      notes: [
        { type: 'update', at: instant('2019-05-23T10:00:00+03:00'), text: 'Adds the reply.' },
        { type: 'correction', at: instant('2019-05-22T12:00:00+03:00'), text: 'Fixes a name.' },
      ],
    };
    const body = parse(searchDocument(analysis, '<p>Body.</p>', SETTINGS).html).querySelector(
      '[data-pagefind-body]',
    );
    const texts = body?.childNodes.map((node) => node.text) ?? [];
    expect(texts.slice(0, 3)).toEqual(['World', 'Analysis', STORY.title]);
    expect(texts.at(-1)).toContain('Adds the reply.');
    expect(texts.at(-1)).toContain('Fixes a name.');
  });

  it('leaves out a standfirst the story did not write, which would repeat its first paragraph', () => {
    const derived = { ...STORY, summaryGiven: false, summary: 'First paragraph, cut…' };
    const html = searchDocument(derived, '<p>First paragraph, cut short here.</p>', SETTINGS).html;
    expect(html).not.toContain('First paragraph, cut…');
  });

  it('escapes what it takes from the front matter', () => {
    const tricky = {
      ...STORY,
      title: 'Rates <b>rise</b> & "fall"',
      section: { slug: 'markets', name: 'Bonds & "Rates"' },
    };
    const document = parse(searchDocument(tricky, '<p>Body.</p>', SETTINGS).html);
    expect(document.querySelector('h1')?.text).toBe('Rates <b>rise</b> & "fall"');
    expect(document.querySelector('h1 b')).toBeNull();
    expect(document.querySelector('[data-pagefind-filter="section"]')?.text).toBe(
      'Bonds & "Rates"',
    );
  });
});
