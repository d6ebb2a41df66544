import { describe, expect, it } from 'vitest';
import { ARTICLE_KINDS } from '../../src/lib/articles/schema.ts';
import { kindToLabel } from '../../src/lib/story-kind.ts';

describe('kindToLabel', () => {
  it('labels every kind but news', () => {
    expect(ARTICLE_KINDS.map(kindToLabel)).toEqual([
      undefined,
      'Analysis',
      'Interview',
      'Opinion',
      'Explainer',
      'Obituary',
    ]);
  });
});
