/**
 * `parseWireCopy`: agency wire copy in plain text in, a structured story or
 * a list of problems with line and column out. Pure: it reads no files,
 * clock or environment, and never throws for bad input.
 *
 * The form, as agencies send it:
 *
 *     headline
 *     section
 *     time line             May 22, 8:36 UTC+3
 *     standfirst
 *     body paragraphs       the first opening with DUSHANBE, May 22. /TASS/.
 *
 * The first three are a line each; the standfirst and the paragraphs are
 * separated by blank lines. Headlines of related stories may stand alone
 * between paragraphs.
 */
import { instantToWallClock, monthName } from '../dates.ts';
import type { Instant } from '../instant.ts';
import type { Problem } from '../articles/problems.ts';
import { TITLE_MAX_LENGTH } from '../articles/schema.ts';
import { textToSlug } from '../articles/slug.ts';
import { cleanSourceText } from '../articles/source-text.ts';
import { findDateline } from './dateline.ts';
import { headlineToSlug } from './headline-to-slug.ts';
import { quoteCopy } from './quote-copy.ts';
import { looksLikeTimeLine, parseTimeLine } from './time-line.ts';

/** Longest stand-alone paragraph still taken for a related story's headline. */
export const RELATED_HEADLINE_MAX_LENGTH = 150;

/** One body paragraph of the copy. */
export interface WireParagraph {
  /** The text on one line, as written (the dateline taken off the first). */
  text: string;
  /** The line of the copy it starts on. */
  line: number;
  /** Whether it stands alone between paragraphs as a related story's headline. */
  isHeadline: boolean;
}

/** A story read from wire copy. */
export interface WireStory {
  headline: string;
  section: string;
  /** The time line as an instant, with the offset as written. */
  published: Instant;
  /** The standfirst; absent when the copy goes from the time line straight to the dateline. */
  standfirst?: string;
  /** The dateline, when the first paragraph opens with one. */
  dateline?: { place: string; source?: string };
  paragraphs: WireParagraph[];
}

/** Settings for reading copy. */
export interface WireOptions {
  /** The year for a time line that gives none. */
  year?: number;
}

/** The outcome of reading one file of copy. */
export type WireParseResult = { ok: true; story: WireStory } | { ok: false; problems: Problem[] };

/** A non-blank line, trimmed, with where its text starts. */
interface SourceLine {
  number: number;
  column: number;
  text: string;
}

/** A run of non-blank lines: one paragraph. */
interface Block {
  /** The number of its first line. */
  line: number;
  lines: SourceLine[];
  /** The lines' texts joined by single spaces. */
  text: string;
}

const FORM =
  'wire copy starts with the headline, the section and the time line (May 22, 8:36 UTC+3), each on its own line, then the standfirst and the body, separated by blank lines';

/**
 * Reads one file of wire copy.
 *
 * @param path the file's path as the user gave it, used in problems
 * @param source the file's text (a byte-order mark and CRLF are fine)
 */
