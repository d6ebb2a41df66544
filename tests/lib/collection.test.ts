/**
 * Loading the whole collection (every file read, parsed and checked
 * together) and publication at a clock, over folder fixtures:
 * `tests/fixtures/collections/<case>/content/…`, each case's folder standing
 * in for the project root.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblemReport, problemToString } from '../../src/lib/articles/problems.ts';
import { loadCollection, parseSourceFile, type Collection } from '../../src/lib/collection.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'collections');
/** The clock of the publication cases. */
const NOW = Date.parse('2026-06-01T00:00:00Z');

function load(
  name: string,
  options: { now?: number; includeUnpublished?: boolean } = {},
): Promise<Collection> {
  const rootDir = join(FIXTURES, name);
  return loadCollection({
    rootDir,
    contentDir: join(rootDir, 'content'),
    now: options.now ?? NOW,
    includeUnpublished: options.includeUnpublished ?? false,
    parse: parseSourceFile,
  });
}

describe('finding files', () => {
  it('loads only article files, leaving out those whose names start with _ or .', async () => {
    const collection = await load('ignored-files');
    expect(collection.fileCount).toBe(1);
    expect(collection.problems).toStrictEqual([]);
    expect(collection.articles.map((article) => article.slug)).toStrictEqual(['kept-story']);
  });

  it('warns of .markdown and .mdx files and symbolic links it leaves out, without failing', async () => {
    const collection = await load('ignored-files');
    expect(collection.warnings.map(problemToString)).toMatchInlineSnapshot(`
      [
        "content/2019/05/interactive.MDX: the site reads only .md files, so this .mdx file is left out; if it is an article, rename it to interactive.md",
        "content/2019/05/linked-story.md: this article file is a symbolic link, which the site does not follow, so it is left out; put the article file itself here",
        "content/2019/05/old-story.markdown: the site reads only .md files, so this .markdown file is left out; if it is an article, rename it to old-story.md",
        "content/2019/linked-folder: this folder is a symbolic link, which the site does not follow, so it is left out; put the folder itself here",
      ]
    `);
  });

  it('checks the bytes of the image files articles name, reading none outside the content folder', async () => {
    const collection = await load('hostile-images');
    const report = formatProblemReport(collection.problems);
    expect(report).toMatch(/\n12 problems in 8 article files\.$/);
    expect(report).not.toContain('SECRET');
    expect(collection.articles.map((article) => article.slug)).toContain('good-images');
  });

  it('reports a missing content folder as a problem instead of throwing', async () => {
    const collection = await load('no-such-case');
    expect(formatProblemReport(collection.problems)).toBe(
      'content: the content folder does not exist; create it and put the article files in it\n1 problem in 1 article file.',
    );
  });

  it('reports a file that is not UTF-8 and still loads the others', async () => {
    const collection = await load('non-utf-8');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/latin-1.md: the file is not valid UTF-8; save it as UTF-8 in your editor
      1 problem in 1 article file."
    `);
    expect(collection.articles.map((article) => article.title)).toStrictEqual([
      'Société générale in UTF-8',
    ]);
  });
});

describe('publication', () => {
  it('leaves drafts and scheduled articles out at the clock, counting them', async () => {
    const collection = await load('publication');
    expect(collection.articles.map((article) => article.slug)).toStrictEqual([
      'on-the-clock',
      'live-story',
    ]);
    expect(collection.left).toStrictEqual({ drafts: 1, scheduled: 1 });
    expect(collection.fileCount).toBe(4);
  });

  it('publishes a scheduled article once the clock passes it', async () => {
    const collection = await load('publication', { now: NOW + 1000 });
    expect(collection.articles.map((article) => article.slug)).toContain('scheduled-story');
    expect(collection.left).toStrictEqual({ drafts: 1, scheduled: 0 });
  });

  it('includes drafts and scheduled articles with includeUnpublished', async () => {
    const collection = await load('publication', { includeUnpublished: true });
    expect(collection.articles.map((article) => article.slug)).toStrictEqual([
      'scheduled-story',
      'on-the-clock',
      'live-story',
      'draft-story',
    ]);
    expect(collection.left).toStrictEqual({ drafts: 0, scheduled: 0 });
  });
});

describe('order', () => {
  it('sorts articles newest first by the instant, not by the text, ties by slug', async () => {
    const collection = await load('sorting');
    expect(collection.articles.map((article) => article.slug)).toStrictEqual([
      'b-newest-by-instant',
      'c-middle',
      'c-tie-first',
      'd-tie-second',
      'a-oldest',
    ]);
  });
});

describe('every problem in one run', () => {
  it('collects the problems of every file and of the files together', async () => {
    const collection = await load('every-problem');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/2024/01/bad-keys.md:2:8: "title" must be text, but YAML reads 1984 as a number; put it in quotes: "1984"
      content/2024/01/bad-keys.md:5:1: unknown key "sumary" — did you mean "summary"?
      content/2024/01/bad-related.md:4:12: "published" has no offset, so the moment is ambiguous; add the offset of the place it was filed, as 2019-05-22T08:36:00+03:00, or Z for UTC
      content/2024/01/good-related.md:5:11: "related" names "no-such-story", but no article has that slug
      content/2024/01/good-related.md:7:8: "image.src" names content/2024/01/missing.png, which does not exist; put the image beside the article or fix the path
      content/2024/01/good-story.md:1:1: the slug "good-story" is also used by content/2024/02/good-story.md; every article needs its own (rename a file or add a "slug" key)
      content/2024/02/good-story.md:1:1: the slug "good-story" is also used by content/2024/01/good-story.md; every article needs its own (rename a file or add a "slug" key)
      content/2024/02/no-front-matter.md:1:1: the file does not start with front matter; its first line must be "---", then the keys (title, section, published, …), then "---" again
      8 problems in 6 article files."
    `);
    expect(collection.fileCount).toBe(6);
  });
});
