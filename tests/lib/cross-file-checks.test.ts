/**
 * The checks that span files, over folder fixtures:
 * `tests/fixtures/collections/<case>/content/…`, each case's folder standing
 * in for the project root. Problems are placed where the parser said the
 * values are written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleFiles, readSourceFile } from '../../src/lib/article-files.ts';
import { parseArticle } from '../../src/lib/articles/parse.ts';
import { formatProblemReport, type Place, type Problem } from '../../src/lib/articles/problems.ts';
import {
  checkAcrossFiles,
  type CheckedFields,
  type ParsedFile,
} from '../../src/lib/cross-file-checks.ts';
import { instant } from '../helpers/instant.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'collections');

/** Parses every file of a case and checks them together. */
async function check(name: string): Promise<{ parsed: ParsedFile[]; problems: Problem[] }> {
  const rootDir = join(FIXTURES, name);
  const parsed: ParsedFile[] = [];
  const problems: Problem[] = [];
  for (const path of await findArticleFiles(rootDir, join(rootDir, 'content'))) {
    const file = await readSourceFile(rootDir, path);
    if ('message' in file) throw new Error(file.message);
    const result = parseArticle(file.path, file.text);
    if (result.ok) parsed.push({ path, article: result.article, places: result.places });
    else problems.push(...result.problems);
  }
  problems.push(...checkAcrossFiles(parsed, (path) => existsSync(join(rootDir, path))));
  return { parsed, problems };
}

describe('duplicate slugs', () => {
  it('names every file that shares a slug, each problem at that file’s slug or first line', async () => {
    const { problems } = await check('duplicate-slugs');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/2019/05/summit-opens.md:1:1: the slug "summit-opens" is also used by content/2019/06/summit-opens.md, content/2019/07/second-summit.md; every article needs its own (rename a file or add a "slug" key)
      content/2019/06/summit-opens.md:1:1: the slug "summit-opens" is also used by content/2019/05/summit-opens.md, content/2019/07/second-summit.md; every article needs its own (rename a file or add a "slug" key)
      content/2019/07/second-summit.md:6:7: the slug "summit-opens" is also used by content/2019/05/summit-opens.md, content/2019/06/summit-opens.md; every article needs its own
      3 problems in 3 article files."
    `);
    expect(problems.every((problem) => problem.ruleId === 'slug-duplicate')).toBe(true);
  });
});

describe('section names', () => {
  it('reports two section names that make the same URL name, and lets different ones be', async () => {
    const { parsed, problems } = await check('section-collision');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/robots-arrive.md:3:10: the section "Science & Technology" has the same URL name "science-technology" as "Science Technology" (in content/lab-opens.md); write the section name one way
      1 problem in 1 article file."
    `);
    expect(parsed.map(({ article }) => article.section.slug).sort()).toStrictEqual([
      'science-and-technology',
      'science-technology',
      'science-technology',
    ]);
  });
});

describe('related', () => {
  it('reports a slug no article has and the article naming itself, at the list item', async () => {
    const { problems } = await check('related');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/naryshkin-svr-contacts.md:7:5: "related" names "no-such-story", but no article has that slug
      content/naryshkin-svr-contacts.md:8:5: "related" lists the article itself ("naryshkin-svr-contacts"); remove it
      content/repeated-related.md:5:51: "related" names "missing-story", but no article has that slug
      3 problems in 2 article files."
    `);
    expect(problems.map((problem) => problem.ruleId)).toStrictEqual([
      'related-missing',
      'related-self',
      'related-missing',
    ]);
  });
});

describe('images', () => {
  it('reports a relative image that is missing or not an image, and accepts present and https: ones', async () => {
    const { problems } = await check('images');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/2019/05/missing-photo.md:7:8: "image.src" names content/2019/05/missing.jpg, which does not exist; put the image beside the article or fix the path
      content/2019/05/not-an-image.md:6:8: "image.src" (./notes.pdf) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG
      2 problems in 2 article files."
    `);
    expect(problems.map((problem) => problem.ruleId)).toStrictEqual([
      'image-missing',
      'image-type',
    ]);
  });

  it('refuses TIFF images, which the image service cannot process, even when the files exist', async () => {
    const { problems } = await check('tiff-images');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/2019/05/scanned-letter.md:6:8: "image.src" (./scan.tiff) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG
      content/2019/05/scanned-letter.md:11:10: the image ./chart.tif is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG
      2 problems in 1 article file."
    `);
    expect(problems.map((problem) => problem.ruleId)).toStrictEqual([
      'image-type',
      'body-image-type',
    ]);
  });
});

describe('images in bodies', () => {
  it('reports body images that are missing, outside the article folder or not images, at their place', async () => {
    const { parsed, problems } = await check('body-images');
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/2019/05/bad-images.md:8:12: the image ./missing.png names content/2019/05/missing.png, which does not exist; put the image beside the article or fix the path
      content/2019/05/bad-images.md:10:11: the image ../shared/photo.png lies outside the article's folder; put it beside the article (or in a folder below it)
      content/2019/05/bad-images.md:12:10: the image ./notes.txt is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG
      3 problems in 1 article file."
    `);
    expect(
      parsed.find(({ article }) => article.slug === 'good-images')?.article.bodyImages,
    ).toStrictEqual(['./photo.png', 'img/map.png']);
  });
});

describe('places', () => {
  /** A checked article whose places are the section's and the related items given. */
  function parsedFile(
    path: string,
    fields: Partial<CheckedFields>,
    related: Place[] = [],
  ): ParsedFile<CheckedFields> {
    return {
      path,
      article: {
        slug: 'story',
        section: { name: 'World', slug: 'world' },
        related: [],
        image: undefined,
        bodyImages: [],
        draft: false,
        published: instant('2019-05-22T08:36:00+03:00'),
        ...fields,
      },
      places: { section: { line: 3, column: 10 }, related, bodyImages: [] },
    };
  }

  it('names the places the parser gave, reading no file', () => {
    const problems = checkAcrossFiles(
      [
        parsedFile('content/a.md', { slug: 'a', related: ['b', 'missing'] }, [
          { line: 6, column: 5 },
          { line: 7, column: 5 },
        ]),
        parsedFile('content/b.md', { slug: 'b' }),
      ],
      () => false,
    );
    expect(problems).toStrictEqual([
      {
        path: 'content/a.md',
        place: { line: 7, column: 5 },
        ruleId: 'related-missing',
        message: '"related" names "missing", but no article has that slug',
      },
    ]);
  });

  it('places a duplicate slug taken from the file name on the first line', () => {
    const problems = checkAcrossFiles(
      [parsedFile('content/2019/story.md', {}), parsedFile('content/2020/story.md', {})],
      () => true,
    );
    expect(problems.map((problem) => problem.place)).toStrictEqual([
      { line: 1, column: 1 },
      { line: 1, column: 1 },
    ]);
  });
});
