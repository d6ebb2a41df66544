/**
 * `parseArticle`: one article file's text in, a typed record or a list of
 * problems out. Pure: it reads no files, clock or environment, and it never
 * throws for bad input.
 */
import type { z } from 'zod';
import { readFrontMatter, type FrontMatterDocument } from './front-matter.ts';
import { parseMarkdown, renderBody } from './markdown.ts';
import type { Place, Problem } from './problems.ts';
import { ArticleSchema, FRONT_MATTER_KEYS, FrontMatterSchema, type Article } from './schema.ts';
import { isSlug, pathToSlug, textToSlug } from './slug.ts';

/** The outcome of parsing one file. */
export type ParseResult = { ok: true; article: Article } | { ok: false; problems: Problem[] };

/**
 * Parses one article file.
 *
 * @param path the file's path relative to the project root, used in problems
 *   and for the default slug
 * @param source the file's text (a byte-order mark and CRLF are fine)
 */
export function parseArticle(path: string, source: string): ParseResult {
  const text = normalizeNewlines(source);
  const problem = (place: Place | undefined, ruleId: string, message: string): Problem =>
    place ? { path, place, ruleId, message } : { path, ruleId, message };

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
  const yamlProblems = yaml.syntaxErrors.map((error) =>
    problem(
      error.place,
      `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`,
      yamlErrorToMessage(error),
    ),
  );
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

  const fileSlug = pathToSlug(path);
  if (!('slug' in yaml.data) && !isSlug(fileSlug)) {
    const suggestion = textToSlug(fileSlug) || 'story-name';
    problems.push(
      problem(
        { line: 1, column: 1 },
        'slug-format',
        `the file name "${fileSlug}" is not a valid slug; rename the file to ${suggestion}.md or add "slug: ${suggestion}"`,
      ),
    );
  }

  const result = ArticleSchema.safeParse(
    { sourcePath: path, frontMatter: yaml.data, body: renderBody(body) },
    { reportInput: true },
  );
  if (result.success && problems.length === 0) return { ok: true, article: result.data };
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(...issueToProblems(issue, yaml).map((found) => ({ path, ...found })));
    }
  }
  return { ok: false, problems };
}

/**
 * Drops a byte-order mark and the control characters and noncharacters HTML
 * and XML forbid (stray bytes of wire copy; HTML forbids the C1 controls
 * U+0080 to U+009F as well), and makes every line end in `\n`; lines keep
 * their numbers.
 */
export function normalizeNewlines(source: string): string {
  return source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '');
}

/** Keys an article cannot do without, named as `describePath` names them. */
const REQUIRED_KEYS = new Set([
  ...requiredKeys(FrontMatterSchema.shape),
  ...requiredKeys(FrontMatterSchema.shape.image.unwrap().shape).map((key) => `image.${key}`),
]);

function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
}

/** What to do about an empty value: removing a required key only trades one problem for another. */
function emptyValueAdvice(name: string, fill: string, removal: string): string {
  return REQUIRED_KEYS.has(name) ? fill : `${fill} or ${removal}`;
}

/** Turns one schema issue into problems with places and editor-friendly wording. */
function issueToProblems(
  issue: z.core.$ZodIssue,
  yaml: FrontMatterDocument,
): Omit<Problem, 'path'>[] {
  // Issues about the front matter have paths like ['frontMatter', 'tags', 2].
  const keyPath = issue.path[0] === 'frontMatter' ? issue.path.slice(1) : issue.path;
  const name = describePath(keyPath);
  const ruleIdParam = (issue as { params?: { ruleId?: string } }).params?.ruleId;

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = nearestKey(key, FRONT_MATTER_KEYS);
        const inImage = keyPath.length > 0;
        return {
          place: yaml.placeOfKey([...keyPath, key]),
          ruleId: 'unknown-key',
          message:
            `unknown key "${inImage ? `${name}.` : ''}${key}"` +
            (suggestion && !inImage
              ? ` — did you mean "${suggestion}"?`
              : inImage
                ? '; an image takes src, alt, caption and credit'
                : `; the known keys are ${FRONT_MATTER_KEYS.join(', ')}`),
        };
      });
    case 'invalid_type':
      return [typeProblem(issue, keyPath, name, yaml)];
    case 'invalid_union':
      return [
        {
          place: yaml.placeOfValue(keyPath),
          ruleId: 'wrong-type',
          message: `"${name}" must be a name or a list of names`,
        },
      ];
    case 'too_small':
      return [
        {
          place: yaml.placeOfValue(keyPath),
          ruleId: 'empty',
          message: `"${name}" is empty; ${emptyValueAdvice(name, 'give it a value', 'remove it')}`,
        },
      ];
    case 'too_big':
      return [
        {
          place: yaml.placeOfValue(keyPath),
          ruleId: 'too-long',
          message: `"${name}" is ${String(issue.input ?? '').length} characters long; the limit is ${String(issue.maximum)}`,
        },
      ];
    default:
      return [
        {
          place: keyPath.length ? yaml.placeOfValue(keyPath) : { line: 1, column: 1 },
          ruleId: ruleIdParam ?? issue.code,
          message: keyPath.length ? `"${name}" ${issue.message}` : issue.message,
        },
      ];
  }
}

