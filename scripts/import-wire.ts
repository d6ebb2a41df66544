/**
 * `npm run import -- FILE... [--year YYYY] [--out DIR] [--force]`: turns
 * agency wire copy into article files at DIR/YYYY/MM/<slug>.md.
 *
 * The reading and writing happen here; src/lib/wire does the rest. Every
 * file is checked with the article parser before it is written, and written
 * whole or not at all. Prints a line per file and a count; exits 1 when any
 * file failed, 2 when the command itself is wrong.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/lib/articles/parse.ts';
import { compareProblems, problemToString, type Problem } from '../src/lib/articles/problems.ts';
import { findArticleFiles, readSourceFile, toPosix } from '../src/lib/article-files.ts';
import { nearestKey } from '../src/lib/did-you-mean.ts';
import { ArticleIndex } from '../src/lib/wire/article-index.ts';
import { parseWireCopy } from '../src/lib/wire/parse-wire-copy.ts';
import { wireToMarkdown } from '../src/lib/wire/wire-to-markdown.ts';

const USAGE = `Usage: npm run import -- FILE... [--year YYYY] [--out DIR] [--force]

Turns agency wire copy (plain text) into article files at DIR/YYYY/MM/<slug>.md.

Options:
  --year YYYY  the year for time lines that give none, as "May 22, 8:36 UTC+3"
  --out DIR    the content folder to write into (default: content)
  --force      overwrite article files that already exist
  --help       show this help

Exit status: 0 when every file was imported, 1 when any failed, 2 for a wrong command.`;

const OPTIONS = {
  year: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** What the command line asks for. */
interface ImportRequest {
  files: string[];
  year?: number;
  out: string;
  force: boolean;
}

/** A command line that is wrong, with what to do about it. */
class UsageError extends Error {}

/** Reads the command line; `undefined` means show the help. */
function readArguments(args: string[]): ImportRequest | undefined {
  // Not strict, so that a mistyped option gets a "did you mean" rather than Node's wording.
  const { values, positionals, tokens } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      const suggestion = nearestKey(token.name, Object.keys(OPTIONS));
      throw new UsageError(
        `Unknown option "${token.rawName}"${suggestion ? ` — did you mean "--${suggestion}"?` : '; the options are --year, --out, --force and --help.'}`,
      );
    }
    if (
      OPTIONS[token.name as keyof typeof OPTIONS].type === 'boolean' &&
      token.value !== undefined
    ) {
      throw new UsageError(`${token.rawName} takes no value; write it alone, as ${token.rawName}.`);
    }
  }
  if (values.help) return undefined;

  const { year, out = 'content' } = values;
  if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) {
    throw new UsageError('--year needs a four-digit year, as --year 2019.');
  }
  if (typeof out !== 'string' || out === '') {
    throw new UsageError('--out needs a folder, as --out content.');
  }
  if (positionals.length === 0) {
    throw new UsageError('Give at least one file of wire copy to import.');
  }
  const request: ImportRequest = { files: positionals, out, force: values.force === true };
  if (year !== undefined) request.year = Number(year);
  return request;
}

/** The outcome of importing one file. */
type FileOutcome = { ok: true; report: string } | { ok: false; problems: Problem[] };

/** State shared by the files of one run. */
interface ImportRun {
  request: ImportRequest;
  rootDir: string;
  outDir: string;
  /** Known articles, growing with each import so later files can link to earlier ones. */
  index: ArticleIndex;
  /** Output files written in this run, and the input each came from. */
  written: Map<string, string>;
}

