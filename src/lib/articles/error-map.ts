/**
 * Turns what the YAML reader and the schema report into problems an editor
 * can act on: each placed at the key or value it is about, worded for
 * people who write articles rather than code, with a "did you mean" for a
 * mistyped key.
 */
import type { z } from 'zod';
import { nearestKey } from '../did-you-mean.ts';
import {
  MAX_YAML_ALIASES,
  type FrontMatterDocument,
  type YamlSyntaxError,
} from './front-matter.ts';
import { MAX_NESTING_DEPTH } from './limits.ts';
import type { Problem } from './problems.ts';
import { FRONT_MATTER_KEYS, FrontMatterSchema } from './schema.ts';

/** A problem before the path of its file is added. */
export type PlacedMessage = Omit<Problem, 'path'>;

/** What shapes the contract's values take, for errors about values nested too deep. */
const VALUE_SHAPES =
  'a key takes text, a list of text, one map of text (image) or a list of maps of text (corrections, updates), never anything deeper';

/** What to say about a YAML error, by the `yaml` package's code; others are quoted. */
const YAML_ERROR_MESSAGES: Record<string, (error: YamlSyntaxError) => string> = {
  DUPLICATE_KEY: (error) => `the key "${error.key ?? '?'}" appears more than once; keep one`,
  TOO_MANY_ALIASES: () =>
    `the front matter uses more than ${MAX_YAML_ALIASES} YAML aliases (*name); write the values out instead`,
  NESTING_TOO_DEEP: () =>
    `the front matter nests lists or maps more than ${MAX_NESTING_DEPTH} deep here; ${VALUE_SHAPES}`,
  // The reader ran out of stack or of its alias budget: lists or maps nested
  // hundreds deep by indentation, or aliases that repeat a value without end.
  RESOURCE_EXHAUSTION: () =>
    `the front matter nests lists or maps too deeply to be read; ${VALUE_SHAPES}`,
};

/** Turns a YAML syntax error (a repeated key among them) into a problem. */
export function yamlErrorToProblem(error: YamlSyntaxError): PlacedMessage {
  const message = YAML_ERROR_MESSAGES[error.code];
  return {
    place: error.place,
    ruleId: `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`,
    message: message
      ? message(error)
      : `the front matter is not valid YAML: ${error.message.split('\n')[0]}`,
  };
}

/**
 * Turns the schema's issues into problems, placed in the front matter they
 * are about. A required key reported missing beside an unknown key that is
 * a typo of it (`txt` for `text`) is one mistake: only the unknown key,
 * with its "did you mean", is reported.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  yaml: FrontMatterDocument,
): PlacedMessage[] {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const keyPath = frontMatterPath(issue.path);
    for (const key of issue.keys) {
      const suggestion = nearestKey(key, mapKeysAt(keyPath).known);
      if (suggestion) misspelt.add(describePath([...keyPath, suggestion]));
    }
  }
  return issues
    .filter(
      (issue) =>
        !(
          issue.code === 'invalid_type' &&
          issue.input === undefined &&
          misspelt.has(describePath(frontMatterPath(issue.path)))
        ),
    )
    .flatMap((issue) => issueToProblems(issue, yaml));
}

/** Issues about the front matter have paths like ['frontMatter', 'tags', 2]. */
function frontMatterPath(path: readonly PropertyKey[]): PropertyKey[] {
  return path[0] === 'frontMatter' ? path.slice(1) : [...path];
}

/**
 * Turns one schema issue into problems (an unknown-keys issue names several
 * keys, one problem each), placed in the front matter it is about.
 */
function issueToProblems(issue: z.core.$ZodIssue, yaml: FrontMatterDocument): PlacedMessage[] {
  const keyPath = frontMatterPath(issue.path);
  const name = describePath(keyPath);
  const ruleIdParam = (issue as { params?: { ruleId?: string } }).params?.ruleId;

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const { known, hint } = mapKeysAt(keyPath);
        const suggestion = nearestKey(key, known);
        return {
          place: yaml.placeOfKey([...keyPath, key]),
          ruleId: 'unknown-key',
          message:
            `unknown key "${keyPath.length ? `${name}.` : ''}${key}"` +
            (suggestion ? ` — did you mean "${suggestion}"?` : `; ${hint}`),
        };
      });
    case 'invalid_type':
      return [typeProblem(issue, keyPath, name, yaml)];
    case 'invalid_value':
      return [valueProblem(issue, keyPath, name, yaml)];
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

/** A map's keys, and what to say when a key is none of them and none is near. */
interface MapKeys {
  known: readonly string[];
  hint: string;
}

