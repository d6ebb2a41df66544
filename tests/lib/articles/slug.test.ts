import { describe, expect, it } from 'vitest';
import { isSlug, pathToSlug, SLUG_PATTERN, textToSlug } from '../../../src/lib/articles/slug.ts';

describe('isSlug', () => {
  it.each(['naryshkin-svr-contacts', 'g20', '2019-summit', 'a'])('accepts %j', (value) => {
    expect(isSlug(value)).toBe(true);
  });

  it.each([
    ['capitals', 'Naryshkin-SVR'],
    ['a double hyphen', 'naryshkin--svr'],
    ['a leading hyphen', '-naryshkin'],
    ['a trailing hyphen', 'naryshkin-'],
    ['an underscore', 'naryshkin_svr'],
    ['a space', 'naryshkin svr'],
    ['an accent', 'café'],
    ['nothing', ''],
  ])('rejects a slug with %s', (_, value) => {
    expect(isSlug(value)).toBe(false);
  });

  it('is the same rule as SLUG_PATTERN', () => {
    expect(SLUG_PATTERN.test('naryshkin-svr')).toBe(true);
    expect(SLUG_PATTERN.test('naryshkin--svr')).toBe(false);
  });
});

describe('textToSlug', () => {
  it('makes a section name a URL name', () => {
    expect(textToSlug('Russian Politics & Diplomacy')).toBe('russian-politics-diplomacy');
  });

  it('drops accents', () => {
    expect(textToSlug('Café Société')).toBe('cafe-societe');
    expect(textToSlug('Škoda Ţară Ñandú')).toBe('skoda-tara-nandu');
  });

  it('spells out Latin letters that have no accent to drop', () => {
    expect(textToSlug('Straße in København')).toBe('strasse-in-kobenhavn');
    expect(textToSlug('Łódź Œuvre Ærø Þing')).toBe('lodz-oeuvre-aero-thing');
  });

  it('makes every run of other characters one hyphen and trims hyphens', () => {
    expect(textToSlug('  Science -- & -- Technology!  ')).toBe('science-technology');
  });

  it('keeps digits', () => {
    expect(textToSlug('G20 Summit 2019')).toBe('g20-summit-2019');
  });

  it('returns an empty string when no Latin letter or digit survives', () => {
    expect(textToSlug('Политика')).toBe('');
    expect(textToSlug('& !')).toBe('');
  });

  it('always returns a valid slug or nothing', () => {
    for (const text of ['Russian Politics & Diplomacy', 'Straße', '--x--', 'Ａｂｃ']) {
      expect(isSlug(textToSlug(text))).toBe(true);
    }
  });
});

describe('pathToSlug', () => {
  it('takes the base name without .md', () => {
    expect(pathToSlug('content/2019/05/naryshkin-svr.md')).toBe('naryshkin-svr');
  });

  it('drops the extension whatever its case', () => {
    expect(pathToSlug('content/naryshkin-svr.MD')).toBe('naryshkin-svr');
  });

  it('keeps a base name that is not a valid slug as it is, for the parser to report', () => {
    expect(pathToSlug('content/2019/Naryshkin SVR.md')).toBe('Naryshkin SVR');
  });

  it('works for a file at the top', () => {
    expect(pathToSlug('story.md')).toBe('story');
  });
});
