/**
 * Property: whatever a file holds, `parseArticle` returns, quickly, either a
 * record or problems; it never throws. A record holds no character the site
 * must not put on a page, and every problem prints as one line.
 *
 * Files are made from what breaks parsers and pages: control characters,
 * line and paragraph separators, lone surrogates, YAML escapes, tags and
 * aliases, nesting far past the limits, huge lines and odd keys. The seed is
 * fixed and the runs bounded, so the test takes a few seconds and fails the
 * same way every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_LENGTH } from '../../../src/lib/articles/limits.ts';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import { problemToString } from '../../../src/lib/articles/problems.ts';

/** Longest any one file may take to parse, in milliseconds: files here are small or refused. */
const TIME_BOUND_MS = 3000;

/** Characters that break pages, terminals or lines. */
const hostileCharacter = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009B',
  '\u2028',
  '\u2029',
  '\u202E',
  '\u2066',
  '\uFDD0',
  '\uFEFF',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\u{1FFFE}',
  '\r',
  '\r\n',
  '\t',
  '\n',
);

/** Text with hostile characters among any others. */
const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), hostileCharacter), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** What YAML double quotes turn into control characters and stray halves. */
const yamlEscape = fc.constantFrom(
  '\\0',
  '\\a',
  '\\b',
  '\\e',
  '\\N',
  '\\L',
  '\\P',
  '\\v',
  '\\uFFFE',
  '\\uD800',
  '\\uDC00',
  '\\x1B[2J',
  '\\n',
  '\\r',
);

/** A YAML value, well or badly formed. */
const yamlValue = fc.oneof(
  text.map((value) => JSON.stringify(value)),
  fc
    .array(fc.oneof(yamlEscape, fc.string({ maxLength: 6 })), { maxLength: 8 })
    .map((parts) => `"${parts.join('').replace(/"/g, '')}"`),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '!!binary R2FzIHRhbGtz',
    '!!set { a, b }',
    '!!timestamp 2001-12-14',
    '!!omap [a: 1]',
    '!custom x',
    '&anchor value',
    '*anchor',
    '*missing',
    '[a, b, [c, [d]]]',
    '{ src: ./a.png, alt: x }',
    '{ src: "https://user:pass@example.org/a.jpg", alt: x }',
    '0999-12-31T23:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-05-22T08:36:00+03:00',
    '2026-05-22',
    'yes',
    '1984',
    '~',
    '|\n  block\n  text',
    '>-\n  folded',
  ),
  fc
    .tuple(fc.constantFrom('[', '{a: ', '- '), fc.integer({ min: 30, max: 3000 }))
    .map(([unit, count]) => unit.repeat(count)),
);

/** A key: one the contract knows, or anything, line breaks and escapes included. */
const yamlKey = fc.oneof(
  fc.constantFrom(
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
    'sumary',
  ),
  text.map((key) => JSON.stringify(key)),
  fc.constantFrom('"ti\\ntle"', '"\\e[2J"', '"a\\u202Eb"', '? complex', '<<'),
);

/** A billion laughs of `levels` levels, `width` aliases wide. */
const aliasBomb = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }))
  .map(([levels, width]) =>
    Array.from({ length: levels }, (_, level) =>
      level === 0
        ? `k0: &a0 [${Array(width).fill('lol').join(', ')}]`
        : `k${level}: &a${level} [${Array(width)
            .fill(`*a${level - 1}`)
            .join(', ')}]`,
    ).join('\n'),
  );

const frontMatter = fc
  .tuple(
    fc.array(
      fc.tuple(yamlKey, yamlValue).map(([key, value]) => `${key}: ${value}`),
      { maxLength: 8 },
    ),
    fc.option(aliasBomb, { nil: undefined }),
    fc.boolean(),
  )
  .map(([lines, bomb, valid]) =>
    [
      ...(valid
        ? ['title: A story', 'section: World', 'published: 2026-05-22T08:36:00+03:00']
        : []),
      ...lines,
      ...(bomb === undefined ? [] : [bomb]),
    ].join('\n'),
  );

