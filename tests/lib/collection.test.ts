/**
 * The checks that span files, and publication at a clock, over folder
 * fixtures: `tests/fixtures/collections/<case>/content/…`, each case's folder
 * standing in for the project root.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblemReport } from '../../src/lib/articles/problems.ts';
import {
  findArticleFiles,
  loadCollection,
  parseSourceFile,
  publicationStatus,
  sortNewestFirst,
  type Collection,
} from '../../src/lib/collection.ts';
import type { Article } from '../../src/lib/articles/schema.ts';
import { instant } from '../helpers/instant.ts';

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

describe('duplicate slugs', () => {
  it('names every file that shares a slug, each problem at that file’s slug or first line', async () => {
    const collection = await load('duplicate-slugs');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/2019/05/summit-opens.md:1:1: the slug "summit-opens" is also used by content/2019/06/summit-opens.md, content/2019/07/second-summit.md; every article needs its own (rename a file or add a "slug" key)
      content/2019/06/summit-opens.md:1:1: the slug "summit-opens" is also used by content/2019/05/summit-opens.md, content/2019/07/second-summit.md; every article needs its own (rename a file or add a "slug" key)
      content/2019/07/second-summit.md:6:7: the slug "summit-opens" is also used by content/2019/05/summit-opens.md, content/2019/06/summit-opens.md; every article needs its own
      3 problems in 3 article files."
    `);
    expect(collection.problems.every((problem) => problem.ruleId === 'slug-duplicate')).toBe(true);
  });
});

describe('section names', () => {
  it('reports two section names that make the same URL name, and lets different ones be', async () => {
    const collection = await load('section-collision');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/robots-arrive.md:3:10: the section "Science & Technology" has the same URL name "science-technology" as "Science Technology" (in content/lab-opens.md); write the section name one way
      1 problem in 1 article file."
    `);
    expect(collection.articles.map((article) => article.section.slug).sort()).toStrictEqual([
      'science-and-technology',
      'science-technology',
      'science-technology',
    ]);
  });
});

describe('related', () => {
  it('reports a slug no article has and the article naming itself, at the list item', async () => {
    const collection = await load('related');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/naryshkin-svr-contacts.md:7:5: "related" names "no-such-story", but no article has that slug
      content/naryshkin-svr-contacts.md:8:5: "related" lists the article itself ("naryshkin-svr-contacts"); remove it
      content/repeated-related.md:5:51: "related" names "missing-story", but no article has that slug
      3 problems in 2 article files."
    `);
    expect(collection.problems.map((problem) => problem.ruleId)).toStrictEqual([
      'related-missing',
      'related-self',
      'related-missing',
    ]);
  });
});

describe('images', () => {
  it('reports a relative image that is missing or not an image, and accepts present and https: ones', async () => {
    const collection = await load('images');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/2019/05/missing-photo.md:7:8: "image.src" names content/2019/05/missing.jpg, which does not exist; put the image beside the article or fix the path
      content/2019/05/not-an-image.md:6:8: "image.src" (./notes.pdf) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG
      2 problems in 2 article files."
    `);
    expect(collection.problems.map((problem) => problem.ruleId)).toStrictEqual([
      'image-missing',
      'image-type',
    ]);
  });
});

describe('images in bodies', () => {
  it('reports body images that are missing, outside the article folder or not images, at their place', async () => {
    const collection = await load('body-images');
    expect(formatProblemReport(collection.problems)).toMatchInlineSnapshot(`
      "content/2019/05/bad-images.md:8:12: the image ./missing.png names content/2019/05/missing.png, which does not exist; put the image beside the article or fix the path
      content/2019/05/bad-images.md:10:11: the image ../shared/photo.png lies outside the article's folder; put it beside the article (or in a folder below it)
      content/2019/05/bad-images.md:12:10: the image ./notes.txt is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG
      3 problems in 1 article file."
    `);
    expect(
      collection.articles.find((article) => article.slug === 'good-images')?.bodyImages,
    ).toStrictEqual(['./photo.png', 'img/map.png']);
  });
});

describe('finding files', () => {
  it('ignores files and folders whose names start with _ or ., and files that are not .md', async () => {
    const rootDir = join(FIXTURES, 'ignored-files');
    expect(await findArticleFiles(rootDir, join(rootDir, 'content'))).toStrictEqual([
      'content/2019/05/kept-story.md',
    ]);
    const collection = await load('ignored-files');
    expect(collection.fileCount).toBe(1);
    expect(collection.problems).toStrictEqual([]);
    expect(collection.articles.map((article) => article.slug)).toStrictEqual(['kept-story']);
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

describe('publicationStatus', () => {
  const published = instant('2026-06-01T03:00:00+03:00');

  it('counts an article published at the clock as published', () => {
    expect(publicationStatus({ draft: false, published }, published.epochMs)).toBe('published');
  });

  it('counts an article published after the clock as scheduled', () => {
    expect(publicationStatus({ draft: false, published }, published.epochMs - 1)).toBe('scheduled');
  });

  it('counts a draft as a draft whatever its date', () => {
    expect(publicationStatus({ draft: true, published }, published.epochMs + 1)).toBe('draft');
    expect(publicationStatus({ draft: true, published }, published.epochMs - 1)).toBe('draft');
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

  it('sorts the same whatever order the articles come in', () => {
    const a = { slug: 'a', published: instant('2025-01-01T00:00:00Z') };
    const b = { slug: 'b', published: instant('2025-01-01T03:00:00+03:00') };
    const c = { slug: 'c', published: instant('2025-01-02T00:00:00Z') };
    const slugs = (articles: Pick<Article, 'slug' | 'published'>[]) =>
      sortNewestFirst(articles).map((article) => article.slug);
    expect(slugs([a, b, c])).toStrictEqual(['c', 'a', 'b']);
    expect(slugs([c, b, a])).toStrictEqual(['c', 'a', 'b']);
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
