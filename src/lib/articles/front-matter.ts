/**
 * Reads YAML front matter with the `yaml` package's core schema, keeping
 * positions so that every problem can name its line and column.
 *
 * The core schema reads `2019-05-22T08:36:00+03:00` as a string (js-yaml and
 * gray-matter make it a `Date` and lose the offset), and `yes` as a string,
 * not a boolean.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Place } from './problems.ts';

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
   * null); `undefined` when a syntax error leaves it unreadable. A repeated
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
  const document = parseDocument(yamlText, {
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

  const data: unknown = document.errors.every(isDuplicateKey) ? document.toJS() : undefined;
  return {
    data,
    syntaxErrors: document.errors.map((error) => {
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
