/**
 * The limits that keep parsing one article file fast and within the stack,
 * and the cheap scans that enforce them before the expensive steps.
 *
 * The Markdown parser (micromark) and the tree walkers after it are made
 * for what people write. A few kilobytes of list markers, block quotes,
 * emphasis or HTML tags nested thousands deep exhaust the stack or take
 * minutes, and the parser's time grows with the square of some counts: the
 * lines of a file (setext headings), the lists and block quotes that end in
 * it, and the emphasis marks and brackets of a paragraph. No story comes
 * near these limits; a file past one gets one problem, placed where the
 * limit is crossed, and is not parsed further. A line's length needs no
 * limit of its own: nothing measured grows faster than the file with it,
 * except what the nesting and mark limits already bound.
 */
import type { Nodes, Root } from 'mdast';
import type { PlacedMessage } from './error-map.ts';

/**
 * Longest article file, in characters: about 40,000 words, ten times a
 * long read. Parsing time grows with the file; this keeps the slowest file
 * to a few seconds.
 */
export const MAX_FILE_LENGTH = 250_000;

/**
 * Most lines in a file: about 200,000 characters wrapped at 70. Each setext
 * heading, list or block quote costs the parser time in proportion to the
 * lines before it.
 */
export const MAX_LINES = 3_000;

/**
 * Most list items and block-quote markers (`>` at the start of a line, each
 * line of a quote has one) in a file: with the lines, they bound the time
 * the parser takes to close lists and quotes.
 */
export const MAX_BLOCK_MARKERS = 3_000;

/**
 * Deepest nesting of lists, block quotes, emphasis, links and HTML elements
 * inside one another: far beyond any story, and far within the stack of
 * every step that walks the tree.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Most emphasis marks (`*`, `_`, `~` that can open or close emphasis or
 * strikethrough), brackets (`[`, `]`) and starts of HTML comments,
 * declarations and processing instructions (`<!`, `<?`) in one paragraph,
 * or one table row: the parser looks for what closes each, so its time
 * grows with their count times the paragraph's length.
 */
export const MAX_PARAGRAPH_MARKS = 500;

/** A number as the messages write it: `5,000`. */
const formatCount = (count: number): string => count.toLocaleString('en-US');

/**
 * Checks a file's length before anything else is done with it.
 *
 * @param source the file's text, as read
 */
export function checkLength(source: string): PlacedMessage | undefined {
  if (source.length <= MAX_FILE_LENGTH) return undefined;
  return {
    place: { line: 1, column: 1 },
    ruleId: 'file-too-long',
    message: `the file is ${formatCount(source.length)} characters long; the limit is ${formatCount(MAX_FILE_LENGTH)} (about 40,000 words), so split the story`,
  };
}

/**
 * Scans a file's text for what would make the Markdown parser slow or deep:
 * too many lines, and a body that nests or marks up more than the limits
 * allow. Each measure is an upper estimate taken from the text alone (a
 * fenced code block counts as text), in one pass.
 *
 * @param text the cleaned text (`cleanSourceText`)
 * @param bodyStart the offset of the line the body begins on, after the front matter
 * @returns the first limit crossed, or `undefined`
 */