/**
 * A valid article whose text fields all hold hostile characters, written as
 * YAML escapes or as they are: the fields must reach the record clean.
 */
const hostileFields = fc
  .array(
    fc.oneof(
      text.map((value) => JSON.stringify(`x${value}`)),
      yamlValueWithEscapes(),
    ),
    {
      minLength: 9,
      maxLength: 9,
    },
  )
  .map(([title, section, summary, dateline, source, author, tag, alt, caption]) =>
    [
      `title: ${title}`,
      `section: ${section}`,
      'published: 2026-05-22T08:36:00+03:00',
      `summary: ${summary}`,
      `dateline: ${dateline}`,
      `source: ${source}`,
      `author: [${author}]`,
      `tags: [${tag}]`,
      `image: { src: ./photo.jpg, alt: ${alt}, caption: ${caption} }`,
    ].join('\n'),
  );

/** A double-quoted YAML value of text and escapes, never empty once cleaned. */
function yamlValueWithEscapes() {
  const plain = fc.string({ maxLength: 6 }).map((part) => part.replace(/["\\]/g, ''));
  return fc
    .array(fc.oneof(yamlEscape, plain), { maxLength: 8 })
    .map((parts) => `"x${parts.join('')}"`);
}

/** Markdown that nests, repeats or runs long: each unit repeated past or near the limits. */
const pathological = fc
  .tuple(
    fc.constantFrom(
      '- ',
      '> ',
      '1. ',
      '*a ',
      ' b*',
      '**',
      '_a ',
      '~~a ',
      '[',
      ']',
      '](u)',
      '![',
      '<div>',
      '</div>',
      '<span>',
      '<b><i>',
      '<table><tr><td>',
      '`',
      '\\',
      '&amp;',
      'a* ',
      '[a]',
      '- a\n\nP\n\n',
      '> a\nb\n\n',
      'a\n=\n',
      '|a|\n|-|\n',
      '  ',
      'www.example.org ',
      '[^1]',
      '<!--',
      '```\n',
    ),
    fc.integer({ min: 1, max: 3000 }),
  )
  .map(([unit, count]) => unit.repeat(count));

/** A body of ordinary pieces, hostile text and pathological runs. */
const body = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: text },
      { weight: 2, arbitrary: pathological },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 1000, max: 60_000 })
          .map((length) => 'word '.repeat(length / 5)),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '\n\n',
          '\n',
          '# Heading\n',
          '![chart](./chart.svg)',
          '<img src="x.png" onerror="alert(1)">',
          '<script>alert(1)</script>',
          '[link](javascript:alert(1))',
          '| a | b |\n| - | :-: |\n| 1 | 2 |\n',
          '[^1]: A note.\n',
          '---\n',
        ),
      },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A whole file: front matter and body, or no front matter, or any text at all. */
const file = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.tuple(hostileFields, body).map(([yaml, md]) => `---\n${yaml}\n---\n\n${md}x`),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(frontMatter, body).map(([yaml, md]) => `---\n${yaml}\n---\n\n${md}`),
  },
  { weight: 1, arbitrary: body },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** Characters no page may hold; the parser drops them from every field. */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in `value`, at any depth. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

describe('parseArticle on any input', () => {
  it('returns a clean record or one-line problems, within the time bound, and never throws', () => {
    fc.assert(
      fc.property(file, (source) => {
        const started = performance.now();
        const result = parseArticle('content/story.md', source);
        const elapsed = performance.now() - started;
        expect(elapsed, `${source.length} characters took ${elapsed} ms`).toBeLessThan(
          TIME_BOUND_MS,
        );
        if (result.ok) {
          expect(source.length).toBeLessThanOrEqual(MAX_FILE_LENGTH);
          for (const value of strings(result.article)) expect(value).not.toMatch(FORBIDDEN);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            const line = problemToString(problem);
            expect(line).toMatch(/^content\/story\.md(:\d+:\d+)?: \S/);
            expect(line).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
          }
        }
      }),
      { seed: 20_261_129, numRuns: 150 },
    );
  });
});
