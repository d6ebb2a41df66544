import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import {
  compareProblems,
  formatProblemReport,
  plural,
  problemToString,
  showUnprintable,
  type Problem,
} from '../../../src/lib/articles/problems.ts';

const problem = (
  path: string,
  line?: number,
  column = 1,
  message = 'something is wrong',
): Problem =>
  line === undefined
    ? { path, ruleId: 'test', message }
    : { path, place: { line, column }, ruleId: 'test', message };

describe('problemToString', () => {
  it('reads path:line:column: message', () => {
    expect(problemToString(problem('content/a.md', 4, 12, '"published" has no offset'))).toBe(
      'content/a.md:4:12: "published" has no offset',
    );
  });

  it('reads path: message when the place is unknown', () => {
    expect(
      problemToString(problem('content/a.md', undefined, 1, 'the file is not valid UTF-8')),
    ).toBe('content/a.md: the file is not valid UTF-8');
  });
});

describe('showUnprintable', () => {
  it('writes line breaks and tabs as \\n, \\r and \\t', () => {
    expect(showUnprintable('a\nb\r\nc\td')).toBe('a\\nb\\r\\nc\\td');
  });

  it('writes controls, separators, format characters and lone surrogates as \\u escapes', () => {
    expect(showUnprintable('\u001b[2J\u0000\u0085\u2028\u2029\u202e\u2066\udc00\ud800x')).toBe(
      '\\u001b[2J\\u0000\\u0085\\u2028\\u2029\\u202e\\u2066\\udc00\\ud800x',
    );
    expect(showUnprintable('\u{e0001}')).toBe('\\u{e0001}');
  });

  it('leaves printable text, accents, emoji and backslashes as they are', () => {
    const text = 'Straße in København, 10\u00a0000 — 🇷🇺 \\n C:\\path';
    expect(showUnprintable(text)).toBe(text);
  });

  it('is idempotent, so a message quoting another is not escaped twice', () => {
    expect(showUnprintable(showUnprintable('a\nb'))).toBe('a\\nb');
  });
});

describe('problemToString with hostile text', () => {
  it('keeps a message to one line whatever its key holds', () => {
    const result = parseArticle(
      'content/a.md',
      '---\ntitle: T\nsection: World\npublished: 2026-05-22T08:36:00+03:00\n"x\\ncontent/b.md:1:1: forged": 1\n"\\e[2J": 2\n---\n\nBody.\n',
    );
    expect(result.ok).toBe(false);
    const report = formatProblemReport(result.ok ? [] : result.problems);
    expect(report).toMatchInlineSnapshot(`
      "content/a.md:5:1: unknown key "x\\ncontent/b.md:1:1: forged"; the known keys are title, section, published, updated, summary, dateline, source, author, tags, related, image, slug, draft, kind, corrections, updates
      content/a.md:6:1: unknown key "\\u001b[2J"; the known keys are title, section, published, updated, summary, dateline, source, author, tags, related, image, slug, draft, kind, corrections, updates
      2 problems in 1 article file."
    `);
    expect(report).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(report.split('\n')).toHaveLength(3);
  });

  it('escapes the path too', () => {
    expect(problemToString(problem('content/a\nb.md', 1, 1, 'x'))).toBe('content/a\\nb.md:1:1: x');
  });
});

describe('compareProblems', () => {
  it('orders by path, then line, then column, with placeless problems first in a file', () => {
    const sorted = [
      problem('content/b.md', 2, 1),
      problem('content/a.md', 10, 1),
      problem('content/a.md', 2, 8),
      problem('content/a.md', 2, 3),
      problem('content/a.md'),
    ].sort(compareProblems);
    expect(sorted.map(problemToString)).toStrictEqual([
      'content/a.md: something is wrong',
      'content/a.md:2:3: something is wrong',
      'content/a.md:2:8: something is wrong',
      'content/a.md:10:1: something is wrong',
      'content/b.md:2:1: something is wrong',
    ]);
  });
});

describe('formatProblemReport', () => {
  it('prints one sorted line a problem, then the count of problems and files', () => {
    const report = formatProblemReport([
      problem('content/b.md', 3, 1, 'unknown key "sumary" — did you mean "summary"?'),
      problem('content/a.md', 2, 8, '"title" must be text'),
      problem('content/b.md', 2, 8, '"title" must be text'),
    ]);
    expect(report).toMatchInlineSnapshot(`
      "content/a.md:2:8: "title" must be text
      content/b.md:2:8: "title" must be text
      content/b.md:3:1: unknown key "sumary" — did you mean "summary"?
      3 problems in 2 article files."
    `);
  });

  it('uses the singular for one problem in one file', () => {
    expect(formatProblemReport([problem('content/a.md', 1, 1)])).toBe(
      'content/a.md:1:1: something is wrong\n1 problem in 1 article file.',
    );
  });

  it('counts each file once however many problems it has', () => {
    const report = formatProblemReport([problem('content/a.md', 1), problem('content/a.md', 2)]);
    expect(report.split('\n').at(-1)).toBe('2 problems in 1 article file.');
  });

  it('does not reorder the caller’s list', () => {
    const problems = [problem('content/b.md', 1), problem('content/a.md', 1)];
    formatProblemReport(problems);
    expect(problems.map((found) => found.path)).toStrictEqual(['content/b.md', 'content/a.md']);
  });
});

describe('plural', () => {
  it('adds an s to any count but one', () => {
    expect(plural(0, 'problem')).toBe('0 problems');
    expect(plural(1, 'problem')).toBe('1 problem');
    expect(plural(2, 'article file')).toBe('2 article files');
  });
});
