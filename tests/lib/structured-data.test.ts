import { describe, expect, it } from 'vitest';
import { googleArticleProblems, markupImages, ratiosOf } from '../helpers/google-article.ts';
import { instant } from '../helpers/instant.ts';
import { KIND_TYPES } from '../helpers/story-kinds.ts';
import { ARTICLE_KINDS } from '../../src/lib/articles/schema.ts';
import {
  articleToJsonLd,
  instantToDatetime,
  kindToSchemaType,
  jsonLdToScript,
  pageMetaToTags,
  pageTitle,
} from '../../src/lib/structured-data.ts';

const article = {
  kind: 'news' as const,
  title: 'Security chief does not rule out restoring contacts',
  summary: 'It is very important, Sergei Naryshkin said',
  published: instant('2019-05-22T08:36:00+03:00'),
  updated: undefined,
  notes: [],
  authors: [],
  source: 'TASS',
  section: { name: 'Russian Politics & Diplomacy', slug: 'russian-politics-diplomacy' },
  tags: ['SVR', 'CIA'],
};
/** The section's cards, as a story without a lead image is given them. */
const cards = [
  { width: 1200, height: 630 },
  { width: 1200, height: 900 },
  { width: 1200, height: 1200 },
].map(({ width, height }, index) => ({
  url: `https://news.example.test/section/russian-politics-diplomacy/card${['', '-4x3', '-1x1'][index]}.png`,
  alt: 'Newsroom Wire: Russian Politics & Diplomacy',
  width,
  height,
}));
const context = {
  url: 'https://news.example.test/2019/05/22/naryshkin/',
  images: cards,
  siteUrl: 'https://news.example.test/',
  publisher: {
    name: 'Newsroom Wire',
    url: 'https://news.example.test/',
    logo: { path: '/logo.png', width: 600, height: 60 },
  },
  language: 'en',
};
/** The publisher as the markup gives it. */
const publisher = {
  '@type': 'Organization',
  name: 'Newsroom Wire',
  url: 'https://news.example.test/',
  logo: {
    '@type': 'ImageObject',
    url: 'https://news.example.test/logo.png',
    width: 600,
    height: 60,
  },
};

