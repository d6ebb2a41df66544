import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/lib/articles/markdown.ts';
import {
  nearestKey,
  normalizeNewlines,
  placeInFrontMatter,
  placeOfListItem,
} from '../../../src/lib/articles/parse.ts';
import { FRONT_MATTER_KEYS } from '../../../src/lib/articles/schema.ts';

const SOURCE = [
  '---',
  'title: Security chief speaks',
  'related:',
  '  - cia-director-visit',
  '  - cia-director-visit',
  '  - svr-annual-report',
  'image:',
  '  src: ./naryshkin.jpg',
  '  alt: Sergei Naryshkin',
  '---',
  'Body.',
  '',
].join('\n');

describe('nearestKey', () => {
  it('suggests the known key a typo was meant to be', () => {
    expect(nearestKey('sumary', FRONT_MATTER_KEYS)).toBe('summary');
    expect(nearestKey('titel', FRONT_MATTER_KEYS)).toBe('title');
    expect(nearestKey('Tags', FRONT_MATTER_KEYS)).toBe('tags');
    expect(nearestKey('publised', FRONT_MATTER_KEYS)).toBe('published');
  });

  it('suggests nothing when no known key is close', () => {
    expect(nearestKey('colour', FRONT_MATTER_KEYS)).toBeUndefined();
    expect(nearestKey('category', FRONT_MATTER_KEYS)).toBeUndefined();
  });
});

describe('normalizeNewlines', () => {
  it('drops a byte-order mark and turns CRLF and CR into LF, keeping line numbers', () => {
    expect(normalizeNewlines('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(normalizeNewlines('a\uFEFF')).toBe('a\uFEFF');
  });
});

describe('placeInFrontMatter', () => {
  it('finds a value’s line and column in the file', () => {
    expect(placeInFrontMatter(SOURCE, ['title'])).toStrictEqual({ line: 2, column: 8 });
    expect(placeInFrontMatter(SOURCE, ['related', 2])).toStrictEqual({ line: 6, column: 5 });
    expect(placeInFrontMatter(SOURCE, ['image', 'src'])).toStrictEqual({ line: 8, column: 8 });
  });

  it('falls back to the nearest enclosing value, then to the opening line', () => {
    expect(placeInFrontMatter(SOURCE, ['image', 'caption'])).toStrictEqual({ line: 8, column: 3 });
    expect(placeInFrontMatter(SOURCE, ['slug'])).toStrictEqual({ line: 1, column: 1 });
  });

  it('counts lines the same with a byte-order mark and CRLF', () => {
    const crlf = `\uFEFF${SOURCE.replace(/\n/g, '\r\n')}`;
    expect(placeInFrontMatter(crlf, ['image', 'src'])).toStrictEqual({ line: 8, column: 8 });
  });

  it('gives the first line of a file without front matter', () => {
    expect(placeInFrontMatter('Body only.\n', ['title'])).toStrictEqual({ line: 1, column: 1 });
  });
});

describe('placeOfListItem', () => {
  it('finds the first item with a value, whatever repeats come before it', () => {
    expect(placeOfListItem(SOURCE, 'related', 'svr-annual-report')).toStrictEqual({
      line: 6,
      column: 5,
    });
    expect(placeOfListItem(SOURCE, 'related', 'cia-director-visit')).toStrictEqual({
      line: 4,
      column: 5,
    });
  });

  it('falls back to the list when no item has the value', () => {
    expect(placeOfListItem(SOURCE, 'related', 'no-such-story')).toStrictEqual({
      line: 4,
      column: 3,
    });
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits in any script, apostrophes inside words', () => {
    expect(countWords('Naryshkin’s remarks in 2019 — «Важно», he said.')).toBe(7);
    expect(countWords('')).toBe(0);
    expect(countWords('  — ! ')).toBe(0);
  });
});
