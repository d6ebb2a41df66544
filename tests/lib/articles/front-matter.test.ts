/**
 * Reading front matter: where a value, a key or a list item is written
 * (and where a problem goes when the value is not there), the text values
 * cleaned as the body is, and the limits on aliases and nesting.
 */
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES, readFrontMatter } from '../../../src/lib/articles/front-matter.ts';
import { MAX_NESTING_DEPTH } from '../../../src/lib/articles/limits.ts';

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

describe('text values', () => {
  it('drops the characters the body drops from every string, at any depth', () => {
    const { data } = readFrontMatter(
      [
        'title: "Gas\\0 talks\\a stall\\e in\\N Dushanbe\\uFFFE\\uD800"',
        'tags: ["Gas\\x7F", "Energy\\uDC00"]',
        'image: { alt: "A table\\0 with flags", caption: "\\u0085" }',
      ].join('\n'),
      2,
    );
    expect(data).toStrictEqual({
      title: 'Gas talks stall in Dushanbe',
      tags: ['Gas', 'Energy'],
      image: { alt: 'A table with flags', caption: '' },
    });
  });

  it('keeps what YAML makes of a tag (bytes, dates) for the schema to refuse', () => {
    const { data } = readFrontMatter('title: !!binary R2Fz\nwhen: !!timestamp 2001-12-14', 2);
    expect((data as Record<string, unknown>)['title']).toBeInstanceOf(Uint8Array);
    expect((data as Record<string, unknown>)['when']).toBeInstanceOf(Date);
  });

  it('cleans a block whose aliases make it hold itself, without looping', () => {
    const { data, syntaxErrors } = readFrontMatter('image: &a { alt: "x\\0", self: *a }', 2);
    expect(syntaxErrors).toStrictEqual([]);
    const image = (data as { image: { alt: string; self: unknown } }).image;
    expect(image.alt).toBe('x');
    expect(image.self).toBe(image);
  });
});

describe('limits', () => {
  const aliases = (count: number) =>
    ['title: &t Gas talks', ...Array.from({ length: count }, (_, index) => `k${index}: *t`)].join(
      '\n',
    );

  it(`reads up to ${MAX_YAML_ALIASES} aliases, and refuses one more at its place`, () => {
    expect(readFrontMatter(aliases(MAX_YAML_ALIASES), 2).syntaxErrors).toStrictEqual([]);
    const { data, syntaxErrors } = readFrontMatter(aliases(MAX_YAML_ALIASES + 1), 2);
    expect(data).toBeUndefined();
    expect(syntaxErrors).toStrictEqual([
      {
        code: 'TOO_MANY_ALIASES',
        message: 'more than 10 aliases',
        place: { line: MAX_YAML_ALIASES + 3, column: 6 },
      },
    ]);
  });

  it(`refuses lists and maps nested more than ${MAX_NESTING_DEPTH} deep before reading them`, () => {
    const flow = (depth: number) => `title: ${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(readFrontMatter(flow(MAX_NESTING_DEPTH), 2).syntaxErrors).toStrictEqual([]);
    expect(readFrontMatter(flow(MAX_NESTING_DEPTH + 1), 2).syntaxErrors).toStrictEqual([
      {
        code: 'NESTING_TOO_DEEP',
        message: 'nested more than 32 deep',
        place: { line: 2, column: 8 + MAX_NESTING_DEPTH },
      },
    ]);
    const blockLists = (depth: number) => `title:\n${'- '.repeat(depth)}x`;
    expect(readFrontMatter(blockLists(MAX_NESTING_DEPTH), 2).syntaxErrors).toStrictEqual([]);
    expect(readFrontMatter(blockLists(MAX_NESTING_DEPTH + 1), 2).syntaxErrors).toMatchObject([
      { code: 'NESTING_TOO_DEEP', place: { line: 3, column: 1 + 2 * MAX_NESTING_DEPTH } },
    ]);
  });

  it('reports a block too deep for the reader once, as one problem', () => {
    // Nested by indentation, which the scan above does not measure.
    const deep = Array.from({ length: 3000 }, (_, level) => `${' '.repeat(level)}a:`).join('\n');
    const { syntaxErrors } = readFrontMatter(`title:\n${deep} x`, 2);
    expect(
      syntaxErrors.filter((error) => error.code === 'RESOURCE_EXHAUSTION').length,
    ).toBeLessThanOrEqual(1);
  });
});