const IMAGE_KEYS = Object.keys(FrontMatterSchema.shape.image.unwrap().shape);
const NOTE_KEYS = Object.keys(FrontMatterSchema.shape.corrections.unwrap().element.shape);

/** The front matter's maps: the front matter itself, `image`, and each note. */
const MAP_KEYS: Record<'frontMatter' | 'image' | 'note', MapKeys> = {
  frontMatter: {
    known: FRONT_MATTER_KEYS,
    hint: `the known keys are ${FRONT_MATTER_KEYS.join(', ')}`,
  },
  image: { known: IMAGE_KEYS, hint: `an image takes ${listKeys(IMAGE_KEYS)}` },
  note: { known: NOTE_KEYS, hint: `a correction or update takes ${listKeys(NOTE_KEYS)}` },
};

/** The keys of the map at `keyPath`: the front matter, `image`, or an entry of `corrections` or `updates`. */
function mapKeysAt(keyPath: readonly PropertyKey[]): MapKeys {
  if (keyPath[0] === 'image') return MAP_KEYS.image;
  if (keyPath[0] === 'corrections' || keyPath[0] === 'updates') return MAP_KEYS.note;
  return MAP_KEYS.frontMatter;
}

/** `at and text`; `src, alt, caption and credit`. */
function listKeys(keys: readonly string[]): string {
  return keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)!}` : keys.join('');
}

/** Keys an article cannot do without, named as `describePath` names them. */
const REQUIRED_KEYS = new Set([
  ...requiredKeys(FrontMatterSchema.shape),
  ...requiredKeys(FrontMatterSchema.shape.image.unwrap().shape).map((key) => `image.${key}`),
]);

/** Keys every entry of `corrections` and `updates` needs (`at`, `text`). */
const REQUIRED_NOTE_KEYS = new Set(
  requiredKeys(FrontMatterSchema.shape.corrections.unwrap().element.shape),
);

function requiredKeys(shape: Record<string, z.ZodType>): string[] {
  return Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
}

/** What to do about an empty value: removing a required key only trades one problem for another. */
function emptyValueAdvice(name: string, fill: string, removal: string): string {
  // `corrections[0].text`: an entry needs each of its keys.
  const noteKey = /^(?:corrections|updates)\[\d+\]\.(\w+)$/.exec(name)?.[1];
  const required = noteKey ? REQUIRED_NOTE_KEYS.has(noteKey) : REQUIRED_KEYS.has(name);
  return required ? fill : `${fill} or ${removal}`;
}

function typeProblem(
  issue: z.core.$ZodIssueInvalidType,
  keyPath: PropertyKey[],
  name: string,
  yaml: FrontMatterDocument,
): PlacedMessage {
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
    object:
      mapKeysAt(keyPath) === MAP_KEYS.note
        ? 'a map with at and text, such as { at: 2019-05-22T11:40:00+03:00, text: … }'
        : 'a map of keys, such as { src: ./photo.jpg, alt: … }',
  };
  return {
    place,
    ruleId: 'wrong-type',
    message: `"${name}" must be ${wanted[expected] ?? expected}, not ${describeValue(input)}`,
  };
}

/** A value outside a fixed list (`kind`), with the nearest allowed one. */
function valueProblem(
  issue: z.core.$ZodIssueInvalidValue,
  keyPath: PropertyKey[],
  name: string,
  yaml: FrontMatterDocument,
): PlacedMessage {
  const allowed = issue.values.map(String);
  const input: unknown = issue.input;
  const suggestion = typeof input === 'string' ? nearestKey(input, allowed) : undefined;
  return {
    place: yaml.placeOfValue(keyPath),
    ruleId: 'unknown-value',
    message:
      `"${name}" is ${describeValue(input)}, which is not one of ${allowed.join(', ')}` +
      (suggestion ? ` — did you mean "${suggestion}"?` : ''),
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

/**
 * What YAML makes of a value written with one of its type tags, and the tag:
 * `!!binary aGVsbG8=` is bytes, not text, and must not be called a map.
 */
const TAGGED_VALUES: [
  type: abstract new (...args: never[]) => unknown,
  what: string,
  tag: string,
][] = [
  [Uint8Array, 'binary data', '!!binary'],
  [Date, 'a date', '!!timestamp'],
  [Set, 'a set', '!!set'],
  [Map, 'an ordered map', '!!omap'],
];

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  for (const [type, what, tag] of TAGGED_VALUES) {
    if (value instanceof type) return `${what} (the YAML tag ${tag}); remove the tag`;
  }
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value}"`;
  return `a ${typeof value}`;
}
