/**
 * Reads YAML front matter with the `yaml` package's core schema, keeping
 * positions so that every problem can name its line and column.
 *
 * The core schema reads `2019-05-22T08:36:00+03:00` as a string (js-yaml and
 * gray-matter make it a `Date` and lose the offset), and `yes` as a string,
 * not a boolean. Every text value is read through the body's rule for
 * characters (`dropForbiddenCharacters`), so a YAML escape such as `"\0"`
 * cannot put a control character on a page. A block that nests deeper than
 * `MAX_NESTING_DEPTH` or uses more than `MAX_YAML_ALIASES` aliases is not
 * turned into data: the reader recurses, and aliases multiply.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import { MAX_NESTING_DEPTH } from './limits.ts';
import type { Place } from './problems.ts';
import { dropForbiddenCharacters } from './source-text.ts';

/**
 * Most aliases (`*name`) a front matter block may use. An alias repeats a
 * value without copying it, so a few lines of aliases of aliases make a
 * value billions of items long (the "billion laughs"); an article needs
 * none, and ten leave room for a list written once and used twice.
 */
export const MAX_YAML_ALIASES = 10;

/** A YAML syntax error, placed in the file; `key` names a repeated key. */
export interface YamlSyntaxError {
  place: Place;
  message: string;
  /** The `yaml` package's error code, such as `DUPLICATE_KEY`. */
  code: string;
  key?: string;
}

/** A position-aware view of one front matter block. */
export interface FrontMatterDocument {
  /**
   * The block as plain data (objects, arrays, strings, numbers, booleans,
   * null, or what a type tag such as `!!binary` makes); `undefined` when a
   * syntax error or a limit leaves it unread. A repeated
   * key does not: its last value is kept, so the other keys can be checked.
   */
  data: unknown;
  /** YAML syntax errors (repeated keys among them), each with its place in the file. */
  syntaxErrors: YamlSyntaxError[];
  /**
   * The place of the value at `path` in the file, or of the nearest
   * enclosing value that exists (the block's first line at worst).
   */
  placeOfValue(path: readonly PropertyKey[]): Place;
  /** The place of the key itself, for the last step of `path`. */
  placeOfKey(path: readonly PropertyKey[]): Place;
  /**
   * The place of the first item of the list at `path` that equals `value`,
   * or of the list when none does. The article record drops repeated items
   * (`related: [a, a, b]` keeps `[a, b]`), so an index into the record's
   * list may not be the item's index in the file.
   */
  placeOfItem(path: readonly PropertyKey[], value: unknown): Place;
}

/**
 * Parses front matter text.
 *
 * @param yamlText the text between the `---` lines
 * @param firstLine the file line on which `yamlText` begins (1-based)
 */
export function readFrontMatter(yamlText: string, firstLine: number): FrontMatterDocument {
  const lineCounter = new LineCounter();
  const tooDeep = nestingPastLimit(yamlText);
  // The reader recurses into nested lists and maps: too deep a block is not read.
  const document = parseDocument(tooDeep === undefined ? yamlText : '', {
    schema: 'core',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const blockStart: Place = { line: Math.max(1, firstLine - 1), column: 1 };

  const offsetToPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };

  const placeOf = (path: readonly PropertyKey[], want: 'key' | 'value'): Place => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = findNode(document, path.slice(0, depth), depth === path.length ? want : 'value');
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return offsetToPlace(range[0]);
    }
    return blockStart;
  };

  // Running out of stack leaves a trail of errors with one cause: keep the first.
  let exhausted = false;
  const errors: YamlErrorLike[] = document.errors.filter((error) => {
    if (error.code !== 'RESOURCE_EXHAUSTION') return true;
    if (exhausted) return false;
    return (exhausted = true);
  });
  if (tooDeep !== undefined) {
    // The reader counted the lines of nothing (its first start, 0): count the rest.
    for (
      let index = yamlText.indexOf('\n');
      index !== -1;
      index = yamlText.indexOf('\n', index + 1)
    ) {
      lineCounter.addNewLine(index + 1);
    }
    errors.push({
      code: 'NESTING_TOO_DEEP',
      message: `nested more than ${MAX_NESTING_DEPTH} deep`,
      pos: [tooDeep, tooDeep + 1],
    });
  }
  const aliasError = tooManyAliases(document);
  if (aliasError) errors.push(aliasError);
  let data: unknown;
  if (errors.every(isDuplicateKey)) {
    try {
      data = cleanStrings(document.toJS());
    } catch (error) {
      // The alias limit above keeps toJS within bounds; whatever it still
      // throws on is a problem of this block, not a crash of the build.
      errors.push(resourceError(0, error instanceof Error ? error.message : String(error)));
    }
  }
  return {
    data,
    syntaxErrors: errors.map((error) => {
      const found = {
        place: offsetToPlace(error.pos[0]),
        message: error.message,
        code: error.code,
      };
      // Name the repeated key: the error points at it.
      const key = /^[^:\n]*/.exec(yamlText.slice(error.pos[0]))?.[0].trim();
      return isDuplicateKey(error) && key ? { ...found, key } : found;
    }),
    placeOfValue: (path) => placeOf(path, 'value'),
    placeOfKey: (path) => placeOf(path, 'key'),
    placeOfItem: (path, value) => {
      const list = valueAt(data, path);
      const index = Array.isArray(list) ? list.indexOf(value) : -1;
      return placeOf(index === -1 ? path : [...path, index], 'value');
    },
  };
}

