/**
 * The limits that keep parsing one file fast and within the stack: each is
 * tested just past it (one problem, placed, at once) and at it (the file
 * still parses), and pathological files that used to crash or hang the
 * parser are refused in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCK_MARKERS,
  MAX_FILE_LENGTH,
  MAX_LINES,
  MAX_NESTING_DEPTH,
  MAX_PARAGRAPH_MARKS,
} from '../../../src/lib/articles/limits.ts';
import { parseArticle, type ParseResult } from '../../../src/lib/articles/parse.ts';
import { formatProblemReport } from '../../../src/lib/articles/problems.ts';

const FRONT_MATTER =
  '---\ntitle: A story\nsection: World\npublished: 2026-05-22T08:36:00+03:00\n---\n\n';
/** The line the body starts on. */
const BODY_LINE = 7;

function parseBody(body: string): ParseResult {
  return parseArticle('content/story.md', FRONT_MATTER + body);
}

/** The one problem of a file, as a report line; fails when the file parses. */
function onlyProblem(result: ParseResult): string {
  if (result.ok) expect.fail('the file parsed, but a problem was expected');
  expect(result.problems, formatProblemReport(result.problems)).toHaveLength(1);
  return formatProblemReport(result.problems).split('\n')[0]!;
}

function expectParses(result: ParseResult): void {
  expect(result.ok, result.ok ? '' : formatProblemReport(result.problems)).toBe(true);
}

