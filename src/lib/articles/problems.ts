/**
 * Problems found in article files: where (path, line, column) and what.
 *
 * Modelled on vfile-message: a problem has a place and a reason, and reads as
 * `path:line:column: message`. Problems are collected across all files and
 * reported together, so an editor can fix every mistake in one pass.
 *
 * Messages quote what a file says (a key, a value, a file name), so every
 * problem is printed through `problemToString`, which shows line breaks and
 * terminal controls escaped: a file cannot make its problem span two lines,
 * pass for another file's, or clear the editor's terminal.
 */

/** A 1-based position in a source file. */
export interface Place {
  line: number;
  column: number;
}

/** One thing wrong with one article file. */
export interface Problem {
  /** Path of the file, relative to the project root, with forward slashes. */
  path: string;
  /** Where in the file, when known. */
  place?: Place;
  /** A full sentence: what is wrong and what to do about it. */
  message: string;
  /** A stable name for the rule that was broken, for tests and tools. */
  ruleId: string;
}

/**
 * Characters that would break a problem's line or act on a terminal rather
 * than show: controls (C0, DEL, C1, among them the escape that starts
 * terminal sequences), format characters (the bidirectional overrides and
 * isolates that can make a line read other than it is, zero-width ones),
 * line and paragraph separators, and lone surrogates.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows the characters that could break a line or act on a terminal as
 * escapes (`\n`, `\u001b`), so that text read from a file prints as one
 * inert line.
 *
 * @example showUnprintable('a\nb\u001b[2J') // 'a\\nb\\u001b[2J'
 */
export function showUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.codePointAt(0)!;
    return (
      SHORT_ESCAPES[character] ??
      (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}

/**
 * Formats one problem as `path:line:column: message` (or `path: message`),
 * always on one line: see `showUnprintable`.
 */
export function problemToString(problem: Problem): string {
  const where = problem.place
    ? `${problem.path}:${problem.place.line}:${problem.place.column}`
    : problem.path;
  return showUnprintable(`${where}: ${problem.message}`);
}

/** Orders problems by file, then line, then column, so reports are stable. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const lineA = a.place?.line ?? 0;
  const lineB = b.place?.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  return (a.place?.column ?? 0) - (b.place?.column ?? 0);
}

/**
 * Formats a whole report: one line a problem, sorted, then a count line
 * such as `2 problems in 1 article file.`
 */
export function formatProblemReport(problems: readonly Problem[]): string {
  const lines = [...problems].sort(compareProblems).map(problemToString);
  const files = new Set(problems.map((problem) => problem.path)).size;
  lines.push(`${plural(problems.length, 'problem')} in ${plural(files, 'article file')}.`);
  return lines.join('\n');
}

/** `1 problem`, `2 problems`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
