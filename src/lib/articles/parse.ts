/**
 * `parseArticle`: one article file's text in, a typed record and the places
 * of what later checks report on, or a list of problems, out. Pure: it reads
 * no files, clock or environment, and it never throws: a file past the
 * limits (`limits.ts`) is refused before it is parsed, and anything parsing
 * still throws on becomes that file's problem.
 */
import { isInstant, parseInstant } from '../instant.ts';
import { placeBodyImages } from './body-image-places.ts';
import { issuesToProblems, yamlErrorToProblem, type PlacedMessage } from './error-map.ts';
import { readFrontMatter, type FrontMatterDocument } from './front-matter.ts';
import { checkLength, checkNesting, scanForLimits } from './limits.ts';
import { parseMarkdown, renderBody, type RenderedBody } from './markdown.ts';
import type { Place, Problem } from './problems.ts';
import { ArticleSchema, type Article } from './schema.ts';
import { isSlug, MAX_SLUG_LENGTH, pathToSlug, textToSlug } from './slug.ts';
import { cleanSourceText } from './source-text.ts';

/**
 * Where the values that checks across files report on are written in the
 * article file, so that those checks can name a line without the file's
 * text. Kept beside the article, not in it: they say nothing a page shows.
 */
/** The front-matter keys an article's `updated` can come from. */
export type UpdatedKey = 'updated' | 'corrections' | 'updates';

export interface ArticlePlaces {
  /** The `slug` value; absent when the slug comes from the file name. */
  slug?: Place;
  /** The `section` value. */
  section: Place;
  /**
   * The `updated` value, when the article has one; when `updated` is taken
   * from the latest correction or update, that note's `at`.
   */
  updated?: Place;
  /** The key that place is under: `updated`, or the notes it was taken from. */
  updatedFrom?: UpdatedKey;
  /** The first item of each `related` slug, in the order of the article's `related`. */
  related: Place[];
  /** Each tag, in the order of the article's `tags` (a tag written twice: its first). */
  tags: Place[];
  /** Each author, in the order of the article's `authors`. */
  authors: Place[];
  /** The `source` value, when the article has one. */
  source?: Place;
  /** The lead image's `src`, when the article has a lead image. */
  imageSrc?: Place;
  /** Each local image of the body, in the order of the article's `bodyImages`. */
  bodyImages: Place[];
}

/**
 * The outcome of parsing one file. `T` is the article record, `Article` as
 * the parser makes it or a lighter record kept by a cache.
 */
export type ParseResult<T = Article> =
  { ok: true; article: T; places: ArticlePlaces } | { ok: false; problems: Problem[] };

/**
 * Parses one article file.
 *
 * @param path the file's path relative to the project root, used in problems
 *   and for the default slug
 * @param source the file's text (a byte-order mark and CRLF are fine)
 */
