import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/articles/schema.ts';
import {
  publicationStatus,
  sortNewestFirst,
  updatedAfterClock,
  type DatedFile,
} from '../../src/lib/publication.ts';
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

describe('updatedAfterClock', () => {
  const now = instant('2026-06-01T12:00:00Z').epochMs;
  const file = (updated: string, article: Partial<DatedFile['article']> = {}): DatedFile => ({
    path: 'content/a.md',
    article: {
      draft: false,
      published: instant('2026-05-22T08:36:00+03:00'),
      updated: instant(updated),
      ...article,
    },
    places: { updated: { line: 5, column: 10 } },
  });

  it('refuses an updated after the clock, at its place', () => {
    expect(updatedAfterClock([file('9999-01-01T00:00:00Z')], now)).toStrictEqual([
      {
        path: 'content/a.md',
        place: { line: 5, column: 10 },
        ruleId: 'updated-after-clock',
        message:
          '"updated" (9999-01-01T00:00:00Z) is later than the build\'s clock (2026-06-01T12:00:00.000Z); an update cannot come from the future, and it would become every feed\'s date: write when the story last changed',
      },
    ]);
  });

  it('names the note when updated is taken from the latest correction or update', () => {
    const taken = (updatedFrom: 'corrections' | 'updates') => ({
      ...file('2026-06-02T00:00:00Z'),
      places: { updated: { line: 9, column: 9 }, updatedFrom },
    });
    expect(updatedAfterClock([taken('corrections'), taken('updates')], now)).toStrictEqual([
      {
        path: 'content/a.md',
        place: { line: 9, column: 9 },
        ruleId: 'updated-after-clock',
        message:
          'the latest correction\'s "at" (2026-06-02T00:00:00Z) is later than the build\'s clock (2026-06-01T12:00:00.000Z); a correction cannot come from the future, and its time would become the story\'s "updated" and every feed\'s date: write when the correction was made',
      },
      {
        path: 'content/a.md',
        place: { line: 9, column: 9 },
        ruleId: 'updated-after-clock',
        message:
          'the latest update\'s "at" (2026-06-02T00:00:00Z) is later than the build\'s clock (2026-06-01T12:00:00.000Z); an update cannot come from the future, and its time would become the story\'s "updated" and every feed\'s date: write when the update was made',
      },
    ]);
  });

  it('takes an updated at the clock, or before it', () => {
    expect(updatedAfterClock([file('2026-06-01T15:00:00+03:00')], now)).toStrictEqual([]);
    expect(updatedAfterClock([file('2026-05-30T00:00:00Z')], now)).toStrictEqual([]);
  });

  it('leaves drafts and scheduled stories, which are not live, alone', () => {
    expect(updatedAfterClock([file('2026-06-02T00:00:00Z', { draft: true })], now)).toStrictEqual(
      [],
    );
    const scheduled = { published: instant('2026-06-01T18:00:00Z') };
    expect(updatedAfterClock([file('2026-06-02T00:00:00Z', scheduled)], now)).toStrictEqual([]);
  });

  it('checks only articles that have an updated', () => {
    const { updated: _, ...article } = file('2026-05-30T00:00:00Z').article;
    expect(updatedAfterClock([{ ...file('2026-05-30T00:00:00Z'), article }], now)).toStrictEqual(
      [],
    );
  });
});
