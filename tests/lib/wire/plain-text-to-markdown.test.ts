import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import { plainTextToMarkdown } from '../../../src/lib/wire/plain-text-to-markdown.ts';

/** The plain text a paragraph of Markdown renders to on the site. */
function renderedText(markdown: string): string {
  const result = parseArticle(
    'content/x.md',
    `---\ntitle: T\nsection: S\npublished: 2019-05-22T08:36:00Z\n---\n\n${markdown}\n`,
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.article.text;
}

describe('plainTextToMarkdown', () => {
  it.each([
    ['1. The first point', '1\\. The first point'],
    ['2) The second point', '2\\) The second point'],
    ['2019. A year to remember', '2019\\. A year to remember'],
    ['# of hospitals: 40', '\\# of hospitals: 40'],
    ['- Housing, the ministry said', '\\- Housing, the ministry said'],
    ['+ more', '\\+ more'],
    ['---', '\\---'],
    ['- - -', '\\- - -'],
    ['> quoted', '\\> quoted'],
    ['[1]: a footnote', '\\[1]: a footnote'],
    ['[^1]: a footnote', '\\[^1]: a footnote'],
  ])('escapes "%s" at the start of a paragraph', (text, markdown) => {
    expect(plainTextToMarkdown(text)).toBe(markdown);
    expect(renderedText(markdown)).toBe(text);
  });

  it.each([
    'He said, “It is possible.” The US’ agency [CIA] agreed (mostly).',
    'AT&T and Smith & Sons, 10% more, #1 in the list, 2+2, x - y, 3 > 2',
    '#hashtag trends',
    '-5 degrees in Moscow',
    'www.tass.com and https://tass.com stay text with their links',
  ])('leaves ordinary copy as it is: %s', (text) => {
    expect(plainTextToMarkdown(text)).toBe(text);
    expect(renderedText(text)).toBe(text);
  });

  it.each([
    'the *number* and _share_ of **places**',
    'snake_case_name, a `backtick`, a back\\slash and \\*',
    '<b>bold</b> <script>alert(1)</script> <https://tass.com>',
    '&amp; &#39; &#x27; &copy; stay as written',
    '~5% to ~~6%~~ in [some] regions [see](here) ![img](x.png)',
    '```fenced``` and ~~~tilde~~~',
    '*Also read: a headline ending in a star*',
  ])('escapes inline syntax so that "%s" renders as written', (text) => {
    expect(renderedText(plainTextToMarkdown(text))).toBe(text);
  });
});