export function parseArticle(path: string, source: string): ParseResult {
  try {
    const limit = checkLength(source);
    if (limit) return { ok: false, problems: [{ path, ...limit }] };
    return parseText(path, cleanSourceText(source));
  } catch (error) {
    // The last line of defence: the limits are meant to keep every step
    // within bounds, and a file that still breaks one is that file's problem.
    return parseFailure(
      path,
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
}

/**
 * The result for a file the parser failed on (it threw, or the thread that
 * ran it died): one problem that names the file and the reason.
 *
 * @param reason what failed, such as `RangeError: Maximum call stack size exceeded`
 */
export function parseFailure(path: string, reason: string): ParseResult {
  return {
    ok: false,
    problems: [
      {
        path,
        place: { line: 1, column: 1 },
        ruleId: 'parser-failed',
        message: `the file could not be parsed (${reason.split('\n')[0]}); simplify what nests deeply or repeats (lists, quotes, emphasis, HTML), and report the file to the site's developers`,
      },
    ],
  };
}

/** A body with nothing in it, validated in place of one too deep to render. */
const UNRENDERED_BODY: RenderedBody = {
  html: '',
  text: '',
  firstParagraph: '',
  wordCount: 0,
  images: [],
};

function parseText(path: string, text: string): ParseResult {
  const problem = (place: Place | undefined, ruleId: string, message: string): Problem =>
    place ? { path, place, ruleId, message } : { path, ruleId, message };
  const withPath = (found: PlacedMessage): Problem => ({ path, ...found });

  if (!/^---[ \t]*\n/.test(text)) {
    return {
      ok: false,
      problems: [
        problem(
          { line: 1, column: 1 },
          'front-matter-missing',
          'the file does not start with front matter; its first line must be "---", then the keys (title, section, published, …), then "---" again',
        ),
      ],
    };
  }

  const limit = scanForLimits(text, bodyOffset(text));
  if (limit) return { ok: false, problems: [withPath(limit)] };

  const { frontMatter, body } = parseMarkdown(text);
  if (!frontMatter?.position) {
    return {
      ok: false,
      problems: [
        problem(
          { line: 1, column: 1 },
          'front-matter-unclosed',
          'the front matter is not closed; add a line "---" after its last key',
        ),
      ],
    };
  }

  const yaml = readFrontMatter(frontMatter.value, frontMatter.position.start.line + 1);
  const yamlProblems = yaml.syntaxErrors.map((error) => withPath(yamlErrorToProblem(error)));
  // Only a repeated key leaves data to check; any other syntax error ends here.
  if (yaml.data === undefined) return { ok: false, problems: yamlProblems };
  if (!isPlainObject(yaml.data)) {
    return {
      ok: false,
      problems: [
        problem(
          { line: frontMatter.position.start.line, column: 1 },
          'front-matter-not-a-map',
          'the front matter must be "key: value" lines, such as "title: …"',
        ),
      ],
    };
  }

  const problems: Problem[] = [...yamlProblems];
  if (body.children.length === 0) {
    problems.push(
      problem(
        { line: frontMatter.position.end.line, column: 1 },
        'body-empty',
        'the article has no body; write the story below the closing "---"',
      ),
    );
  }

  const hasSlugKey = 'slug' in yaml.data;
  const fileSlug = pathToSlug(path);
  if (!hasSlugKey && !isSlug(fileSlug)) {
    const suggestion = textToSlug(fileSlug) || 'story-name';
    problems.push(
      problem(
        { line: 1, column: 1 },
        'slug-format',
        `the file name "${fileSlug}" is not a valid slug; rename the file to ${suggestion}.md or add "slug: ${suggestion}"`,
      ),
    );
  } else if (!hasSlugKey && fileSlug.length > MAX_SLUG_LENGTH) {
    problems.push(
      problem(
        { line: 1, column: 1 },
        'slug-too-long',
        `the file name makes a slug of ${fileSlug.length} characters, and the limit is ${MAX_SLUG_LENGTH} (it names a folder of the site); rename the file, or add a shorter "slug"`,
      ),
    );
  }

  // Too deep a body is not rendered (the renderer recurses), but its front
  // matter is still checked, so that every other problem shows at once.
  const nesting = checkNesting(body);
  if (nesting) problems.push(withPath(nesting));
  const result = ArticleSchema.safeParse(
    {
      sourcePath: path,
      frontMatter: yaml.data,
      body: nesting ? UNRENDERED_BODY : renderBody(body),
    },
    { reportInput: true },
  );
  if (result.success && problems.length === 0) {
    const article = result.data;
    const authorIsList = Array.isArray(yaml.data['author']);
    const places: ArticlePlaces = {
      ...(hasSlugKey && { slug: yaml.placeOfValue(['slug']) }),
      section: yaml.placeOfValue(['section']),
      ...(article.updated && updatedPlaces(yaml, yaml.data, article)),
      related: article.related.map((slug) => yaml.placeOfItem(['related'], slug)),
      tags: article.tags.map((tag) => yaml.placeOfItem(['tags'], tag)),
      authors: article.authors.map((name) =>
        authorIsList ? yaml.placeOfItem(['author'], name) : yaml.placeOfValue(['author']),
      ),
      ...(article.source !== undefined && { source: yaml.placeOfValue(['source']) }),
      ...(article.image && { imageSrc: yaml.placeOfValue(['image', 'src']) }),
      bodyImages: placeBodyImages(body, text, article.bodyImages),
    };
    return { ok: true, article, places };
  }
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, yaml).map(withPath));
  }
  return { ok: false, problems };
}

/**
 * Where the article's `updated` is written: its own key, or, when it is
 * derived, the `at` of the latest correction or update (the first such
 * correction, as the record orders its notes).
 */
function updatedPlaces(
  yaml: FrontMatterDocument,
  data: Record<string, unknown>,
  article: Article,
): Pick<ArticlePlaces, 'updated' | 'updatedFrom'> {
  const latest = article.notes[0];
  if ('updated' in data || !latest) {
    return { updated: yaml.placeOfValue(['updated']), updatedFrom: 'updated' };
  }
  const key = latest.type === 'correction' ? 'corrections' : 'updates';
  const entries = data[key];
  const index = Array.isArray(entries)
    ? entries.findIndex(
        (entry: unknown) =>
          isPlainObject(entry) &&
          typeof entry['at'] === 'string' &&
          parseInstantMs(entry['at']) === latest.at.epochMs,
      )
    : -1;
  return {
    updated: yaml.placeOfValue(index === -1 ? [key] : [key, index, 'at']),
    updatedFrom: key,
  };
}

function parseInstantMs(text: string): number | undefined {
  const instant = parseInstant(text);
  return isInstant(instant) ? instant.epochMs : undefined;
}

/**
 * Where the body begins: after the line that closes the front matter, or,
 * when none does, after the opening line (so that the whole file is scanned).
 */
function bodyOffset(text: string): number {
  const opening = text.indexOf('\n') + 1;
  const closing = /^---[ \t]*$/gm;
  closing.lastIndex = opening;
  const found = closing.exec(text);
  if (!found) return opening;
  return found.index + found[0].length + 1;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
