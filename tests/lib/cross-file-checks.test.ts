/**
 * The checks that span files, over folder fixtures:
 * `tests/fixtures/collections/<case>/content/…`, each case's folder standing
 * in for the project root. Problems are placed where the parser said the
 * values are written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createImageInspector,
  findArticleFiles,
  readSourceFile,
  type ImageFileState,
} from '../../src/lib/article-files.ts';
import { parseArticle } from '../../src/lib/articles/parse.ts';
import { formatProblemReport, type Place, type Problem } from '../../src/lib/articles/problems.ts';
import {
  checkAcrossFiles,
  imagePathsToInspect,
  type CheckedFields,
  type ImageFiles,
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
  const inspect = createImageInspector(rootDir, join(rootDir, 'content'));
  const states = new Map<string, ImageFileState>();
  for (const path of imagePathsToInspect(parsed, 'content')) states.set(path, await inspect(path));
  problems.push(
    ...checkAcrossFiles(parsed, { contentPath: 'content', stateOf: (path) => states.get(path)! }),
  );
  return { parsed, problems };
}

/** Image files where every path is in the state given. */
function everyImage(kind: 'ok' | 'missing'): ImageFiles {
  return { contentPath: 'content', stateOf: () => ({ kind }) };
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

/** Parses files given as text and checks them together; every file must parse. */
function checkTexts(files: Record<string, string>): Problem[] {
  const parsed = Object.entries(files).map(([path, text]): ParsedFile => {
    const result = parseArticle(path, text);
    if (!result.ok) throw new Error(formatProblemReport(result.problems));
    return { path, article: result.article, places: result.places };
  });
  return checkAcrossFiles(parsed, everyImage('ok'));
}

/** A story's text with the front matter lines given after the required keys. */
function story(...lines: string[]): string {
  return [
    '---',
    'title: A story',
    'section: World',
    'published: 2026-03-02T09:00:00+02:00',
    ...lines,
    '---',
    'Body.',
  ].join('\n');
}

describe('tags, authors and sources', () => {
  it('takes tags that differ only in letter case, across sections, as one topic', () => {
    expect(
      checkTexts({
        'content/a.md': story('tags: [Harbour City, Straße]'),
        'content/b.md': story('tags: [harbour city, STRASSE]'),
        // `e` and a combining acute accent: the same name as `é`.
        'content/c.md': story('tags: [HARBOUR CITY, "Cafe\u0301 society"]'),
        'content/d.md': story('tags: [Café Society]'),
      }),
    ).toStrictEqual([]);
  });

  it('lets a tag, an author and a source share a name: each has its own pages', () => {
    expect(
      checkTexts({
        'content/a.md': story('tags: [TASS, Anna Petrova]', 'author: Anna Petrova', 'source: TASS'),
        'content/b.md': story('tags: [tass]', 'author: [Anna Petrova, Ben Okafor]', 'source: TASS'),
      }),
    ).toStrictEqual([]);
  });

  it('reports two tags that make one URL name at every use, each naming where the other is written', () => {
    const problems = checkTexts({
      'content/a.md': story('tags: [telecoms, AT&T]'),
      'content/b.md': story('tags:', '  - AT-T', '  - mergers'),
      'content/c.md': story('tags: [at&t]'),
    });
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/a.md:5:18: the tag "AT&T" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT-T" (content/b.md:6:5); they would share one page: write the name one way in every story (letter case may differ), or make the names differ in their letters or digits
      content/b.md:6:5: the tag "AT-T" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT&T" (content/a.md:5:18 and content/c.md:5:8); they would share one page: write the name one way in every story (letter case may differ), or make the names differ in their letters or digits
      content/c.md:5:8: the tag "at&t" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT-T" (content/b.md:6:5); they would share one page: write the name one way in every story (letter case may differ), or make the names differ in their letters or digits
      3 problems in 3 article files."
    `);
    expect(problems.every((problem) => problem.ruleId === 'tag-collision')).toBe(true);
  });

  it('reports authors and sources that make one URL name, letter case included', () => {
    const problems = checkTexts({
      'content/a.md': story('author: Anna Petrova', 'source: TASS'),
      'content/b.md': story('author: [Ben Okafor, anna petrova]', 'source: Tass'),
    });
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/a.md:5:9: the author "Anna Petrova" makes the URL name "anna-petrova" (/author/anna-petrova/), and so does the author "anna petrova" (content/b.md:5:22); they would share one page: write the name one way in every story, or make the names differ in their letters or digits
      content/a.md:6:9: the source "TASS" makes the URL name "tass" (/source/tass/), and so does the source "Tass" (content/b.md:6:9); they would share one page: write the name one way in every story, or make the names differ in their letters or digits
      content/b.md:5:22: the author "anna petrova" makes the URL name "anna-petrova" (/author/anna-petrova/), and so does the author "Anna Petrova" (content/a.md:5:9); they would share one page: write the name one way in every story, or make the names differ in their letters or digits
      content/b.md:6:9: the source "Tass" makes the URL name "tass" (/source/tass/), and so does the source "TASS" (content/a.md:6:9); they would share one page: write the name one way in every story, or make the names differ in their letters or digits
      4 problems in 2 article files."
    `);
  });

  it('lists three places of the other spelling and counts the rest', () => {
    const files: Record<string, string> = { 'content/odd.md': story('tags: [AT-T]') };
    for (let index = 1; index <= 5; index++) files[`content/${index}.md`] = story('tags: [AT&T]');
    const problems = checkTexts(files);
    expect(problems).toHaveLength(6);
    expect(problems.find((problem) => problem.path === 'content/odd.md')?.message).toBe(
      'the tag "AT-T" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT&T" (content/1.md:5:8, content/2.md:5:8, content/3.md:5:8 and 2 more); they would share one page: write the name one way in every story (letter case may differ), or make the names differ in their letters or digits',
    );
  });

  it('reports a name that makes no URL name, or one too long, at each use', () => {
    const long = 'Very long topic name '.repeat(10).trim();
    const problems = checkTexts({
      'content/a.md': story('tags: [elections, "!!!"]', 'author: "—"', 'source: Интерфакс'),
      'content/b.md': story(`tags: [${long}]`),
    });
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/a.md:5:19: the tag "!!!" has no Latin letters or digits to make a URL name from, so it can have no page; use a name with some
      content/a.md:6:9: the author "—" has no Latin letters or digits to make a URL name from, so it can have no page; use a name with some
      content/a.md:7:9: the source "Интерфакс" has no Latin letters or digits to make a URL name from, so it can have no page; use a name with some
      content/b.md:5:8: the tag "Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name Very long topic name" makes a URL name of 209 characters, and the limit is 200 (it names a folder of the site); use a shorter name
      4 problems in 2 article files."
    `);
    expect(problems.map((problem) => problem.ruleId)).toStrictEqual([
      'tag-slug',
      'tag-slug-too-long',
      'author-slug',
      'source-slug',
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
        tags: [],
        authors: [],
        source: undefined,
        related: [],
        image: undefined,
        bodyImages: [],
        draft: false,
        published: instant('2019-05-22T08:36:00+03:00'),
        ...fields,
      },
      places: { section: { line: 3, column: 10 }, tags: [], authors: [], related, bodyImages: [] },
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
      everyImage('missing'),
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
      everyImage('ok'),
    );
    expect(problems.map((problem) => problem.place)).toStrictEqual([
      { line: 1, column: 1 },
      { line: 1, column: 1 },
    ]);
  });
});

describe('image files', () => {
  it('refuses files that are not what their names say, folders, links out and paths out', async () => {
    const { problems } = await check('hostile-images');
    // The link and the path out lead to a file of the case's own, which is never read.
    expect(formatProblemReport(problems)).not.toContain('SECRET');
    // A lead image with an extension in capitals, and a chart as graphics programs export it, pass.
    expect(problems.filter((problem) => problem.path.endsWith('good-images.md'))).toStrictEqual([]);
    expect(formatProblemReport(problems)).toMatchInlineSnapshot(`
      "content/2019/05/body-images.md:8:10: the image ./chart.png names content/2019/05/chart.png, which is a folder, not an image file; name the image file inside it, or rename the folder
      content/2019/05/body-images.md:14:32: the image ./chart%FF.png has a "%" escape that stands for no character (such as %FF), so it names no file; write a percent sign in a file name as %25
      content/2019/05/body-images.md:16:33: the image ./onload.svg names content/2019/05/onload.svg, which holds an event handler attribute (onload) (line 2, column 6); the site publishes only SVG files that can run no script and load no other file, so remove it, or export the image again as PNG
      content/2019/05/body-images.md:18:35: the image ./broken.svg names content/2019/05/broken.svg, which is not a well-formed SVG file (line 4, column 1: the end tag </svg> does not match the open element <g>); export it again from the program that made it
      content/2019/05/body-images.md:20:33: the image ./html-root.svg names content/2019/05/html-root.svg, which is not a well-formed SVG file (line 1, column 1: the root element is <html>, not <svg>); export it again from the program that made it
      content/2019/05/lead-folder.md:6:8: "image.src" names content/2019/05/folder.jpg, which is a folder, not an image file; name the image file inside it, or rename the folder
      content/2019/05/lead-in-drafts.md:6:8: "image.src" names content/_drafts/photo.png, in a file or folder whose name starts with _ or ., which the site does not publish; put the image beside the article
      content/2019/05/lead-link-outside.md:6:8: "image.src" names content/2019/05/linked.png, a symbolic link to a file outside the content folder or in a part of it the site ignores; put the image file itself beside the article
      content/2019/05/lead-not-image.md:6:8: "image.src" names content/2019/05/notes.png, which is not a PNG file: its bytes are not those of any image type the site takes; save it again as JPEG, PNG, WebP, AVIF, GIF or SVG
      content/2019/05/lead-outside.md:6:8: "image.src" (../../../secret.png) points outside the content folder; put the image beside the article
      content/2019/05/lead-png-named-jpg.md:6:8: "image.src" names content/2019/05/really-a-png.jpg, which is not a JPEG file: its bytes are those of a PNG image; rename it to really-a-png.png, or save it again as JPEG
      content/2019/05/lead-script-svg.md:6:8: "image.src" names content/2019/05/script.svg, which holds a <script> element (line 3, column 3); the site publishes only SVG files that can run no script and load no other file, so remove it, or export the image again as PNG
      12 problems in 8 article files."
    `);
  });
});