describe('articleToJsonLd', () => {
  it('describes a NewsArticle with times as written and the page as its main entity', () => {
    expect(
      articleToJsonLd(article, {
        ...context,
        images: [
          { url: 'https://news.example.test/_astro/a.jpg', alt: 'A', width: 1200, height: 675 },
        ],
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.summary,
      datePublished: '2019-05-22T08:36:00+03:00',
      dateModified: '2019-05-22T08:36:00+03:00',
      author: [
        { '@type': 'Organization', name: 'TASS', url: 'https://news.example.test/source/tass/' },
      ],
      image: [
        {
          '@type': 'ImageObject',
          url: 'https://news.example.test/_astro/a.jpg',
          width: 1200,
          height: 675,
        },
      ],
      articleSection: 'Russian Politics & Diplomacy',
      keywords: ['SVR', 'CIA'],
      inLanguage: 'en',
      publisher,
      mainEntityOfPage: { '@type': 'WebPage', '@id': context.url },
      url: context.url,
    });
  });

  it('names authors as people with their pages, the source as the organisation behind them, and takes dateModified from updated', () => {
    const data = articleToJsonLd(
      {
        ...article,
        authors: ['Anna Petrova', 'Ben Okafor'],
        updated: instant('2019-05-23T10:00:00Z'),
      },
      context,
    );
    expect(data.author).toEqual([
      {
        '@type': 'Person',
        name: 'Anna Petrova',
        url: 'https://news.example.test/author/anna-petrova/',
      },
      {
        '@type': 'Person',
        name: 'Ben Okafor',
        url: 'https://news.example.test/author/ben-okafor/',
      },
    ]);
    expect(data.sourceOrganization).toEqual({
      '@type': 'Organization',
      name: 'TASS',
      url: 'https://news.example.test/source/tass/',
    });
    expect(data.dateModified).toBe('2019-05-23T10:00:00Z');
  });

  it("gives a story without a lead image its section's cards, in the three shapes Google asks for", () => {
    const data = articleToJsonLd(article, context);
    expect(data.image).toEqual(
      cards.map(({ url, width, height }) => ({ '@type': 'ImageObject', url, width, height })),
    );
    expect(ratiosOf(markupImages(data as unknown as Record<string, unknown>))).toEqual([
      '4:3',
      '1:1',
    ]);
  });

  it('names a remote lead image by its URL alone, its size being unknown to the build', () => {
    const data = articleToJsonLd(article, {
      ...context,
      images: [{ url: 'https://images.example.org/a.jpg', alt: 'A' }],
    });
    expect(data.image).toEqual([
      { '@type': 'ImageObject', url: 'https://images.example.org/a.jpg' },
    ]);
  });

  it('refuses a story given no image, which Google requires', () => {
    expect(() => articleToJsonLd(article, { ...context, images: [] })).toThrow(
      'The story at https://news.example.test/2019/05/22/naryshkin/ was given no image for its structured data.',
    );
  });

  it('gives the publisher its logo as an ImageObject with its size, at an absolute URL', () => {
    expect(articleToJsonLd(article, context).publisher).toEqual(publisher);
  });

  it('credits the publisher, with its home page, when there is neither author nor source', () => {
    const data = articleToJsonLd({ ...article, source: undefined, tags: [] }, context);
    expect(data.author).toEqual([
      { '@type': 'Organization', name: 'Newsroom Wire', url: 'https://news.example.test/' },
    ]);
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('sourceOrganization');
  });

  it('gives each correction as a CorrectionComment, newest first, and leaves updates out', () => {
    const data = articleToJsonLd(
      {
        ...article,
        updated: instant('2019-05-25T09:00:00+03:00'),
        notes: [
          { type: 'update', at: instant('2019-05-25T09:00:00+03:00'), text: 'Adds a reply.' },
          { type: 'correction', at: instant('2019-05-24T08:00:00Z'), text: 'The date was wrong.' },
          { type: 'correction', at: instant('2019-05-23T08:00:00Z'), text: 'A name was wrong.' },
        ],
      },
      context,
    );
    expect(data.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'The date was wrong.',
        datePublished: '2019-05-24T08:00:00Z',
      },
      {
        '@type': 'CorrectionComment',
        text: 'A name was wrong.',
        datePublished: '2019-05-23T08:00:00Z',
      },
    ]);
    expect(data.dateModified).toBe('2019-05-25T09:00:00+03:00');
    expect(articleToJsonLd(article, context)).not.toHaveProperty('correction');
  });

  it('dates the last change by the latest note when it is later than updated', () => {
    const data = articleToJsonLd(
      {
        ...article,
        updated: instant('2019-05-23T10:00:00Z'),
        notes: [{ type: 'correction', at: instant('2019-05-24T08:00:00Z'), text: 'Fixed.' }],
      },
      context,
    );
    expect(data.dateModified).toBe('2019-05-24T08:00:00Z');
  });

  it('types each kind of story as schema.org’s matching NewsArticle', () => {
    expect(Object.fromEntries(ARTICLE_KINDS.map((kind) => [kind, kindToSchemaType(kind)]))).toEqual(
      KIND_TYPES,
    );
    expect(articleToJsonLd({ ...article, kind: 'opinion' }, context)['@type']).toBe(
      'OpinionNewsArticle',
    );
  });
});

describe("articleToJsonLd against Google's Article documentation", () => {
  const variants = {
    'a story from an agency, without authors': article,
    'a story by two authors, with a source, updated and corrected': {
      ...article,
      authors: ['Anna Petrova', 'Ben Okafor'],
      updated: instant('2019-05-23T10:00:00Z'),
      notes: [{ type: 'correction' as const, at: instant('2019-05-23T08:00:00Z'), text: 'Fixed.' }],
    },
    'a story with neither author nor source': { ...article, source: undefined },
    'an opinion piece written with an offset without a colon': {
      ...article,
      kind: 'opinion' as const,
      published: instant('2019-05-22T08:36:00+0300'),
    },
  };
  for (const [name, story] of Object.entries(variants)) {
    it(`follows it for ${name}`, () => {
      expect(googleArticleProblems(articleToJsonLd(story, context))).toEqual([]);
    });
  }

  it('finds what the documentation asks for missing or wrong, field by field', () => {
    const data = {
      ...articleToJsonLd(article, context),
      '@type': 'WebPage',
      headline: ' ',
      datePublished: '2019-05-22T08:36:00',
      dateModified: '2019-05-21T08:36:00Z',
      image: [
        { '@type': 'ImageObject', url: '/card.png' },
        { '@type': 'ImageObject', url: 'https://x.test/a.png', width: 100, height: 100 },
      ],
      author: [{ '@type': 'Person', name: 'By Anna Petrova' }],
      publisher: { '@type': 'Organization', name: 'Newsroom Wire', url: 'https://x.test/' },
    };
    expect(googleArticleProblems(data)).toEqual([
      '@type: WebPage is not an article type Google reads',
      'headline: is missing or empty',
      'image: /card.png is not an absolute URL',
      'image: https://x.test/a.png has 10000 pixels, fewer than 50,000',
      'datePublished: 2019-05-22T08:36:00 is not an ISO 8601 date and time with a time zone',
      'dateModified: is earlier than datePublished',
      'author.name: "By Anna Petrova" is not one name alone (no "By", no list, no title)',
      'author.url: By Anna Petrova has no absolute url identifying it',
      'publisher.logo: is not an ImageObject',
    ]);
  });
});

