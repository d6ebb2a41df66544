/**
 * The whole collection: find every article file, parse each, check what
 * spans files (unique slugs, section names, `related`, image files), and
 * decide what is published at the build's clock.
 *
 * Reads files but no clock or environment: `now` is passed in.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import {
  parseArticle,
  placeInFrontMatter,
  placeOfListItem,
  type ParseResult,
} from './articles/parse.ts';
import type { Place, Problem } from './articles/problems.ts';
import type { Article } from './articles/schema.ts';
import { pathToSlug } from './articles/slug.ts';

/** Image types Astro's image service can process. */
const IMAGE_EXTENSIONS = /\.(avif|gif|jpe?g|png|svg|tiff?|webp)$/i;

/** One article file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
}

/** The fields that cross-file checks and scheduling read. */
export type CheckedFields = Pick<
  Article,
  'slug' | 'section' | 'related' | 'image' | 'bodyImages' | 'draft' | 'published'
>;

/** A parsed article with the text it came from, for cross-file checks. */
export interface ParsedFile<T extends CheckedFields = Article> {
  file: SourceFile;
  article: T;
}

/** What loading the collection found. */
export interface Collection<T extends CheckedFields = Article> {
  /** Every valid article that is published at `now` (or every one, with `includeUnpublished`), newest first. */
  articles: T[];
  /** Every problem of every file, and of the files taken together. */
  problems: Problem[];
  /** How many valid articles were left out, and why. */
  left: { drafts: number; scheduled: number };
  /** How many article files were found. */
  fileCount: number;
}

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
  parse: (file: SourceFile) => ParseOutcome<T> | Promise<ParseOutcome<T>>;
}

/**
 * Lists article files under `contentDir`, sorted: every `.md` file at any
 * depth, skipping files and folders whose names start with `_` or `.`.
 *
 * @returns paths relative to `rootDir`, with forward slashes
 */
export async function findArticleFiles(rootDir: string, contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) continue;
    const full = join(entry.parentPath, entry.name);
    const inside = relative(contentDir, full).split(sep);
    if (inside.some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    paths.push(toPosix(relative(rootDir, full)));
  }
  return paths.sort();
}