/** Reads, converts, checks and writes one file of copy; every failure becomes a problem. */
async function importFile(input: string, run: ImportRun): Promise<FileOutcome> {
  const problem = (ruleId: string, message: string): Problem => ({ path: input, ruleId, message });
  const fail = (ruleId: string, message: string): FileOutcome => ({
    ok: false,
    problems: [problem(ruleId, message)],
  });

  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(run.rootDir, input));
  } catch (error) {
    return fail('wire-unreadable', readErrorToMessage(error));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-utf-8', 'the file is not valid UTF-8; save it as UTF-8 and import it again');
  }

  const parsed = parseWireCopy(
    input,
    text,
    run.request.year === undefined ? {} : { year: run.request.year },
  );
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const article = wireToMarkdown(parsed.story, run.index);
  const target = join(run.outDir, article.path);
  const targetPath = toPosix(relative(run.rootDir, target));

  const problems: Problem[] = [];
  const add = (ruleId: string, message: string): void => {
    problems.push(problem(ruleId, message));
  };
  const earlier = run.written.get(target);
  const slugOwner = run.index.pathOfSlug(article.slug);
  if (earlier !== undefined) {
    add(
      'wire-same-output',
      `${earlier} was imported to ${targetPath} earlier in this run, and this story would go to the same file; give one of the stories a different headline`,
    );
  } else if (slugOwner !== undefined && resolve(run.rootDir, slugOwner) !== target) {
    add(
      'wire-slug-taken',
      `the slug "${article.slug}" is already used by ${slugOwner}; every article needs its own, so change the headline in the copy`,
    );
  } else if (existsSync(target) && !run.request.force) {
    add('wire-exists', `${targetPath} already exists; import with --force to overwrite it`);
  }

  const check = parseArticle(targetPath, article.markdown);
  if (!check.ok) {
    for (const found of check.problems) {
      add(
        found.ruleId,
        `the article made from this copy would not be valid, so nothing was written: ${problemToString(found)}`,
      );
    }
  }
  if (problems.length || !check.ok) return { ok: false, problems };

  try {
    await writeAtomically(target, article.markdown);
  } catch (error) {
    return fail(
      'wire-unwritable',
      `${targetPath} could not be written (${errorCode(error)}); check that the folder can be written to`,
    );
  }
  run.written.set(target, input);
  run.index.add(check.article);

  const notes = [`related: ${article.related.length}`, `also-read: ${article.alsoRead.length}`];
  if (!parsed.story.dateline) notes.push('no dateline: imported without dateline and source');
  return { ok: true, report: `imported ${input} → ${targetPath} (${notes.join(', ')})` };
}

/** The articles already in the output folder; ones with problems are left for check:content to report. */
async function loadIndex(rootDir: string, outDir: string): Promise<ArticleIndex> {
  const index = new ArticleIndex();
  if (!existsSync(outDir)) return index;
  if (!(await stat(outDir)).isDirectory()) {
    throw new UsageError(
      `--out names ${toPosix(relative(rootDir, outDir))}, which is a file; give a folder.`,
    );
  }
  for (const path of await findArticleFiles(rootDir, outDir)) {
    const file = await readSourceFile(rootDir, path);
    if ('message' in file) continue;
    const result = parseArticle(file.path, file.text);
    if (result.ok) index.add(result.article);
  }
  return index;
}

/**
 * Writes a file whole or not at all: a temporary file beside it, then a
 * rename. The temporary name starts with a dot, so that a write cut short
 * leaves nothing the site would read as an article.
 */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function readErrorToMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'there is no such file; check the path';
  if (code === 'EISDIR') return 'this is a folder; give the files of wire copy in it';
  return `the file could not be read (${code}); check that it can be read`;
}

function errorCode(error: unknown): string {
  return (error as { code?: unknown } | undefined)?.code?.toString() ?? String(error);
}

/** Runs the command and returns its exit code. */
async function main(args: string[]): Promise<number> {
  const request = readArguments(args);
  if (!request) {
    console.log(USAGE);
    return 0;
  }
  const rootDir = process.cwd();
  const outDir = resolve(rootDir, request.out);
  const run: ImportRun = {
    request,
    rootDir,
    outDir,
    index: await loadIndex(rootDir, outDir),
    written: new Map(),
  };
  let imported = 0;
  let failed = 0;
  for (const input of request.files) {
    const outcome = await importFile(input, run);
    if (outcome.ok) {
      imported++;
      console.log(outcome.report);
    } else {
      failed++;
      console.error(outcome.problems.sort(compareProblems).map(problemToString).join('\n'));
    }
  }
  console.log(`${imported} imported, ${failed} failed.`);
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Bad usage and unexpected failures alike: a sentence, never a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? `${message}\n\n${USAGE}` : message);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
