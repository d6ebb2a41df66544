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
import { monthName } from '../dates.ts';
import type { Instant } from '../instant.ts';
import type { Problem } from '../articles/problems.ts';
import { TITLE_MAX_LENGTH } from '../articles/schema.ts';
import { textToSlug } from '../articles/slug.ts';
import { cleanSourceText } from '../articles/source-text.ts';
import { findDateline } from './dateline.ts';
import { headlineToSlug } from './headline-to-slug.ts';
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
  const lines = cleanSourceText(source).split('\n');
  const problems: Problem[] = [];
  const report = (line: number, column: number, ruleId: string, message: string): void => {
    problems.push({ path, place: { line, column }, ruleId, message });
  };
  const fail = (): WireParseResult => ({ ok: false, problems });

  const header: SourceLine[] = [];
  let next = 0;
  while (next < lines.length && header.length < 3) {
    const line = toSourceLine(lines[next] ?? '', next + 1);
    if (line) header.push(line);
    next++;
  }
  const [headline, section, timeLine] = header;
  if (!headline) {
    report(1, 1, 'wire-empty', `the file is empty; ${FORM}`);
    return fail();
  }
  if (section && looksLikeTimeLine(section.text)) {
    report(
      section.number,
      section.column,
      'wire-section-missing',
      `the section is missing: line ${section.number} is the time line; put the section's name on the line before it`,
    );
    return fail();
  }
  if (!section || !timeLine) {
    const last = header[header.length - 1] ?? headline;
    report(
      last.number,
      1,
      'wire-header-incomplete',
      `the copy ends before its ${section ? 'time line' : 'section'}; ${FORM}`,
    );
    return fail();
  }

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
      `the section "${sectionText}" has no Latin letters or digits to make a URL name from; use a name with some, as World`,
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

  const blocks = readBlocks(lines, next);
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
      const timeMonth = Number(time.published.iso.slice(5, 7));
      const timeDay = Number(time.published.iso.slice(8, 10));
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
