/**
 * `npm run import -- FILE... [--year YYYY] [--out DIR] [--force] [--allow-outside]`:
 * turns agency wire copy into article files at DIR/YYYY/MM/<slug>.md.
 *
 * The reading and writing happen here; src/lib/wire does the rest. Every
 * file is checked with the article parser before it is written, and written
 * whole or not at all. Says first which folder it writes into, and writes
 * nothing outside the project (the folder it runs in) unless told to. Prints
 * a line per file and a count; exits 1 when any file failed, 2 when the
 * command itself is wrong.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArticle } from '../src/lib/articles/parse.ts';
import { compareProblems, problemToString, type Problem } from '../src/lib/articles/problems.ts';
import { findArticleFiles, readSourceFile, toPosix } from '../src/lib/article-files.ts';
import { nearestKey } from '../src/lib/did-you-mean.ts';
import { ArticleIndex } from '../src/lib/wire/article-index.ts';
import { copySizeProblem, decodeCopy } from '../src/lib/wire/decode-copy.ts';
import { parseWireCopy } from '../src/lib/wire/parse-wire-copy.ts';
import { isFourDigitYear } from '../src/lib/wire/time-line.ts';
import { wireToMarkdown } from '../src/lib/wire/wire-to-markdown.ts';

const USAGE = `Usage: npm run import -- FILE... [--year YYYY] [--out DIR] [--force] [--allow-outside]

Turns agency wire copy (plain text) into article files at DIR/YYYY/MM/<slug>.md.

Options:
  --year YYYY      the year for time lines that give none, as "May 22, 8:36 UTC+3"
  --out DIR        the content folder to write into (default: content)
  --force          overwrite article files that already exist
  --allow-outside  let --out name a folder outside the project, which is refused without it
  --help           show this help

Exit status: 0 when every file was imported, 1 when any failed, 2 for a wrong command.`;

const OPTIONS = {
  year: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'allow-outside': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** What the command line asks for. */
interface ImportRequest {
  files: string[];
  year?: number;
  out: string;
  force: boolean;
  allowOutside: boolean;
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
        `Unknown option "${token.rawName}"${suggestion ? ` — did you mean "--${suggestion}"?` : '; the options are --year, --out, --force, --allow-outside and --help.'}`,
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
  if (year !== undefined && (typeof year !== 'string' || !isFourDigitYear(year))) {
    throw new UsageError(
      "--year needs a four-digit year from 1000 to 9999, which the article contract and the site's addresses need, as --year 2019.",
    );
  }
  if (typeof out !== 'string' || out === '') {
    throw new UsageError('--out needs a folder, as --out content.');
  }
  if (positionals.length === 0) {
    throw new UsageError('Give at least one file of wire copy to import.');
  }
  const request: ImportRequest = {
    files: positionals,
    out,
    force: values.force === true,
    allowOutside: values['allow-outside'] === true,
  };
  if (year !== undefined) request.year = Number(year);
  return request;
}

/** The outcome of importing one file. */
type FileOutcome = { ok: true; report: string } | { ok: false; problems: Problem[] };

/** The folder the articles go into, as the run found it. */
interface OutputFolder {
  /** The absolute path. */
  path: string;
  /** Whether it exists; when not, it is made with the first article written. */
  exists: boolean;
  /** Whether it lies outside the project, by its path or through a symbolic link. */
  outside: boolean;
}

/** State shared by the files of one run. */
interface ImportRun {
  request: ImportRequest;
  rootDir: string;
  /** The project's folder with symbolic links resolved, to tell where a write really lands. */
  realRoot: string;
  out: OutputFolder;
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

  const read = await readCopy(resolve(run.rootDir, input));
  if ('message' in read) return fail(read.ruleId, read.message);
  const decoded = decodeCopy(read.bytes);
  if (!decoded.ok) return { ok: false, problems: [{ path: input, ...decoded.problem }] };