/** Runs `parse` and fails if it takes longer than `ms`. */
function within<T>(ms: number, parse: () => T): T {
  const started = performance.now();
  const result = parse();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

/** `count` copies of `unit`. */
const times = (unit: string, count: number) => unit.repeat(count);
const nestedList = (depth: number) => `${times('- ', depth)}deep\n`;
const nestedQuote = (depth: number) => `${times('> ', depth)}deep\n`;
const nestedEmphasis = (depth: number) => `${times('*a ', depth)}x${times(' b*', depth)}\n`;
const nestedLinks = (depth: number) =>
  `${times('[', depth)}x${times('](https://example.org)', depth)}\n`;
const nestedHtml = (depth: number) => `${times('<div>', depth)}x${times('</div>', depth)}\n`;

describe('file length', () => {
  it(`refuses a file of more than ${MAX_FILE_LENGTH} characters before reading it`, () => {
    const body = times('Word ', (MAX_FILE_LENGTH - FRONT_MATTER.length) / 5 + 1);
    expect(within(100, () => onlyProblem(parseBody(body)))).toBe(
      `content/story.md:1:1: the file is ${(FRONT_MATTER.length + body.length).toLocaleString('en-US')} characters long; the limit is 250,000 (about 40,000 words), so split the story`,
    );
  });

  it('parses a file of exactly the limit', () => {
    const words = times('Word ', (MAX_FILE_LENGTH - FRONT_MATTER.length - 1) / 5);
    const body = `${words}${times('x', MAX_FILE_LENGTH - FRONT_MATTER.length - words.length)}`;
    expect(FRONT_MATTER.length + body.length).toBe(MAX_FILE_LENGTH);
    expectParses(parseBody(body));
  });
});

describe('lines', () => {
  const linesOfBody = MAX_LINES - BODY_LINE;

  it(`refuses a file of more than ${MAX_LINES} lines, at the first line past it`, () => {
    expect(onlyProblem(parseBody(`${times('Line\n', linesOfBody + 1)}Line`))).toBe(
      `content/story.md:${MAX_LINES + 1}:1: the file has more than 3,000 lines; join hard-wrapped lines into paragraphs, or split the story`,
    );
  });

  it('parses a file of exactly the limit, with or without a last line break', () => {
    expectParses(parseBody(`${times('Line\n', linesOfBody)}Line`));
    expectParses(parseBody(`${times('Line\n', linesOfBody)}Line\n`));
  });
});

describe('nesting', () => {
  it.each([
    ['lists', nestedList, 'this line opens more than 32 lists and block quotes inside one another'],
    ['block quotes', nestedQuote, 'this line opens more than 32 lists and block quotes'],
    ['emphasis', nestedEmphasis, 'emphasis marks and link brackets open more than 32 deep here'],
    ['links', nestedLinks, 'emphasis marks and link brackets open more than 32 deep here'],
    ['HTML elements', nestedHtml, 'more than 32 HTML elements are open here, inside one another'],
  ])('refuses %s nested one level too deep, and parses them at the limit', (_, nest, reason) => {
    expect(onlyProblem(parseBody(nest(MAX_NESTING_DEPTH + 1)))).toContain(reason);
    expectParses(parseBody(nest(MAX_NESTING_DEPTH)));
  });

  it('places the problem at the first mark past the limit', () => {
    expect(onlyProblem(parseBody(nestedList(MAX_NESTING_DEPTH + 1)))).toMatch(
      new RegExp(`^content/story.md:${BODY_LINE}:${2 * MAX_NESTING_DEPTH + 1}: `),
    );
    expect(onlyProblem(parseBody(nestedHtml(MAX_NESTING_DEPTH + 1)))).toMatch(
      new RegExp(`^content/story.md:${BODY_LINE}:${5 * MAX_NESTING_DEPTH + 1}: `),
    );
  });

  it('counts nesting across kinds in the parsed body: quotes holding emphasis', () => {
    const half = MAX_NESTING_DEPTH / 2;
    expect(onlyProblem(parseBody(`${times('> ', half)}${nestedEmphasis(half + 1)}`))).toBe(
      `content/story.md:${BODY_LINE}:${2 * half + 1 + 3 * half}: lists, block quotes, emphasis and links are nested more than 32 deep here; at most 32 levels are allowed`,
    );
    expectParses(parseBody(`${times('> ', half)}${nestedEmphasis(half)}`));
  });

  it('still checks the front matter of a body nested too deep', () => {
    const result = parseArticle(
      'content/story.md',
      `---\ntitle: A story\nsection: World\n---\n\n${times('> ', 16)}${nestedEmphasis(17)}`,
    );
    expect(result.ok ? [] : result.problems.map((problem) => problem.ruleId).sort()).toStrictEqual([
      'missing-key',
      'nesting-too-deep',
    ]);
  });

  it('lets a list of lists nested by indentation reach the limit, and no further', () => {
    const indented = (depth: number) =>
      Array.from({ length: depth }, (_, level) => `${times('  ', level)}- item`).join('\n');
    expectParses(parseBody(indented(MAX_NESTING_DEPTH)));
    expect(onlyProblem(parseBody(indented(MAX_NESTING_DEPTH + 1)))).toContain(
      'nested more than 32 deep',
    );
  });

  it('does not count thematic breaks as lists, or closed and self-closing HTML as open', () => {
    expectParses(parseBody(`Before.\n\n${times('- ', 40)}\n\nAfter.\n`));
    expectParses(parseBody(`Text.\n\n${times('* ', 20)}${times('- ', 20)}\n`));
    expectParses(parseBody(times('<span>a</span> <br> <img alt="" src="x.png"> ', 40)));
    // A table written without end tags, as HTML allows.
    expectParses(parseBody(`<table>\n${times('<tr><td>a<td>b\n', 40)}</table>\n`));
    // An end tag closes the elements inside its element, as the HTML parser does.
    expectParses(parseBody(times('<div><span><b>text</div>\n\n', 40)));
  });

  it('does not count HTML tags in code spans or fenced code as open', () => {
    expectParses(parseBody(times('The `<div>` element, and ``<span class="`a`">``.\n\n', 40)));
    expectParses(parseBody(`\`\`\`html\n${times('<div class="a">\n', 40)}\`\`\`\n\nAfter.\n`));
    expectParses(parseBody(`~~~~\n${times('<section>\n', 40)}~~~\n~~~~\n`));
    // The fence closed, tags count again; a run of backticks unclosed opens no span.
    expect(onlyProblem(parseBody(`\`\`\`\ncode\n\`\`\`\n${nestedHtml(33)}`))).toContain(
      'more than 32 HTML elements are open here',
    );
    expect(onlyProblem(parseBody(`\`\`a\` ${nestedHtml(33)}`))).toContain(
      'more than 32 HTML elements are open here',
    );
  });

  it('still counts marks in what looks like code', () => {
    expect(onlyProblem(parseBody(`\`${nestedEmphasis(33)}\``))).toContain(
      'emphasis marks and link brackets open more than 32 deep',
    );
  });

  it('counts an end tag that closes nothing as nothing', () => {
    expect(onlyProblem(parseBody(times('<div></span>', MAX_NESTING_DEPTH + 1)))).toContain(
      'more than 32 HTML elements are open here',
    );
  });

  it('lets escaped marks and brackets be text', () => {
    expectParses(parseBody(`${times('\\[\\*', MAX_NESTING_DEPTH + 10)}\n`));
  });
});

describe('block markers', () => {
  it(`refuses more than ${MAX_BLOCK_MARKERS} list items and quote markers in a file`, () => {
    // Two markers a line: a quote holding a list.
    const items = times('> - item\n', MAX_BLOCK_MARKERS / 2);
    expectParses(parseBody(items));
    expect(onlyProblem(parseBody(`${items}> - one more\n`))).toBe(
      `content/story.md:${BODY_LINE + MAX_BLOCK_MARKERS / 2}:1: the file has more than 3,000 list items and block-quote markers (>); split the story`,
    );
  });
});

describe('emphasis marks and brackets in a paragraph', () => {
  const marks = (count: number) => times('*a* ', count / 2);

  it(`refuses more than ${MAX_PARAGRAPH_MARKS} in one paragraph, at the first past it`, () => {
    expect(onlyProblem(parseBody(`${marks(MAX_PARAGRAPH_MARKS)}[x]\n`))).toBe(
      `content/story.md:${BODY_LINE}:${4 * (MAX_PARAGRAPH_MARKS / 2) + 1}: this paragraph has more than 500 emphasis marks, brackets and starts of HTML comments (*, _, ~, [, ], <!, <?); split it into paragraphs, or write a \\ before each one meant as text (\\*)`,
    );
    expectParses(parseBody(`${marks(MAX_PARAGRAPH_MARKS)}\n`));
  });

  it('counts each paragraph, list item and table row on its own', () => {
    expectParses(parseBody(`${marks(MAX_PARAGRAPH_MARKS)}\n\n${marks(MAX_PARAGRAPH_MARKS)}\n`));
    expectParses(parseBody(times(`- ${marks(300)}\n`, 3)));
    expectParses(parseBody(`| a | b |\n| - | - |\n${times(`| ${marks(300)} | b |\n`, 3)}`));
  });

  it('counts a paragraph whose lines only look like table rows as one paragraph', () => {
    // Two cells in the header, one in the delimiter row: no table.
    const lines = `| a | b |\n| - |\n${times(`| ${marks(300)} |\n`, 2)}`;
    expect(onlyProblem(parseBody(lines))).toContain('this paragraph has more than 500');
  });

  it('does not count marks that can neither open nor close', () => {
    expectParses(parseBody(`${times('snake_case_name 2 * 3 ', MAX_PARAGRAPH_MARKS)}\n`));
  });
});

describe('pathological files', () => {
  it.each([
    ['list markers on one line', `${times('- ', 2000)}x`],
    ['block quote markers', times('>', 3000)],
    ['nested HTML', times('<div>', 3000)],
    ['nested inline HTML', `a ${times('<span>', 3000)}`],
    ['nested emphasis', nestedEmphasis(3000)],
    ['emphasis runs', `${times('*', 5000)}a${times('*', 5000)}`],
    ['nested links', nestedLinks(3000)],
    ['closing marks', times('a* ', 40000)],
    ['brackets', times('[a]', 40000)],
    ['HTML comments never closed', times('x <!--', 8000)],
    ['processing instructions never closed', times('x <?', 8000)],
    ['lists between paragraphs', times('- a\n\nPara.\n\n', 4000)],
    ['setext headings', times('a\n=\n', 4000)],
  ])('refuses %s in milliseconds', (_, body) => {
    within(500, () => onlyProblem(parseBody(body)));
  });
});