export function parseWireCopy(
  path: string,
  source: string,
  options: WireOptions = {},
): WireParseResult {
  const lines = cleanSourceText(normaliseCopy(source)).split('\n');
  const problems: Problem[] = [];
  const report = (line: number, column: number, ruleId: string, message: string): void => {
    problems.push({ path, place: { line, column }, ruleId, message });
  };
  const fail = (): WireParseResult => ({ ok: false, problems });

  const header = readHeader(lines);
  if (!header.ok) {
    const { number, column, ruleId, message } = header.problem;
    report(number, column, ruleId, message);
    return fail();
  }
  const { headline, section, timeLine } = header;

  const headlineText = collapseSpaces(headline.text);
  if (headlineText.length > TITLE_MAX_LENGTH) {
    report(
      headline.number,
      headline.column,
      'wire-headline-too-long',
      `the headline is ${headlineText.length} characters long; the limit is ${TITLE_MAX_LENGTH}, so shorten it`,
    );
  }
  if (!headlineToSlug(headlineText)) {
    report(
      headline.number,
      headline.column,
      'wire-headline-slug',
      'the headline has no Latin letters or digits to make the file name from; write it in Latin letters',
    );
  }
  const sectionText = collapseSpaces(section.text);
  if (!textToSlug(sectionText)) {
    report(
      section.number,
      section.column,
      'wire-section-slug',
      `the section ${quoteCopy(sectionText)} has no Latin letters or digits to make a URL name from; use a name with some, as World`,
    );
  }

  const time = parseTimeLine(timeLine.text, options.year);
  if (!time.ok) {
    for (const problem of time.problems) {
      report(
        timeLine.number,
        timeLine.column + problem.column - 1,
        problem.ruleId,
        problem.message,
      );
    }
  }

  // Line numbers count from 1, so the time line's number is the index of the line after it.
  const blocks = readBlocks(lines, timeLine.number);
  const [first] = blocks;
  if (!first) {
    report(
      timeLine.number,
      1,
      'wire-body-missing',
      `the copy has nothing after the time line; ${FORM}`,
    );
    return fail();
  }
  // Copy without a standfirst goes from the time line straight to the dateline.
  const hasStandfirst = !findDateline(first.text).found;
  const bodyBlocks = hasStandfirst ? blocks.slice(1) : blocks;
  const [lead] = bodyBlocks;
  if (!lead) {
    report(
      first.line,
      1,
      'wire-body-missing',
      `the copy has a standfirst but no body after it; add the story's paragraphs, separated by blank lines`,
    );
    return fail();
  }

  let leadText = lead.text;
  let dateline: WireStory['dateline'];
  const found = findDateline(lead.text);
  if (found.found && 'problem' in found) {
    const place = placeInBlock(lead, found.problem.index);
    report(place.line, place.column, found.problem.ruleId, found.problem.message);
  } else if (found.found) {
    const { place, source: agency, month, day, monthIndex, rest } = found.dateline;
    dateline = agency === undefined ? { place } : { place, source: agency };
    leadText = rest;
    if (time.ok) {
      const { month: timeMonth, day: timeDay } = instantToWallClock(time.published);
      if (month !== timeMonth || day !== timeDay) {
        const where = placeInBlock(lead, monthIndex);
        report(
          where.line,
          where.column,
          'wire-dateline-date',
          `the dateline says ${monthName(month)} ${day} but the time line (line ${timeLine.number}) says ${monthName(timeMonth)} ${timeDay}; correct one of them so that they agree, since the site prints the dateline's date from the time`,
        );
      }
    }
  }

  if (!time.ok || problems.length) return fail();

  const paragraphs = bodyBlocks
    .map((block, index) => ({ text: index === 0 ? leadText : block.text, block }))
    // A dateline alone on its line leaves nothing of the first paragraph.
    .filter(({ text }) => text !== '')
    .map(({ text, block }, index, all) => ({
      text,
      line: block.line,
      isHeadline: index > 0 && index < all.length - 1 && isStandaloneHeadline(block),
    }));

  const story: WireStory = {
    headline: headlineText,
    section: sectionText,
    published: time.published,
    paragraphs,
  };
  if (hasStandfirst) story.standfirst = collapseSpaces(first.text);
  if (dateline) story.dateline = dateline;
  return { ok: true, story };
}

/** The header's three lines, or the one problem that stops the copy being read. */
type HeaderResult =
  | { ok: true; headline: SourceLine; section: SourceLine; timeLine: SourceLine }
  | { ok: false; problem: SourceLine & { ruleId: string; message: string } };

/**
 * Finds the headline, section and time line. The time line is the one of
 * them with a shape of its own, so the header is read from it: were the
 * first three lines taken as they come, copy without a headline would shift
 * the section into the headline's place and the time line into the
 * section's, and be reported as missing its section.
 */
