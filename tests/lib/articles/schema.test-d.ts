/**
 * Type tests of the article contract: the `Article` type derived from the
 * schema has the fields, and the field types, that pages, feeds and search
 * rely on. Vitest checks this file with the TypeScript compiler (it is never
 * run), so a wrong expectation fails `npm test`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Article,
  ArticleImage,
  ArticleKind,
  ArticleMeta,
  ArticleNote,
  Section,
} from '../../../src/lib/articles/schema.ts';
import type { StoredArticle } from '../../../src/lib/build-cache/stored-article.ts';
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

  it('has a kind, news by default, from a fixed list', () => {
    expectTypeOf<Article['kind']>().toEqualTypeOf<ArticleKind>();
    expectTypeOf<ArticleKind>().toEqualTypeOf<
      'news' | 'analysis' | 'interview' | 'opinion' | 'explainer' | 'obituary'
    >();
  });

  it('has corrections and updates as one list of notes, each a type, an instant and text', () => {
    expectTypeOf<Article['notes']>().toEqualTypeOf<ArticleNote[]>();
    expectTypeOf<ArticleNote['type']>().toEqualTypeOf<'correction' | 'update'>();
    expectTypeOf<ArticleNote['at']>().toEqualTypeOf<Instant>();
    expectTypeOf<ArticleNote['text']>().toEqualTypeOf<string>();
  });

  it('says whether the summary was written or derived', () => {
    expectTypeOf<Article['summaryGiven']>().toEqualTypeOf<boolean>();
  });

  it('keeps kind, notes and summaryGiven in the stored record', () => {
    expectTypeOf<StoredArticle['kind']>().toEqualTypeOf<ArticleKind>();
    expectTypeOf<StoredArticle['notes']>().toEqualTypeOf<ArticleNote[]>();
    expectTypeOf<StoredArticle['summaryGiven']>().toEqualTypeOf<boolean>();
  });

  it('leaves the body out of ArticleMeta', () => {
    expectTypeOf<ArticleMeta>().not.toHaveProperty('bodyHtml');
    expectTypeOf<ArticleMeta>().not.toHaveProperty('text');
    expectTypeOf<ArticleMeta>().toEqualTypeOf<Omit<Article, 'bodyHtml' | 'text'>>();
  });
});