export function scanForLimits(text: string, bodyStart: number): PlacedMessage | undefined {
  const scan = new BodyScan();
  let lineStart = 0;
  // The text after a last line break is no line.
  for (let line = 1; lineStart < text.length; line++) {
    if (line > MAX_LINES) {
      return {
        place: { line, column: 1 },
        ruleId: 'too-many-lines',
        message: `the file has more than ${formatCount(MAX_LINES)} lines; join hard-wrapped lines into paragraphs, or split the story`,
      };
    }
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineStart >= bodyStart) {
      const found = scan.line(text.slice(lineStart, lineEnd));
      if (found) return { ...found, place: { line, column: found.column + 1 } };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** What `BodyScan` finds on a line: a problem, at a 0-based column. */
type LineFinding = Omit<PlacedMessage, 'place'> & { column: number };

/**
 * Elements never left open: void ones (`<br>`), and those whose end tag may
 * be left out, which the HTML parser closes when the next one starts
 * (`<li>`, `<td>`, `<p>`), so a table written without end tags does not
 * look deep.
 */
const NEVER_OPEN = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'caption',
  'colgroup',
  'dd',
  'dt',
  'li',
  'optgroup',
  'option',
  'p',
  'rb',
  'rp',
  'rt',
  'rtc',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

const NESTING_ADVICE = `at most ${MAX_NESTING_DEPTH} levels are allowed`;

/**
 * The state of a scan through a body, line by line: the list and quote
 * markers so far; how deep emphasis and links stand in the current
 * paragraph (a run of lines without a blank one, from a list item's first
 * line, or a row of a table) and how many marks it has; and which HTML
 * elements are open.
 */
class BodyScan {
  #blockMarkers = 0;
  #inlineDepth = 0;
  #marks = 0;
  /** The names of the HTML elements open, innermost last. */
  #openElements: string[] = [];
  /** The paragraph's lines so far (up to two), to find a table's header and delimiter rows. */
  #paragraph: string[] = [];
  /** Whether the paragraph is a table, whose every row the parser reads alone. */
  #inTable = false;
  /** The opening fence of the code block the line is in (its mark repeated), if any. */
  #fence: string | undefined;

  /**
   * Scans one line of the body.
   */
  line(line: string): LineFinding | undefined {
    if (/^[ \t]*$/.test(line)) {
      this.#startParagraph();
      this.#inTable = false;
      this.#paragraph = [];
      return undefined;
    }
    if (this.#inTable) this.#startParagraph();
    else if (LIST_ITEM_START.test(line)) {
      // A list item with text starts a paragraph, even right after another.
      this.#startParagraph();
      this.#paragraph = [line];
    } else if (this.#paragraph.length < 2) {
      this.#paragraph.push(line);
      if (this.#paragraph.length === 2 && isTableStart(this.#paragraph[0]!, line)) {
        this.#inTable = true;
        this.#startParagraph();
      }
    }

    return this.#containers(containerMarkers(line)) ?? this.#inline(line, this.#inCode(line));
  }

  /**
   * Whether a line belongs to a fenced code block (its fences included),
   * where an HTML tag is text. Only a fence at the start of a line counts:
   * a block inside a list may end with the list.
   */
  #inCode(line: string): boolean {
    if (this.#fence !== undefined) {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      const fence = this.#fence;
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length) {
        this.#fence = undefined;
      }
      return true;
    }
    const opening = /^(`{3,}(?=[^`]*$)|~{3,})/.exec(line)?.[1];
    if (opening) this.#fence = opening;
    return opening !== undefined;
  }

  #startParagraph(): void {
    this.#inlineDepth = 0;
    this.#marks = 0;
  }

  /** Counts a line's list and quote markers, each at its column. */
  #containers(markers: readonly number[]): LineFinding | undefined {
    if (markers.length > MAX_NESTING_DEPTH) {
      return {
        column: markers[MAX_NESTING_DEPTH]!,
        ruleId: 'nesting-too-deep',
        message: `this line opens more than ${MAX_NESTING_DEPTH} lists and block quotes inside one another; ${NESTING_ADVICE}`,
      };
    }
    const before = this.#blockMarkers;
    this.#blockMarkers += markers.length;
    if (this.#blockMarkers <= MAX_BLOCK_MARKERS) return undefined;
    return {
      column: markers[MAX_BLOCK_MARKERS - before]!,
      ruleId: 'too-many-block-markers',
      message: `the file has more than ${formatCount(MAX_BLOCK_MARKERS)} list items and block-quote markers (>); split the story`,
    };
  }

  /**
   * Counts a line's emphasis marks, brackets and HTML elements. An HTML tag
   * in code (`inCode`, or a code span) is text, and not counted; marks are,
   * since what looks like code may not be.
   */
  #inline(line: string, inCode: boolean): LineFinding | undefined {
    let codeEnd = inCode ? line.length : 0;
    for (let index = 0; index < line.length; index++) {
      const character = line[index]!;
      if (character === '\\' && isAsciiPunctuation(line[index + 1])) {
        index++;
      } else if (character === '[' || character === ']') {
        if (++this.#marks > MAX_PARAGRAPH_MARKS) return tooManyMarks(index);
        if (character === ']') this.#inlineDepth = Math.max(0, this.#inlineDepth - 1);
        else if (++this.#inlineDepth > MAX_NESTING_DEPTH) return inlineTooDeep(index);
      } else if (character === '*' || character === '_' || character === '~') {
        let end = index + 1;
        while (line[end] === character) end++;
        const found = this.#delimiterRun(line, index, end);
        if (found) return found;
        index = end - 1;
      } else if (character === '<') {
        // A comment, declaration or processing instruction never closed is
        // looked for to the paragraph's end, each time one starts.
        if (
          (line[index + 1] === '!' || line[index + 1] === '?') &&
          ++this.#marks > MAX_PARAGRAPH_MARKS
        ) {
          return tooManyMarks(index);
        }
        if (index < codeEnd) continue;
        const found = this.#tag(line, index);
        if (typeof found === 'number') index = found;
        else if (found) return found;
      } else if (character === '`' && index >= codeEnd) {
        let runEnd = index + 1;
        while (line[runEnd] === '`') runEnd++;
        codeEnd = codeSpanEnd(line, index, runEnd);
        // A run opens one code span or none; its other backticks open nothing.
        index = runEnd - 1;
      }
    }
    return undefined;
  }

  /**
   * Follows an HTML tag at `start`, if there is one, as the HTML parser
   * would: a start tag opens an element, an end tag closes its element and
   * all inside it, and one that matches no open element is ignored.
   *
   * @returns a finding, or the index of the tag name's last character
   */
  #tag(line: string, start: number): LineFinding | number | undefined {
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(line.slice(start, start + 40));
    if (!tag) return undefined;
    const name = tag[2]!.toLowerCase();
    if (tag[1]) {
      const open = this.#openElements.lastIndexOf(name);
      if (open !== -1) this.#openElements.length = open;
    } else if (!NEVER_OPEN.has(name)) {
      this.#openElements.push(name);
      if (this.#openElements.length > MAX_NESTING_DEPTH) {
        return {
          column: start,
          ruleId: 'nesting-too-deep',
          message: `more than ${MAX_NESTING_DEPTH} HTML elements are open here, inside one another; ${NESTING_ADVICE}: close them (</div>), or write &lt; for a < meant as text`,
        };
      }
    }
    return start + tag[0].length - 1;
  }

  /**
   * Counts a run of `*`, `_` or `~` from `start` to `end` by CommonMark's
   * rules for what can open and close emphasis: a run that can close lowers
   * the depth, one that can only open raises it by the levels it can open
   * (`**` is one, `***` two).
   */
  #delimiterRun(line: string, start: number, end: number): LineFinding | undefined {
    const before = line[start - 1] ?? ' ';
    const after = line[end] ?? ' ';
    const left =
      !isWhitespace(after) &&
      (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    const right =
      !isWhitespace(before) &&
      (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    const underscore = line[start] === '_';
    const canOpen = left && (!underscore || !right || isPunctuation(before));
    const canClose = right && (!underscore || !left || isPunctuation(after));
    if (!canOpen && !canClose) return undefined;
    if (++this.#marks > MAX_PARAGRAPH_MARKS) return tooManyMarks(start);
    const levels = Math.ceil((end - start) / 2);
    if (canClose && this.#inlineDepth > 0) {
      this.#inlineDepth = Math.max(0, this.#inlineDepth - levels);
    } else if (canOpen) {
      this.#inlineDepth += levels;
      if (this.#inlineDepth > MAX_NESTING_DEPTH) return inlineTooDeep(start);
    }
    return undefined;
  }
}

/**
 * Where the code span opened by the backtick run from `start` to `runEnd`
 * ends: after the next run of as many backticks on the line, or at `start`
 * when none closes it. Runs that close nothing have lengths all different,
 * so searching from each stays linear in the line.
 */
function codeSpanEnd(line: string, start: number, runEnd: number): number {
  const length = runEnd - start;
  for (let from = line.indexOf('`', runEnd); from !== -1;) {
    let end = from;
    while (line[end] === '`') end++;
    if (end - from === length) return end;
    from = line.indexOf('`', end);
  }
  return start;
}

function tooManyMarks(column: number): LineFinding {
  return {
    column,
    ruleId: 'too-many-marks',
    message: `this paragraph has more than ${formatCount(MAX_PARAGRAPH_MARKS)} emphasis marks, brackets and starts of HTML comments (*, _, ~, [, ], <!, <?); split it into paragraphs, or write a \\ before each one meant as text (\\*)`,
  };
}

/**
 * A line that starts a list item with text: one that ends any paragraph
 * before it. An ordered item must start at 1 to do that; a marker indented
 * four spaces or more may be a paragraph's next line, and is not counted.
 */
const LIST_ITEM_START = /^ {0,3}(?:[-+*]|1[.)])[ \t]+\S/;

/**
 * Whether two lines open a GitHub table: a header row, then a delimiter
 * row (`|---|:-:|`) with a pipe and as many cells. Only a table at the
 * start of a paragraph, outside lists and quotes, counts: anything else is
 * scanned as the paragraph it may be.
 */
function isTableStart(header: string, delimiter: string): boolean {
  if (!/^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/.test(delimiter))
    return false;
  if (!delimiter.includes('|') || /^ {0,3}(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/.test(header)) {
    return false;
  }
  return cellCount(header) === cellCount(delimiter);
}

/** The cells of a table row: split at pipes not escaped, less one at each end. */
function cellCount(row: string): number {
  const cells = row.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === '') cells.pop();
  return cells.length;
}

function inlineTooDeep(column: number): LineFinding {
  return {
    column,
    ruleId: 'nesting-too-deep',
    message: `emphasis marks and link brackets open more than ${MAX_NESTING_DEPTH} deep here without closing; ${NESTING_ADVICE}: close them, or write a \\ before each mark meant as text (\\*, \\[)`,
  };
}

/**
 * The columns (0-based) of the block quote and list markers that open a
 * line (`> - 1. text` has three), up to one past the nesting limit. A
 * thematic break (`- - -`, `* * *`) is not a list, so it is not counted.
 */
function containerMarkers(line: string): number[] {
  const breakStart = thematicBreakStart(line);
  const columns: number[] = [];
  let index = 0;
  while (columns.length <= MAX_NESTING_DEPTH) {
    while (line[index] === ' ' || line[index] === '\t') index++;
    if (index >= breakStart) break;
    const marker = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(
      line.slice(index, index + 11),
    );
    if (!marker) break;
    columns.push(index);
    index += marker[0].length;
  }
  return columns;
}

/**
 * Where the thematic break that ends a line begins (three or more of one of
 * `-`, `*`, `_`, with spaces or tabs between), or the line's length.
 */
function thematicBreakStart(line: string): number {
  let index = line.length;
  while (index > 0 && (line[index - 1] === ' ' || line[index - 1] === '\t')) index--;
  const mark = line[index - 1];
  if (mark !== '-' && mark !== '*' && mark !== '_') return line.length;
  let start = line.length;
  let marks = 0;
  for (; index > 0; index--) {
    const character = line[index - 1];
    if (character === mark) {
      marks++;
      start = index - 1;
    } else if (character !== ' ' && character !== '\t') break;
  }
  return marks >= 3 ? start : line.length;
}

/**
 * Checks how deep a parsed body nests: the exact measure that the scan
 * estimates, taken before the steps that walk the tree recursively.
 *
 * @returns a problem at the first node past `MAX_NESTING_DEPTH`, or `undefined`
 */
export function checkNesting(body: Root): PlacedMessage | undefined {
  const pending: { node: Nodes; depth: number }[] = [{ node: body, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    const depth = item.depth + (NESTING_TYPES.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING_DEPTH) {
      const start = node.position?.start;
      return {
        place: start ? { line: start.line, column: start.column } : { line: 1, column: 1 },
        ruleId: 'nesting-too-deep',
        message: `lists, block quotes, emphasis and links are nested more than ${MAX_NESTING_DEPTH} deep here; ${NESTING_ADVICE}`,
      };
    }
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        pending.push({ node: node.children[index]!, depth });
      }
    }
  }
  return undefined;
}

/** The nodes that are a level of nesting; a list's levels are its items. */
const NESTING_TYPES = new Set<string>([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

function isAsciiPunctuation(character: string | undefined): boolean {
  return character !== undefined && /[!-/:-@[-`{-~]/.test(character);
}

function isWhitespace(character: string): boolean {
  return /\s/.test(character);
}

function isPunctuation(character: string): boolean {
  return /[\p{P}\p{S}]/u.test(character);
}
