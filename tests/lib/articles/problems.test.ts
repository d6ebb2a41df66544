import { describe, expect, it } from 'vitest';
import {
  compareProblems,
  formatProblemReport,
  plural,
  problemToString,
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