function typeProblem(
  issue: z.core.$ZodIssueInvalidType,
  keyPath: PropertyKey[],
  name: string,
  yaml: FrontMatterDocument,
): Omit<Problem, 'path'> {
  const place = yaml.placeOfValue(keyPath);
  const input: unknown = issue.input;
  if (input === undefined) {
    return {
      place,
      ruleId: 'missing-key',
      message: `the required key "${name}" is missing`,
    };
  }
  if (input === null) {
    return {
      place,
      ruleId: 'empty',
      message: `"${name}" has no value; ${emptyValueAdvice(name, 'give it one', 'remove the line')}`,
    };
  }
  const expected = issue.expected;
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return {
      place,
      ruleId: 'wrong-type',
      message: `"${name}" must be text, but YAML reads ${String(input)} as a ${typeof input}; put it in quotes: "${String(input)}"`,
    };
  }
  const wanted: Record<string, string> = {
    string: 'text',
    array: 'a list, such as [first, second]',
    boolean: 'true or false',
    object: 'a map of keys, such as { src: ./photo.jpg, alt: … }',
  };
  return {
    place,
    ruleId: 'wrong-type',
    message: `"${name}" must be ${wanted[expected] ?? expected}, not ${describeValue(input)}`,
  };
}

/** `tags[2]`, `image.alt`. */
function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((step, index) =>
      typeof step === 'number' ? `[${step}]` : `${index ? '.' : ''}${String(step)}`,
    )
    .join('');
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value}"`;
  return `a ${typeof value}`;
}

function yamlErrorToMessage(error: { code: string; message: string; key?: string }): string {
  if (error.code === 'DUPLICATE_KEY') {
    return `the key "${error.key ?? '?'}" appears more than once; keep one`;
  }
  return `the front matter is not valid YAML: ${error.message.split('\n')[0]}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The known key closest to `key` in edit distance, if close enough to be a typo. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The place of a front matter value in an article file, for problems found
 * after parsing (a `related` slug that does not exist, a duplicate slug).
 */
export function placeInFrontMatter(source: string, keyPath: readonly PropertyKey[]): Place {
  return frontMatterOf(source)?.placeOfValue(keyPath) ?? { line: 1, column: 1 };
}

/**
 * The place of the first item of the front matter list `key` that equals
 * `value`. The record drops repeated items (`related: [a, a, b]` keeps
 * `[a, b]`), so an index into the record's list may not be the item's index
 * in the file.
 */
export function placeOfListItem(source: string, key: string, value: unknown): Place {
  const yaml = frontMatterOf(source);
  if (!yaml) return { line: 1, column: 1 };
  const list = isPlainObject(yaml.data) ? yaml.data[key] : undefined;
  const index = Array.isArray(list) ? list.indexOf(value) : -1;
  return yaml.placeOfValue(index === -1 ? [key] : [key, index]);
}

function frontMatterOf(source: string): FrontMatterDocument | undefined {
  const { frontMatter } = parseMarkdown(normalizeNewlines(source));
  if (!frontMatter?.position) return undefined;
  return readFrontMatter(frontMatter.value, frontMatter.position.start.line + 1);
}
