/**
 * Pins the runtime exports of the article pipeline's modules: pages,
 * loaders and scripts build on these names, so adding, renaming or removing
 * one should be a decision that shows up in review.
 */
import { describe, expect, it } from 'vitest';

const modules: Record<string, () => Promise<object>> = {
  'articles/parse': () => import('../../src/lib/articles/parse.ts'),
  'articles/problems': () => import('../../src/lib/articles/problems.ts'),
  'articles/schema': () => import('../../src/lib/articles/schema.ts'),
  'articles/slug': () => import('../../src/lib/articles/slug.ts'),
  'articles/front-matter': () => import('../../src/lib/articles/front-matter.ts'),
  'articles/markdown': () => import('../../src/lib/articles/markdown.ts'),
  'articles/error-map': () => import('../../src/lib/articles/error-map.ts'),
  'articles/images': () => import('../../src/lib/articles/images.ts'),
  'articles/source-text': () => import('../../src/lib/articles/source-text.ts'),
  'articles/body-image-places': () => import('../../src/lib/articles/body-image-places.ts'),
  'articles/limits': () => import('../../src/lib/articles/limits.ts'),
  'articles/svg-check': () => import('../../src/lib/articles/svg-check.ts'),
  'did-you-mean': () => import('../../src/lib/did-you-mean.ts'),
  'article-files': () => import('../../src/lib/article-files.ts'),
  'cross-file-checks': () => import('../../src/lib/cross-file-checks.ts'),
  publication: () => import('../../src/lib/publication.ts'),
  instant: () => import('../../src/lib/instant.ts'),
  clock: () => import('../../src/lib/clock.ts'),
  collection: () => import('../../src/lib/collection.ts'),
  sanitize: () => import('../../src/lib/sanitize.ts'),
  'build-cache/article-list': () => import('../../src/lib/build-cache/article-list.ts'),
  'build-cache/body-html': () => import('../../src/lib/build-cache/body-html.ts'),
};

describe('module exports', () => {
  it('stay as pinned', async () => {
    const exports: Record<string, string[]> = {};
    for (const [name, load] of Object.entries(modules)) {
      exports[name] = Object.keys(await load()).sort();
    }
    expect(exports).toMatchInlineSnapshot(`
      {
        "article-files": [
          "createImageInspector",
          "findArticleFiles",
          "isIgnoredPath",
          "listArticleFiles",
          "readSourceFile",
          "toPosix",
        ],
        "articles/body-image-places": [
          "placeBodyImages",
        ],
        "articles/error-map": [
          "issuesToProblems",
          "yamlErrorToProblem",
        ],
        "articles/front-matter": [
          "MAX_YAML_ALIASES",
          "readFrontMatter",
        ],
        "articles/images": [
          "IMAGE_EXTENSIONS",
          "IMAGE_HEADER_LENGTH",
          "LEAD_IMAGE_DIR",
          "bodyImagePath",
          "checkImageBytes",
          "hasImageExtension",
          "imageTypeOfPath",
          "isLocalImageUrl",
          "isRemoteImage",
          "leadImageCopyPath",
          "resolveArticlePath",
          "sniffImageType",
        ],
        "articles/limits": [
          "MAX_BLOCK_MARKERS",
          "MAX_FILE_LENGTH",
          "MAX_LINES",
          "MAX_NESTING_DEPTH",
          "MAX_PARAGRAPH_MARKS",
          "checkLength",
          "checkNesting",
          "scanForLimits",
        ],
        "articles/markdown": [
          "countWords",
          "parseMarkdown",
          "renderBody",
        ],
        "articles/parse": [
          "parseArticle",
          "parseFailure",
        ],
        "articles/problems": [
          "compareProblems",
          "formatProblemReport",
          "plural",
          "problemToString",
          "showUnprintable",
        ],
        "articles/schema": [
          "ARTICLE_KINDS",
          "ArticleSchema",
          "DERIVED_SUMMARY_MAX_LENGTH",
          "FRONT_MATTER_KEYS",
          "FrontMatterSchema",
          "NOTE_TEXT_MAX_LENGTH",
          "TITLE_MAX_LENGTH",
          "WORDS_PER_MINUTE",
          "cutAtWord",
        ],
        "articles/slug": [
          "MAX_SLUG_LENGTH",
          "SLUG_PATTERN",
          "isSlug",
          "pathToSlug",
          "textToSlug",
        ],
        "articles/source-text": [
          "cleanSourceText",
          "dropForbiddenCharacters",
        ],
        "articles/svg-check": [
          "checkSvg",
        ],
        "build-cache/article-list": [
          "ARTICLE_LIST_FILE",
          "ArticleListError",
          "DEV_ARTICLE_LIST_FILE",
          "readArticleList",
          "writeArticleList",
        ],
        "build-cache/body-html": [
          "BODY_HTML_DIR",
          "bodyHtmlFile",
          "bodyHtmlToken",
          "readBodyHtml",
          "removeUnusedBodyHtml",
          "writeBodyHtml",
        ],
        "clock": [
          "CLOCK_VARIABLE",
          "ClockError",
          "buildClock",
          "readClock",
        ],
        "collection": [
          "loadCollection",
          "parseSourceFile",
        ],
        "cross-file-checks": [
          "checkAcrossFiles",
          "imagePathsToInspect",
        ],
        "did-you-mean": [
          "nearestKey",
        ],
        "instant": [
          "EARLIEST_INSTANT_MS",
          "LATEST_INSTANT_MS",
          "dateToInstant",
          "isInstant",
          "parseInstant",
        ],
        "publication": [
          "publicationStatus",
          "sortNewestFirst",
          "updatedAfterClock",
        ],
        "sanitize": [
          "bodySanitizeSchema",
          "rehypeAlignToClass",
          "rehypeLinkPrefixedIds",
          "rehypeMendSanitized",
          "rehypeShiftHeadings",
        ],
      }
    `);
  });
});
