/**
 * Fixture cases: tests/fixtures/wire/<case>/input.txt is wire copy; the case
 * expects either expected.md (the article file) or errors.txt (the problems,
 * one a line). options.json holds parser options such as { "year": 2019 };
 * an existing/ folder holds articles that related headlines can name.
 *
 * Run with UPDATE=1 to rewrite the expectations from what the code does now.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import { problemToString } from '../../../src/lib/articles/problems.ts';
import { findArticleFiles, readSourceFile } from '../../../src/lib/article-files.ts';
import { ArticleIndex } from '../../../src/lib/wire/article-index.ts';
import { parseWireCopy, type WireOptions } from '../../../src/lib/wire/parse-wire-copy.ts';
import { wireToMarkdown } from '../../../src/lib/wire/wire-to-markdown.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/wire');
const UPDATE = Boolean(process.env['UPDATE']);

const cases = (await readdir(FIXTURES, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The articles of a case's existing/ folder, as the importer indexes an output folder. */
async function loadExisting(caseDir: string): Promise<ArticleIndex> {
  const index = new ArticleIndex();
  const existing = join(caseDir, 'existing');
  if (!existsSync(existing)) return index;
  for (const path of await findArticleFiles(caseDir, existing)) {
    const file = await readSourceFile(caseDir, path);
    if ('message' in file) throw new Error(`${path}: ${file.message}`);
    const result = parseArticle(file.path, file.text);
    if (!result.ok) throw new Error(result.problems.map(problemToString).join('\n'));
    index.add(result.article);
  }
  return index;
}

/** The expectation file's text, or a failing placeholder that says how to make it. */
async function readExpected(path: string): Promise<string> {
  return existsSync(path) ? readFile(path, 'utf8') : `(missing ${path}; run with UPDATE=1)`;
}

describe('wire copy fixtures', () => {
  it.each(cases)('%s: gives expected.md or errors.txt', async (name) => {
    const caseDir = join(FIXTURES, name);
    const input = await readFile(join(caseDir, 'input.txt'), 'utf8');
    const optionsPath = join(caseDir, 'options.json');
    const options = existsSync(optionsPath)
      ? (JSON.parse(await readFile(optionsPath, 'utf8')) as WireOptions)
      : {};
    const markdownPath = join(caseDir, 'expected.md');
    const errorsPath = join(caseDir, 'errors.txt');

    const result = parseWireCopy('input.txt', input, options);
    if (!result.ok) {
      const errors = `${result.problems.map(problemToString).join('\n')}\n`;
      if (UPDATE) {
        await writeFile(errorsPath, errors);
        await rm(markdownPath, { force: true });
      }
      expect(errors).toBe(await readExpected(errorsPath));
      return;
    }

    const article = wireToMarkdown(result.story, await loadExisting(caseDir));
    if (UPDATE) {
      await writeFile(markdownPath, article.markdown);
      await rm(errorsPath, { force: true });
    }
    expect(article.markdown).toBe(await readExpected(markdownPath));

    // The file is a valid article whose body reads exactly as the copy did.
    const parsed = parseArticle(`content/${article.path}`, article.markdown);
    if (!parsed.ok) throw new Error(parsed.problems.map(problemToString).join('\n'));
    const expectedText = result.story.paragraphs
      .filter((paragraph) => !(paragraph.isHeadline && !article.alsoRead.includes(paragraph.text)))
      .map((paragraph) => (paragraph.isHeadline ? `Also read: ${paragraph.text}` : paragraph.text))
      .join('\n\n');
    expect(parsed.article.text).toBe(expectedText);
    expect(parsed.article.related).toEqual(article.related);
  });
});
