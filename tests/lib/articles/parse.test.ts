/**
 * The article contract, rule by rule, as fixture folders: each
 * `tests/fixtures/articles/<case>/` holds an `input.md` and either the parsed
 * record (`expected.json`) or the report it must produce (`errors.txt`), and
 * may hold a `config.json` with the `path` the file is parsed under.
 *
 * Run with `UPDATE=1` to rewrite the expectations from the parser's output,
 * then read every changed file before committing it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import { formatProblemReport } from '../../../src/lib/articles/problems.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');
const UPDATE = Boolean(process.env['UPDATE']);

interface FixtureConfig {
  /** The path the file is parsed under, relative to the project root. */
  path?: string;
}

/** A copy of `value` with every object's keys sorted, so written files do not churn. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, item]) => [key, sortKeys(item)]),
  );
}

/** Plain JSON data: `undefined` fields dropped, as in `expected.json`. */
function toJsonData(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function readConfig(dir: string): FixtureConfig {
  const file = join(dir, 'config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FixtureConfig) : {};
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('parseArticle fixtures', () => {
  it('finds fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    // Folder names state the behaviour: rejects-title-that-yaml-reads-as-a-number.
    it(name.replace(/-/g, ' '), () => {
      const dir = join(FIXTURES, name);
      const path = readConfig(dir).path ?? `content/${name}.md`;
      const source = readFileSync(join(dir, 'input.md'), 'utf8');
      const expectedFile = join(dir, 'expected.json');
      const errorsFile = join(dir, 'errors.txt');

      const result = parseArticle(path, source);

      if (UPDATE) {
        rmSync(expectedFile, { force: true });
        rmSync(errorsFile, { force: true });
        if (result.ok) {
          writeFileSync(expectedFile, `${JSON.stringify(sortKeys(result.article), null, 2)}\n`);
        } else {
          writeFileSync(errorsFile, `${formatProblemReport(result.problems)}\n`);
        }
        return;
      }

      if (existsSync(expectedFile)) {
        const expected: unknown = JSON.parse(readFileSync(expectedFile, 'utf8'));
        const report = result.ok ? '' : formatProblemReport(result.problems);
        expect(result.ok, report).toBe(true);
        if (result.ok) expect(toJsonData(result.article)).toStrictEqual(expected);
      } else if (existsSync(errorsFile)) {
        expect(result.ok, 'the file parsed, but problems were expected').toBe(false);
        if (!result.ok) {
          expect(formatProblemReport(result.problems)).toBe(
            readFileSync(errorsFile, 'utf8').trimEnd(),
          );
        }
      } else {
        expect.fail(`${name} has no expected.json or errors.txt; run the tests with UPDATE=1`);
      }
    });
  }
});