  const parsed = parseWireCopy(
    input,
    decoded.text,
    run.request.year === undefined ? {} : { year: run.request.year },
  );
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const article = wireToMarkdown(parsed.story, run.index);
  const target = join(run.out.path, article.path);
  const targetPath = displayPath(run.rootDir, target);

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
  if (!run.request.allowOutside) {
    // A folder inside the output folder can be a symbolic link that leads out of the project.
    const landing = await realExistingAncestor(dirname(target));
    if (landing.real === undefined) {
      add(
        'wire-unwritable',
        `${targetPath} cannot be written: ${danglingLinkMessage(run.rootDir, landing.path)}`,
      );
    } else if (isOutside(run.realRoot, landing.real)) {
      add(
        'wire-outside',
        `${targetPath} would be written outside the project, since ${displayPath(run.rootDir, landing.path)} leads to ${landing.real} through a symbolic link; remove the link, or import with --allow-outside to write there on purpose`,
      );
    }
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

/**
 * The bytes of a file of copy, or why it cannot be read. Only a regular
 * file of at most the size copy can have is read: a folder, a device such
 * as /dev/zero or a pipe would fail or never end.
 */
async function readCopy(path: string): Promise<{ bytes: Uint8Array } | Omit<Problem, 'path'>> {
  const unreadable = (message: string): Omit<Problem, 'path'> => ({
    ruleId: 'wire-unreadable',
    message,
  });
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return unreadable('this is a folder; give the files of wire copy in it');
    if (!info.isFile()) {
      return unreadable(
        'this is not a file but a device, pipe or socket; give a file of wire copy',
      );
    }
    // Asked before reading, so that a huge file is never read; decodeCopy asks again of the bytes.
    const tooLarge = copySizeProblem(info.size);
    if (tooLarge) return tooLarge;
    return { bytes: await readFile(path) };
  } catch (error) {
    return unreadable(readErrorToMessage(error));
  }
}

/**
 * Where `--out` points, refusing what cannot have been meant: a file, a
 * symbolic link to nowhere, or (without --allow-outside) a folder outside
 * the project, whether by its path or through a symbolic link.
 */
async function findOutputFolder(
  rootDir: string,
  realRoot: string,
  request: ImportRequest,
): Promise<OutputFolder> {
  const path = resolve(rootDir, request.out);
  const landing = await realExistingAncestor(path);
  const shown = displayPath(rootDir, path);
  if (landing.real === undefined) {
    throw new UsageError(
      `--out names ${shown}, but ${danglingLinkMessage(rootDir, landing.path)}.`,
    );
  }
  if (!(await stat(landing.real)).isDirectory()) {
    throw new UsageError(
      landing.path === path
        ? `--out names ${shown}, which is a file; give a folder.`
        : `--out names ${shown}, but ${displayPath(rootDir, landing.path)} is a file; give a folder.`,
    );
  }
  const outside = isOutside(rootDir, path) || isOutside(realRoot, landing.real);
  if (outside && !request.allowOutside) {
    const where = isOutside(rootDir, path)
      ? `${shown} is outside the project (${rootDir})`
      : `${shown} leads outside the project (${rootDir}) through a symbolic link, to ${landing.real}`;
    throw new UsageError(
      `--out ${where}; give a folder inside it, as --out content, or add --allow-outside to write there on purpose.`,
    );
  }
  return { path, exists: landing.path === path, outside };
}

/**
 * The nearest of `path` and its parents that exists, and its real path;
 * `real` is missing when that is a symbolic link to nothing, through which
 * nothing can be written.
 */
async function realExistingAncestor(path: string): Promise<{ path: string; real?: string }> {
  for (let candidate = path; ; candidate = dirname(candidate)) {
    try {
      return { path: candidate, real: await realpath(candidate) };
    } catch (error) {
      const code = errorCode(error);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || dirname(candidate) === candidate)
        throw error;
      if ((await lstat(candidate).catch(() => undefined))?.isSymbolicLink()) {
        return { path: candidate };
      }
    }
  }
}

/** Why nothing can be written through a symbolic link to nothing. */
function danglingLinkMessage(rootDir: string, link: string): string {
  return `${displayPath(rootDir, link)} is a symbolic link to something that does not exist; remove it, or point it at a folder`;
}

/** Whether `path` lies outside `folder` (both absolute). */
function isOutside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

/** A path as the user reads it: relative to the project inside it, absolute outside. */
function displayPath(rootDir: string, path: string): string {
  return isOutside(rootDir, path) ? path : toPosix(relative(rootDir, path)) || '.';
}

/** The one line that says where the run writes, printed before anything else. */
function describeOutput(rootDir: string, out: OutputFolder): string {
  const notes = [];
  if (out.outside) notes.push('outside the project, as --allow-outside allows');
  if (!out.exists) notes.push('a new folder, made with the first article written');
  const folder = `${displayPath(rootDir, out.path).replace(/\/$/, '')}/`;
  return `Importing into ${folder}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
}

/** The articles already in the output folder; ones with problems are left for check:content to report. */
async function loadIndex(rootDir: string, out: OutputFolder): Promise<ArticleIndex> {
  const index = new ArticleIndex();
  if (!out.exists) return index;
  for (const path of await findArticleFiles(rootDir, out.path)) {
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
  const realRoot = await realpath(rootDir);
  const out = await findOutputFolder(rootDir, realRoot, request);
  console.log(describeOutput(rootDir, out));
  const run: ImportRun = {
    request,
    rootDir,
    realRoot,
    out,
    index: await loadIndex(rootDir, out),
    written: new Map(),
  };
  let imported = 0;
  let failed = 0;
  for (const input of request.files) {
    let outcome: FileOutcome;
    try {
      outcome = await importFile(input, run);
    } catch (error) {
      // Whatever a file does to the importer, the other files are still imported.
      outcome = {
        ok: false,
        problems: [
          {
            path: input,
            ruleId: 'wire-failed',
            message: `the file could not be imported (${errorMessage(error)}), and nothing was written for it; report this with the file`,
          },
        ],
      };
    }
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

/** An error as one line of text, never a stack trace. */
function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Bad usage and unexpected failures alike: a sentence, never a stack trace.
  const message = errorMessage(error);
  console.error(error instanceof UsageError ? `${message}\n\n${USAGE}` : message);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