/** Reads a file as UTF-8, or says why it cannot be read as such. */
export async function readSourceFile(rootDir: string, path: string): Promise<SourceFile | Problem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(rootDir, path));
  } catch (error) {
    // Deleted or locked between listing and reading, or not a file after all.
    return {
      path,
      ruleId: 'unreadable',
      message: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check that it exists and that you may read it`,
    };
  }
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      path,
      ruleId: 'not-utf-8',
      message: 'the file is not valid UTF-8; save it as UTF-8 in your editor',
    };
  }
}

/** A parse result whose article may be a lighter record than `Article`. */
export type ParseOutcome<T> = { ok: true; article: T } | { ok: false; problems: Problem[] };

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
      left: { drafts: 0, scheduled: 0 },
      fileCount: 0,
    };
  }
  const paths = await findArticleFiles(options.rootDir, options.contentDir);
  const problems: Problem[] = [];
  const parsed: ParsedFile<T>[] = [];

  // Files are read and parsed a bounded number at a time, so that a parser
  // on worker threads stays busy without holding every file in memory.
  const outcomes = await mapInOrder(paths, LOAD_CONCURRENCY, async (path) => {
    const file = await readSourceFile(options.rootDir, path);
    if ('message' in file) return { file: undefined, problem: file };
    return { file, result: await options.parse(file) };
  });
  for (const outcome of outcomes) {
    if (!outcome.file) problems.push(outcome.problem);
    else if (outcome.result.ok)
      parsed.push({ file: outcome.file, article: outcome.result.article });
    else problems.push(...outcome.result.problems);
  }

  problems.push(...checkAcrossFiles(parsed, (path) => existsSync(join(options.rootDir, path))));

  const left = { drafts: 0, scheduled: 0 };
  const articles: T[] = [];
  for (const { article } of parsed) {
    const status = publicationStatus(article, options.now);
    if (status === 'published' || options.includeUnpublished) articles.push(article);
    else left[status === 'draft' ? 'drafts' : 'scheduled']++;
  }
  return { articles: sortNewestFirst(articles), problems, left, fileCount: paths.length };
}

/**
 * Checks that span files: slugs unique across the site, section names that
 * do not collide once made URL names, `related` slugs that exist, and
 * relative image files that exist.
 *
 * @param fileExists tells whether a path relative to the project root exists
 */
export function checkAcrossFiles(
  parsed: readonly ParsedFile<CheckedFields>[],
  fileExists: (path: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = groupBy(parsed, ({ article }) => article.slug);

  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    for (const { file, article } of group) {
      const others = group.filter((other) => other.file !== file).map((other) => other.file.path);
      problems.push({
        path: file.path,
        place: placeInFrontMatter(file.text, ['slug']),
        ruleId: 'slug-duplicate',
        message: `the slug "${slug}" is also used by ${others.join(', ')}; every article needs its own${article.slug === pathToSlug(file.path) ? ' (rename a file or add a "slug" key)' : ''}`,
      });
    }
  }

  const sectionNames = new Map<string, { name: string; path: string }>();
  for (const { file, article } of parsed) {
    const first = sectionNames.get(article.section.slug);
    if (!first) {
      sectionNames.set(article.section.slug, { name: article.section.name, path: file.path });
    } else if (first.name !== article.section.name) {
      problems.push({
        path: file.path,
        place: placeInFrontMatter(file.text, ['section']),
        ruleId: 'section-collision',
        message: `the section "${article.section.name}" has the same URL name "${article.section.slug}" as "${first.name}" (in ${first.path}); write the section name one way`,
      });
    }
  }

  for (const { file, article } of parsed) {
    for (const slug of article.related) {
      const place = () => placeOfListItem(file.text, 'related', slug);
      if (slug === article.slug) {
        problems.push({
          path: file.path,
          place: place(),
          ruleId: 'related-self',
          message: `"related" lists the article itself ("${slug}"); remove it`,
        });
      } else if (!bySlug.has(slug)) {
        problems.push({
          path: file.path,
          place: place(),
          ruleId: 'related-missing',
          message: `"related" names "${slug}", but no article has that slug`,
        });
      }
    }

    const src = article.image?.src;
    if (src && !src.startsWith('https://')) {
      const imagePath = posix.normalize(posix.join(posix.dirname(file.path), src));
      const problem = !IMAGE_EXTENSIONS.test(src)
        ? {
            ruleId: 'image-type',
            message: `"image.src" (${src}) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
          }
        : !fileExists(imagePath)
          ? {
              ruleId: 'image-missing',
              message: `"image.src" names ${imagePath}, which does not exist; put the image beside the article or fix the path`,
            }
          : undefined;
      if (problem) {
        problems.push({
          path: file.path,
          place: placeInFrontMatter(file.text, ['image', 'src']),
          ...problem,
        });
      }
    }

    for (const src of article.bodyImages) {
      const problem = bodyImageProblem(file.path, src, fileExists);
      if (problem)
        problems.push({ path: file.path, place: placeOfText(file.text, src), ...problem });
    }
  }
  return problems;
}

/**
 * What is wrong with an image the body shows from a file, if anything. The
 * build copies such files beside the article's page, so they must sit in the
 * article's folder or below it.
 */
function bodyImageProblem(
  articlePath: string,
  src: string,
  fileExists: (path: string) => boolean,
): Omit<Problem, 'path'> | undefined {
  const folder = posix.dirname(articlePath);
  const imagePath = posix.normalize(posix.join(folder, decodeURI(src)));
  if (!imagePath.startsWith(`${folder}/`)) {
    return {
      ruleId: 'body-image-outside',
      message: `the image ${src} lies outside the article's folder; put it beside the article (or in a folder below it)`,
    };
  }
  if (!IMAGE_EXTENSIONS.test(imagePath)) {
    return {
      ruleId: 'body-image-type',
      message: `the image ${src} is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
    };
  }
  if (!fileExists(imagePath)) {
    return {
      ruleId: 'body-image-missing',
      message: `the image ${src} names ${imagePath}, which does not exist; put the image beside the article or fix the path`,
    };
  }
  return undefined;
}

/** The place where `needle` first appears in `text` (1:1 when it does not). */
function placeOfText(text: string, needle: string): Place {
  const index = text.indexOf(needle);
  if (index < 0) return { line: 1, column: 1 };
  const before = text.slice(0, index).replace(/^\uFEFF/, '');
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Whether an article is live at `now`, a draft, or scheduled for later. */
export function publicationStatus(
  article: Pick<Article, 'draft' | 'published'>,
  now: number,
): 'published' | 'draft' | 'scheduled' {
  if (article.draft) return 'draft';
  return article.published.epochMs > now ? 'scheduled' : 'published';
}

/** Newest first by publication instant; ties broken by slug, so order is stable. */
export function sortNewestFirst<T extends Pick<Article, 'published' | 'slug'>>(articles: T[]): T[] {
  return articles.sort(
    (a, b) => b.published.epochMs - a.published.epochMs || (a.slug < b.slug ? -1 : 1),
  );
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  return groups;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
