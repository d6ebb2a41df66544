/**
 * The Markdown side of an article file. The parser leaves out GFM
 * extensions that cannot apply to a file; these tests hold it to remark-gfm:
 * on every fixture, on synthetic stories and on the edge of each
 * extension's test, the trees must be the same. And the body's word count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { countWords, parseMarkdown } from '../../../src/lib/articles/markdown.ts';
import { syntheticArticle } from '../../../scripts/lib/synthetic-articles.ts';
import { PROJECT_ROOT } from '../../../scripts/lib/site-project.ts';

const reference = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm);

function expectSameTree(text: string): void {
  const { frontMatter, body } = parseMarkdown(text);
  const expected = reference.parse(text);
  expect([...(frontMatter ? [frontMatter] : []), ...body.children]).toStrictEqual(
    expected.children,
  );
}

const EDGE_CASES = {
  'a table with pipes': '| a | b |\n| - | - |\n| 1 | 2 |\n',
  'a one-column table without a pipe': 'Head\n:-\ncell\n',
  'a right-aligned one-column table': 'Head\n-:\ncell\n',
  'a setext heading, not a table': 'Head\n---\n',
  'a www link': 'See www.example.com/a_b_c for more.\n',
  'a www link in capitals': 'See WWW.EXAMPLE.COM today.\n',
  'an http link': 'See http://example.com/a_b_ and https://example.org.\n',
  'an e-mail address': 'Write to desk@example.com or mailto:desk@example.com.\n',
  'a footnote': 'A claim.[^1]\n\n[^1]: The source.\n',
  strikethrough: 'It was ~~not~~ ~so~.\n',
  'a task list': '- [ ] open\n- [x] done\n- [X] also done\n',
  'no extension at all': '# Title\n\nA paragraph with *emphasis* and a [link](/a).\n',
};

describe('parseMarkdown', () => {
  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(`parses ${name} as remark-gfm does`, () => {
      expectSameTree(`---\ntitle: A\n---\n${text}`);
    });
  }

  it('parses every fixture article as remark-gfm does', () => {
    const fixtures = join(PROJECT_ROOT, 'tests/fixtures/articles');
    const names = readdirSync(fixtures);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      expectSameTree(readFileSync(join(fixtures, name, 'input.md'), 'utf8'));
    }
  });

  it('parses synthetic stories as remark-gfm does', () => {
    for (let index = 0; index < 200; index++) expectSameTree(syntheticArticle(index).text);
  });
});

describe('countWords', () => {
  it('counts runs of letters and digits in any script, apostrophes inside words', () => {
    expect(countWords('Naryshkin’s remarks in 2019 — «Важно», he said.')).toBe(7);
    expect(countWords('')).toBe(0);
    expect(countWords('  — ! ')).toBe(0);
  });
});
