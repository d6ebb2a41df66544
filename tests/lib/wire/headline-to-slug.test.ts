import { describe, expect, it } from 'vitest';
import { isSlug } from '../../../src/lib/articles/slug.ts';
import { headlineToSlug, WIRE_SLUG_MAX_LENGTH } from '../../../src/lib/wire/headline-to-slug.ts';

describe('headlineToSlug', () => {
  it('shortens a long headline at the last hyphen within the limit', () => {
    const slug = headlineToSlug(
      'Security chief does not rule out restoring contacts between Russian, US intel services',
    );
    expect(slug).toBe('security-chief-does-not-rule-out-restoring-contacts-between');
    expect(slug.length).toBeLessThanOrEqual(WIRE_SLUG_MAX_LENGTH);
  });

  it('keeps a last word that ends exactly at the limit', () => {
    const headline = `${'abcd '.repeat(11)}abcde extra`;
    expect(headlineToSlug(headline)).toBe(`${'abcd-'.repeat(11)}abcde`);
    expect(headlineToSlug(headline)).toHaveLength(WIRE_SLUG_MAX_LENGTH);
  });

  it('keeps short headlines whole and cuts a single over-long word at the limit', () => {
    expect(headlineToSlug('Putin, Xi meet in Beijing')).toBe('putin-xi-meet-in-beijing');
    expect(headlineToSlug('x'.repeat(80))).toBe('x'.repeat(WIRE_SLUG_MAX_LENGTH));
  });

  it('always gives a valid slug, or nothing for a headline without Latin letters or digits', () => {
    expect(isSlug(headlineToSlug(`"Nyet": ${'Lavrov-says '.repeat(10)}`))).toBe(true);
    expect(headlineToSlug('Переговоры')).toBe('');
  });
});
