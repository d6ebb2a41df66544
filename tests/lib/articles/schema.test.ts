import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  cutAtWord,
  DERIVED_SUMMARY_MAX_LENGTH,
  FRONT_MATTER_KEYS,
  TITLE_MAX_LENGTH,
  WORDS_PER_MINUTE,
  type Article,
  type ArticleImage,
  type ArticleMeta,
  type Section,
} from '../../../src/lib/articles/schema.ts';
import type { Instant } from '../../../src/lib/instant.ts';

describe('the Article type', () => {
  it('keeps published and updated as instants with iso, epochMs and offset', () => {
    expectTypeOf<Article['published']>().toEqualTypeOf<Instant>();
    expectTypeOf<Article['published']>().toHaveProperty('iso').toBeString();
    expectTypeOf<Article['published']>().toHaveProperty('epochMs').toBeNumber();
    expectTypeOf<Article['published']>().toHaveProperty('offset').toBeString();
    expectTypeOf<Article['updated']>().toEqualTypeOf<Instant | undefined>();
  });

  it('has a section with a display name and a URL name', () => {
    expectTypeOf<Section>().toEqualTypeOf<{ name: string; slug: string }>();
  });

  it('has authors, tags and related as lists of strings, always present', () => {
    expectTypeOf<Article['authors']>().toEqualTypeOf<string[]>();
    expectTypeOf<Article['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<Article['related']>().toEqualTypeOf<string[]>();
  });

  it('has the text fields pages, feeds and search read', () => {
    expectTypeOf<Article>().toHaveProperty('slug').toBeString();
    expectTypeOf<Article>().toHaveProperty('title').toBeString();
    expectTypeOf<Article>().toHaveProperty('summary').toBeString();
    expectTypeOf<Article>().toHaveProperty('bodyHtml').toBeString();
    expectTypeOf<Article>().toHaveProperty('text').toBeString();
    expectTypeOf<Article>().toHaveProperty('sourcePath').toBeString();
    expectTypeOf<Article['dateline']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Article['source']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Article['draft']>().toEqualTypeOf<boolean>();
    expectTypeOf<Article['wordCount']>().toEqualTypeOf<number>();
    expectTypeOf<Article['readingMinutes']>().toEqualTypeOf<number>();
  });

  it('has an optional image whose alt is required with its src', () => {
    expectTypeOf<Article['image']>().toEqualTypeOf<ArticleImage | undefined>();
    expectTypeOf<ArticleImage['src']>().toEqualTypeOf<string>();
    expectTypeOf<ArticleImage['alt']>().toEqualTypeOf<string>();
    expectTypeOf<ArticleImage['caption']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ArticleImage['credit']>().toEqualTypeOf<string | undefined>();
  });

  it('leaves the body out of ArticleMeta', () => {
    expectTypeOf<ArticleMeta>().not.toHaveProperty('bodyHtml');
    expectTypeOf<ArticleMeta>().not.toHaveProperty('text');
    expectTypeOf<ArticleMeta>().toEqualTypeOf<Omit<Article, 'bodyHtml' | 'text'>>();
  });
});

describe('contract constants', () => {
  it('knows exactly the keys of the contract, in its order', () => {
    expect(FRONT_MATTER_KEYS).toStrictEqual([
      'title',
      'section',
      'published',
      'updated',
      'summary',
      'dateline',
      'source',
      'author',
      'tags',
      'related',
      'image',
      'slug',
      'draft',
    ]);
  });

  it('limits titles to 300 characters', () => {
    expect(TITLE_MAX_LENGTH).toBe(300);
    expect(DERIVED_SUMMARY_MAX_LENGTH).toBeGreaterThan(0);
    expect(WORDS_PER_MINUTE).toBeGreaterThan(0);
  });
});

describe('cutAtWord', () => {
  it('leaves text within the limit as it is, with white space collapsed', () => {
    expect(cutAtWord('  Short\n standfirst. ', 20)).toBe('Short standfirst.');
  });

  it('cuts at the last word boundary and adds an ellipsis', () => {
    expect(cutAtWord('Naryshkin said contacts are very important', 24)).toBe(
      'Naryshkin said contacts…',
    );
  });

  it('drops punctuation left at the cut', () => {
    expect(cutAtWord('Naryshkin said, on Wednesday, that contacts matter', 30)).toBe(
      'Naryshkin said, on Wednesday…',
    );
  });

  it('cuts inside a word only when the first half has no space', () => {
    expect(cutAtWord('Supercalifragilisticexpialidocious words', 10)).toBe('Supercalif…');
  });

  it('never returns more than the limit plus the ellipsis', () => {
    const text = 'word '.repeat(100);
    expect(cutAtWord(text, 50).length).toBeLessThanOrEqual(51);
  });
});
