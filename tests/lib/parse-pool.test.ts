/**
 * The worker pool: files parsed on worker threads, and one file that kills
 * or stalls its worker costs only that file, which gets a problem, while
 * the files queued behind it are parsed by a new worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/lib/article-files.ts';
import { createWorkerParser, type Parser } from '../../src/lib/parse-pool.ts';

const TEXT =
  '---\ntitle: A story\nsection: World\npublished: 2026-05-22T08:36:00+03:00\n---\n\nBody.\n';
const file = (name: string): SourceFile => ({ path: `content/${name}.md`, text: TEXT });
const misbehaving = new URL('../helpers/misbehaving-parse-worker.ts', import.meta.url);

let parser: Parser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

/** What each file came to: its slug, or its problems' rule ids. */
async function outcomes(files: SourceFile[]): Promise<string[]> {
  const results = await Promise.all(files.map((one) => parser!.parse(one)));
  return results.map((result) =>
    result.ok ? result.article.slug : result.problems.map((problem) => problem.ruleId).join(),
  );
}

describe('createWorkerParser', () => {
  it('parses files on worker threads', async () => {
    parser = createWorkerParser({ size: 2 });
    expect(await outcomes([file('one'), file('two'), file('three')])).toStrictEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('gives a file whose worker dies a problem, and parses the files behind it', async () => {
    parser = createWorkerParser({ size: 1, workerUrl: misbehaving });
    expect(
      await outcomes([file('before'), file('crash'), file('after'), file('exit'), file('last')]),
    ).toStrictEqual(['before', 'parser-failed', 'after', 'parser-failed', 'last']);
  });

  it('names the file and the reason in one line', async () => {
    parser = createWorkerParser({ size: 1, workerUrl: misbehaving });
    const result = await parser.parse(file('crash'));
    expect(result).toStrictEqual({
      ok: false,
      problems: [
        {
          path: 'content/crash.md',
          place: { line: 1, column: 1 },
          ruleId: 'parser-failed',
          message:
            "the file could not be parsed (RangeError: Maximum call stack size exceeded); simplify what nests deeply or repeats (lists, quotes, emphasis, HTML), and report the file to the site's developers",
        },
      ],
    });
  });

  it('stops a file that takes longer than the time bound, and parses the files behind it', async () => {
    parser = createWorkerParser({ size: 1, workerUrl: misbehaving, timeoutMs: 3000 });
    const started = performance.now();
    const results = await Promise.all(
      [file('hang'), file('after')].map((one) => parser!.parse(one)),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(results[0]).toStrictEqual({
      ok: false,
      problems: [
        {
          path: 'content/hang.md',
          place: { line: 1, column: 1 },
          ruleId: 'parse-timeout',
          message:
            'parsing the file took longer than 3 seconds, so it was stopped; simplify what nests deeply or repeats (lists, quotes, emphasis, HTML), or split the story',
        },
      ],
    });
    expect(results[1]?.ok).toBe(true);
  });
});
