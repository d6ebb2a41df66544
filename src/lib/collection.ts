/**
 * The whole collection: find every article file, parse each, check what
 * spans files (the image files articles name among it), and decide what is
 * published at the build's clock.
 *
 * Reads files but no clock or environment: `now` is passed in.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import {
  createImageInspector,
  listArticleFiles,
  readSourceFile,
  toPosix,
  type ImageFileState,
  type SourceFile,
} from './article-files.ts';
import { parseArticle, type ParseResult } from './articles/parse.ts';
import type { Problem } from './articles/problems.ts';
import type { Article } from './articles/schema.ts';
import {
  checkAcrossFiles,
  imagePathsToInspect,
  type CheckedFields,
  type ParsedFile,
} from './cross-file-checks.ts';
import { publicationStatus, sortNewestFirst, updatedAfterClock } from './publication.ts';

/** What loading the collection found. */
export interface Collection<T extends CheckedFields = Article> {
  /** Every valid article that is published at `now` (or every one, with `includeUnpublished`), newest first. */
  articles: T[];
  /** Every problem of every file, and of the files taken together. */
  problems: Problem[];
  /** Files left out that may have been meant as articles (`.markdown` files, symbolic links): worth a word, not a failure. */
  warnings: Problem[];
  /** How many valid articles were left out, and why. */
  left: { drafts: number; scheduled: number };
  /** How many article files were found. */
  fileCount: number;
  /** How many article files were read (the others were answered by `reuse`). */
  readCount: number;
}

/** How to load the collection. */
export interface LoadOptions<T extends CheckedFields = Article> {
  /** The project root; problem paths are relative to it. */
  rootDir: string;
  /** The folder that holds the articles. */
  contentDir: string;
  /** The build's clock: articles published after it are scheduled. */
  now: number;
  /** Keep drafts and scheduled articles (dev mode). */
  includeUnpublished: boolean;
  /** Parses one file: `parseSourceFile`, or a caller's cache around it. */
  parse: (file: SourceFile) => ParseResult<T> | Promise<ParseResult<T>>;
  /**
   * Answers for a file without reading it, when a caller's cache knows it
   * is unchanged since it was parsed; undefined to read and parse it.
   */
  reuse?: (path: string) => Promise<ParseResult<T> | undefined>;
  /**
   * Tells what is at an image path: the content folder's inspector by
   * default, or a caller's cache around it (given that inspector).
   */
  inspectImage?: (
    path: string,
    inspect: (path: string) => Promise<ImageFileState>,
  ) => Promise<ImageFileState>;
}

/** Parses a source file with `parseArticle`. */
export function parseSourceFile(file: SourceFile): ParseResult {
  return parseArticle(file.path, file.text);
}

/** Loads, parses and checks every article. Never throws for bad articles. */
export async function loadCollection<T extends CheckedFields>(
  options: LoadOptions<T>,
): Promise<Collection<T>> {
  if (!existsSync(options.contentDir)) {
    return {
      articles: [],
      problems: [
        {
          path: toPosix(relative(options.rootDir, options.contentDir)) || '.',
          ruleId: 'content-missing',
          message: 'the content folder does not exist; create it and put the article files in it',
        },
      ],
      warnings: [],
      left: { drafts: 0, scheduled: 0 },
      fileCount: 0,
      readCount: 0,
    };
  }
  const { paths, skipped } = await listArticleFiles(options.rootDir, options.contentDir);
  const problems: Problem[] = [];
  const parsed: ParsedFile<T>[] = [];

  // Files are read and parsed a bounded number at a time, so that a parser
  // on worker threads stays busy without holding every file in memory. Only
  // the parsed records are kept, not the files' text.
  let readCount = 0;
  const outcomes = await mapInOrder(paths, LOAD_CONCURRENCY, async (path) => {
    const reused = await options.reuse?.(path);
    if (reused) return { path, result: reused };
    readCount++;
    const file = await readSourceFile(options.rootDir, path);
    if ('message' in file) return { path, problem: file };
    return { path, result: await options.parse(file) };
  });
  for (const outcome of outcomes) {
    if (!outcome.result) problems.push(outcome.problem);
    else if (outcome.result.ok) {
      const { article, places } = outcome.result;
      parsed.push({ path: outcome.path, article, places });
    } else problems.push(...outcome.result.problems);
  }

  // Image files are read (the first bytes of each, an SVG whole) a bounded
  // number at a time too, each once however many articles name it.
  const contentPath = toPosix(relative(options.rootDir, options.contentDir));
  const inspect = createImageInspector(options.rootDir, options.contentDir);
  const imagePaths = imagePathsToInspect(parsed, contentPath);
  const states = new Map<string, ImageFileState>();
  await mapInOrder(imagePaths, LOAD_CONCURRENCY, async (path) => {
    states.set(path, await (options.inspectImage?.(path, inspect) ?? inspect(path)));
  });
  problems.push(
    ...checkAcrossFiles(parsed, {
      contentPath,
      stateOf: (path) => states.get(path) ?? { kind: 'missing' },
    }),
  );
  problems.push(...updatedAfterClock(parsed, options.now));

  const left = { drafts: 0, scheduled: 0 };
  const articles: T[] = [];
  for (const { article } of parsed) {
    const status = publicationStatus(article, options.now);
    if (status === 'published' || options.includeUnpublished) articles.push(article);
    else left[status === 'draft' ? 'drafts' : 'scheduled']++;
  }
  return {
    articles: sortNewestFirst(articles),
    problems,
    warnings: skipped,
    left,
    fileCount: paths.length,
    readCount,
  };
}

/** Files read and parsed at once while loading. */
const LOAD_CONCURRENCY = 64;

/** Maps `items` with at most `limit` calls in flight; results keep the items' order. */
async function mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