describe('jsonLdToScript', () => {
  it('writes JSON that cannot close its script element and parses back unchanged', () => {
    const data = { headline: '</script><script>alert(1)</script> & \u2028' };
    const text = jsonLdToScript(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('pageMetaToTags', () => {
  const base = {
    title: 'Harbour lights',
    description: 'Record crowds.',
    url: 'https://news.example.test/2025/11/20/harbour-lights/',
    siteName: 'Newsroom Wire',
  };

  it('writes Open Graph and a large Twitter card for an article with an image, its size and text alternative', () => {
    const tags = pageMetaToTags({
      ...base,
      type: 'article',
      image: {
        url: 'https://news.example.test/_astro/h.jpeg',
        alt: 'Lights',
        width: 960,
        height: 540,
      },
      article: { publishedTime: '2025-11-20T18:15:00+03:00', section: 'Culture', tags: ['lights'] },
    });
    const byKey = Object.fromEntries(tags.map((tag) => [tag.key, tag]));
    expect(byKey['og:type']?.content).toBe('article');
    expect(byKey['og:url']?.content).toBe(base.url);
    expect(byKey['og:image']?.content).toBe('https://news.example.test/_astro/h.jpeg');
    expect(byKey['og:image:width']?.content).toBe('960');
    expect(byKey['og:image:height']?.content).toBe('540');
    expect(byKey['og:image:alt']?.content).toBe('Lights');
    expect(byKey['twitter:image']?.content).toBe('https://news.example.test/_astro/h.jpeg');
    expect(byKey['twitter:image:alt']?.content).toBe('Lights');
    expect(byKey['article:published_time']?.content).toBe('2025-11-20T18:15:00+03:00');
    expect(byKey['article:modified_time']).toBeUndefined();
    expect(byKey['twitter:card']).toEqual({
      attribute: 'name',
      key: 'twitter:card',
      content: 'summary_large_image',
    });
    expect(
      tags.filter((tag) => tag.key.startsWith('og:')).every((tag) => tag.attribute === 'property'),
    ).toBe(true);
  });

  it('writes a summary card and no image tags for a page without an image', () => {
    const keys = pageMetaToTags({ ...base, type: 'website' }).map(
      (tag) => `${tag.key}=${tag.content}`,
    );
    expect(keys).toContain('twitter:card=summary');
    expect(keys.some((key) => key.includes('image'))).toBe(false);
  });
});

describe('pageTitle', () => {
  it('puts the page first and the site last, or the site alone', () => {
    expect(pageTitle('World', 'Newsroom Wire')).toBe('World | Newsroom Wire');
    expect(pageTitle(undefined, 'Newsroom Wire')).toBe('Newsroom Wire');
  });
});

describe('instantToDatetime', () => {
  it('keeps the text as written when HTML accepts it', () => {
    expect(instantToDatetime(instant('2019-05-22T08:36:00+03:00'))).toBe(
      '2019-05-22T08:36:00+03:00',
    );
    expect(instantToDatetime(instant('2025-12-31T22:30:00Z'))).toBe('2025-12-31T22:30:00Z');
    expect(instantToDatetime(instant('2025-12-31T22:30Z'))).toBe('2025-12-31T22:30Z');
  });

  it('rewrites offsets without a colon and long fractions into the form HTML accepts', () => {
    expect(instantToDatetime(instant('2019-05-22T08:36:00+0300'))).toBe(
      '2019-05-22T08:36:00+03:00',
    );
    expect(instantToDatetime(instant('2019-05-22T08:36:00-05'))).toBe('2019-05-22T08:36:00-05:00');
    expect(instantToDatetime(instant('2019-05-22T08:36:00.123456789+03:00'))).toBe(
      '2019-05-22T08:36:00.123+03:00',
    );
  });
});
