/**
 * Places in front matter: where a value, a key or a list item is written,
 * and where a problem goes when the value is not there.
 */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/lib/articles/front-matter.ts';

/** The block between the `---` lines of a file whose first line is `---`. */
const YAML = [
  'title: Security chief speaks',
  'related:',
  '  - cia-director-visit',
  '  - cia-director-visit',
  '  - svr-annual-report',
  'image:',
  '  src: ./naryshkin.jpg',
  '  alt: Sergei Naryshkin',
  '',
].join('\n');

const yaml = readFrontMatter(YAML, 2);

describe('placeOfValue', () => {
  it('finds a value’s line and column in the file', () => {
    expect(yaml.placeOfValue(['title'])).toStrictEqual({ line: 2, column: 8 });
    expect(yaml.placeOfValue(['related', 2])).toStrictEqual({ line: 6, column: 5 });
    expect(yaml.placeOfValue(['image', 'src'])).toStrictEqual({ line: 8, column: 8 });
  });

  it('falls back to the nearest enclosing value, then to the opening line', () => {
    expect(yaml.placeOfValue(['image', 'caption'])).toStrictEqual({ line: 8, column: 3 });
    expect(yaml.placeOfValue(['slug'])).toStrictEqual({ line: 1, column: 1 });
  });
});

describe('placeOfKey', () => {
  it('finds the key itself', () => {
    expect(yaml.placeOfKey(['image', 'alt'])).toStrictEqual({ line: 9, column: 3 });
  });
});

describe('placeOfItem', () => {
  it('finds the first item with a value, whatever repeats come before it', () => {
    expect(yaml.placeOfItem(['related'], 'svr-annual-report')).toStrictEqual({
      line: 6,
      column: 5,
    });
    expect(yaml.placeOfItem(['related'], 'cia-director-visit')).toStrictEqual({
      line: 4,
      column: 5,
    });
  });

  it('falls back to the list when no item has the value', () => {
    expect(yaml.placeOfItem(['related'], 'no-such-story')).toStrictEqual({
      line: 4,
      column: 3,
    });
  });

  it('falls back to the key’s value when it is not a list', () => {
    expect(yaml.placeOfItem(['title'], 'x')).toStrictEqual({ line: 2, column: 8 });
  });
});
