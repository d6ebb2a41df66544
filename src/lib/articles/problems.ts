/**
 * Problems found in article files: where (path, line, column) and what.
 *
 * Modelled on vfile-message: a problem has a place and a reason, and reads as
 * `path:line:column: message`. Problems are collected across all files and
 * reported together, so an editor can fix every mistake in one pass.
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

/** Formats one problem as `path:line:column: message` (or `path: message`). */
export function problemToString(problem: Problem): string {
  const where = problem.place
    ? `${problem.path}:${problem.place.line}:${problem.place.column}`
    : problem.path;
  return `${where}: ${problem.message}`;
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