/**
 * The offset of the first mark that nests the block past `MAX_NESTING_DEPTH`:
 * a `[` or `{` that opens a flow list or map, or a `-` or `?` that opens a
 * block list or key at the start of a line (`- - - x`). Brackets in quoted
 * text count too; no front matter has dozens open.
 */
function nestingPastLimit(yamlText: string): number | undefined {
  let depth = 0;
  let lineMarkers = 0;
  let atLineStart = true;
  for (let index = 0; index < yamlText.length; index++) {
    const character = yamlText[index];
    if (character === '\n') {
      atLineStart = true;
      lineMarkers = 0;
    } else if (atLineStart && (character === ' ' || character === '\t')) {
      continue;
    } else if (
      atLineStart &&
      (character === '-' || character === '?') &&
      /^\s?$/.test(yamlText[index + 1] ?? '')
    ) {
      if (++lineMarkers > MAX_NESTING_DEPTH) return index;
    } else {
      atLineStart = false;
      if (character === '[' || character === '{') {
        if (++depth > MAX_NESTING_DEPTH) return index;
      } else if (character === ']' || character === '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }
  return undefined;
}

/** The error for the first alias beyond `MAX_YAML_ALIASES`, if the block has that many. */
function tooManyAliases(document: Document): YamlErrorLike | undefined {
  let count = 0;
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (!isAlias(node)) return undefined;
      count++;
      if (count <= MAX_YAML_ALIASES) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset === undefined
    ? undefined
    : {
        code: 'TOO_MANY_ALIASES',
        message: `more than ${MAX_YAML_ALIASES} aliases`,
        pos: [offset, offset + 1],
      };
}

/** What `readFrontMatter` reads from a `yaml` error. */
interface YamlErrorLike {
  code: string;
  message: string;
  pos: [number, number];
}

/** An error of the kind the `yaml` package gives a block too deep or too large for it to read. */
function resourceError(offset: number, message: string): YamlErrorLike {
  return { code: 'RESOURCE_EXHAUSTION', message, pos: [offset, offset + 1] };
}

/**
 * `value` with `dropForbiddenCharacters` applied to every string in it,
 * changed in place. Aliases may make the data share parts, or hold itself
 * (`&a [*a]`); each object is visited once.
 */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return dropForbiddenCharacters(value);
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (!isPlainContainer(item) || seen.has(item)) continue;
    seen.add(item);
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') record[key] = dropForbiddenCharacters(child);
      else pending.push(child);
    }
  }
  return value;
}

/** An array or an object made by YAML's plain maps; not a `Date`, `Set` or bytes from a tag. */
function isPlainContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The plain value at `path` in `data`, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** Whether a YAML error is a repeated key, which leaves the rest of the block readable. */
function isDuplicateKey(error: { code: string }): boolean {
  return error.code === 'DUPLICATE_KEY';
}

function findNode(
  document: Document,
  path: readonly PropertyKey[],
  want: 'key' | 'value',
): unknown {
  if (want === 'value') return document.getIn(path as unknown[], true);
  const parent =
    path.length > 1 ? document.getIn(path.slice(0, -1) as unknown[], true) : document.contents;
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find(
    (item) => isPair(item) && isScalar(item.key) && item.key.value === last,
  );
  return pair?.key;
}
