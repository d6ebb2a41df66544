import { describe, expect, it } from 'vitest';
import {
  ARTICLE_KINDS,
  cutAtWord,
  DERIVED_SUMMARY_MAX_LENGTH,
  FRONT_MATTER_KEYS,
  NOTE_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  WORDS_PER_MINUTE,
} from '../../../src/lib/articles/schema.ts';

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
      'kind',
      'corrections',
      'updates',
    ]);
  });

  it('knows the kinds of story, news first as the default', () => {
    expect(ARTICLE_KINDS).toStrictEqual([
      'news',
      'analysis',
      'interview',
      'opinion',
      'explainer',
      'obituary',
    ]);
  });

  it('limits a correction or update to 1,000 characters', () => {
    expect(NOTE_TEXT_MAX_LENGTH).toBe(1000);
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