function readHeader(lines: readonly string[]): HeaderResult {
  // The headline, the section and the time line, and one line more for a headline that wraps.
  const opening: SourceLine[] = [];
  for (let index = 0; index < lines.length && opening.length < 4; index++) {
    const line = toSourceLine(lines[index] ?? '', index + 1);
    if (line) opening.push(line);
  }
  const [first, second, third] = opening;
  const problem = (at: SourceLine, ruleId: string, message: string): HeaderResult => ({
    ok: false,
    problem: { ...at, ruleId, message },
  });
  if (!first)
    return problem(
      { number: 1, column: 1, text: '' },
      'wire-empty',
      `the file holds no text; ${FORM}`,
    );

  // Where it should be, the third line is taken for the time line even when it is wrong, to say what is wrong with it.
  const timeIndex =
    third && looksLikeTimeLine(third.text)
      ? 2
      : opening.findIndex((line) => looksLikeTimeLine(line.text));
  const timeLine = opening[timeIndex];
  if (!timeLine) {
    if (second && third) return { ok: true, headline: first, section: second, timeLine: third };
    const last = second ?? first;
    return problem(
      { ...last, column: 1 },
      'wire-header-incomplete',
      `the copy ends at line ${last.number} without a time line; ${FORM}`,
    );
  }
  if (timeIndex === 0) {
    return problem(
      timeLine,
      'wire-header-missing',
      `the headline and the section are missing: the copy opens with the time line; put the headline and then the section's name above it, each on its own line`,
    );
  }
  if (timeIndex === 1) {
    return looksLikeSectionName(first.text)
      ? problem(
          first,
          'wire-headline-missing',
          `the headline is missing: the copy opens with the section ${quoteCopy(first.text)} and then the time line (line ${timeLine.number}); put the headline on its own line above the section`,
        )
      : problem(
          timeLine,
          'wire-section-missing',
          `the section is missing: line ${timeLine.number} is the time line, right after the headline ${quoteCopy(first.text)}; put the section's name on the line between them`,
        );
  }
  if (timeIndex === 3) {
    return problem(
      second!,
      'wire-header-extra',
      `the copy has three lines before its time line (line ${timeLine.number}), where wire copy has two, the headline and the section; join a headline written over two lines into one, or remove the extra line`,
    );
  }
  return { ok: true, headline: first, section: second!, timeLine };
}

/**
 * Whether a line reads as a section's name rather than a headline: up to
 * five words and 40 characters in title case, such as `World` or `Russian Politics & Diplomacy`,
 * where agency headlines are sentences in sentence case.
 */
function looksLikeSectionName(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    text.length <= 40 &&
    words.length <= 5 &&
    words.every((word) => /^(?:\p{Lu}[\p{L}\p{M}'’-]*|&|and|of|the)$/u.test(word)) &&
    /^\p{Lu}/u.test(text)
  );
}

/**
 * What Word and PDF leave in copied text that `cleanSourceText` would
 * drop or keep: line and paragraph separators, Word's line break (a
 * vertical tab) and page breaks (form feeds) read as spaces, so that the
 * words on either side stay apart and lines keep their numbers; soft
 * hyphens, zero-width spaces, word joiners and byte-order marks, invisible
 * marks that would split the file name made from the headline, are dropped.
 */
function normaliseCopy(source: string): string {
  return source
    .replace(/[\u000B\u000C\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u00AD\u200B\u2060\uFEFF]/g, '');
}

/**
 * Whether a paragraph reads as a headline rather than a sentence: one short
 * line of three words or more, starting with a capital, a digit or a quote,
 * and not ending in punctuation that closes a sentence or clause.
 */
function isStandaloneHeadline(block: Block): boolean {
  const { text } = block;
  if (block.lines.length !== 1 || text.length > RELATED_HEADLINE_MAX_LENGTH) return false;
  if (text.split(/\s+/).length < 3 || !/^[\p{Lu}\p{N}"“‘'«]/u.test(text)) return false;
  // `… said "no."` ends a sentence inside its closing quote.
  const ending = text.replace(/["”’'»)\]]+$/u, '');
  return !/[.!?…:;,]$/u.test(ending);
}

function toSourceLine(raw: string, number: number): SourceLine | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  return { number, column: raw.length - raw.trimStart().length + 1, text };
}

/** Groups the lines from index `from` on into paragraphs at blank lines. */
function readBlocks(lines: readonly string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const close = (): void => {
    const [first] = current;
    if (first) {
      blocks.push({
        line: first.number,
        lines: current,
        text: current.map((line) => line.text).join(' '),
      });
    }
    current = [];
  };
  for (let index = from; index < lines.length; index++) {
    const line = toSourceLine(lines[index] ?? '', index + 1);
    if (line) current.push(line);
    else close();
  }
  close();
  return blocks;
}

/** The line and column in the copy of a character of a block's joined text. */
function placeInBlock(block: Block, index: number): { line: number; column: number } {
  // Lines were joined by single spaces: line k starts one past the end of line k - 1.
  let line = block.lines[0]!;
  let start = 0;
  for (const candidate of block.lines.slice(1)) {
    const candidateStart = start + line.text.length + 1;
    if (index < candidateStart) break;
    line = candidate;
    start = candidateStart;
  }
  return { line: line.number, column: line.column + index - start };
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
