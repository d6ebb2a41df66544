import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/articles/schema.ts';
import { publicationStatus, sortNewestFirst } from '../../src/lib/publication.ts';
import { instant } from '../helpers/instant.ts';

describe('publicationStatus', () => {
  const published = instant('2026-06-01T03:00:00+03:00');

  it('counts an article published at the clock as published', () => {
    expect(publicationStatus({ draft: false, published }, published.epochMs)).toBe('published');
  });

  it('counts an article published after the clock as scheduled', () => {
    expect(publicationStatus({ draft: false, published }, published.epochMs - 1)).toBe('scheduled');
  });

  it('counts a draft as a draft whatever its date', () => {
    expect(publicationStatus({ draft: true, published }, published.epochMs + 1)).toBe('draft');
    expect(publicationStatus({ draft: true, published }, published.epochMs - 1)).toBe('draft');
  });
});

describe('sortNewestFirst', () => {
  it('sorts the same whatever order the articles come in', () => {
    const a = { slug: 'a', published: instant('2025-01-01T00:00:00Z') };
    const b = { slug: 'b', published: instant('2025-01-01T03:00:00+03:00') };
    const c = { slug: 'c', published: instant('2025-01-02T00:00:00Z') };
    const slugs = (articles: Pick<Article, 'slug' | 'published'>[]) =>
      sortNewestFirst(articles).map((article) => article.slug);
    expect(slugs([a, b, c])).toStrictEqual(['c', 'a', 'b']);
    expect(slugs([c, b, a])).toStrictEqual(['c', 'a', 'b']);
  });
});
