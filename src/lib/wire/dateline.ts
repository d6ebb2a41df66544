/**
 * The agency dateline that opens the first paragraph of wire copy:
 * `DUSHANBE, May 22. /TASS/.` The site prints it from front matter, so the
 * importer takes it out of the text.
 */
import { quoteCopy } from './quote-copy.ts';
import { monthToNumber, type LineProblem } from './time-line.ts';

/** A dateline found at the start of a paragraph. */
export interface Dateline {
  /** The place of filing as written: `DUSHANBE`, `RIO DE JANEIRO`. */
  place: string;
  /** The agency between slashes: `TASS`; absent in the form `PLACE, May 22.` */
  source?: string;
  month: number;
  day: number;
  /** Where the dateline's month starts in the paragraph (0-based), for problems. */
  monthIndex: number;
  /** The paragraph's text after the dateline. */
  rest: string;
}

/** The outcome of looking for a dateline. */
export type DatelineResult =
  | { found: false }
  | { found: true; dateline: Dateline }
  | { found: true; problem: Omit<LineProblem, 'column'> & { index: number } };

/**
 * A place in capitals (several words, dots, hyphens and apostrophes allowed),
 * a comma, a month and day, then a full stop, the agency in slashes, or both.
 */
const DATELINE =
  /^(?<place>\p{Lu}[\p{Lu}\p{M}\p{Nd}.'’ -]*?),\s+(?<month>\p{L}+)\.?\s+(?<day>\d{1,2})(?<stop>\.)?(?:\s*\/(?<source>[^/\n]+)\/\.?)?(?=\s|$)\s*/du;

/**
 * Finds the dateline at the start of a paragraph.
 *
 * Without an agency, a comma and "month" that is no month means the
 * paragraph does not open with a dateline at all ("US, Russia agree …");
 * with one, the opening is surely a dateline, so a bad month is a problem.
 */
export function findDateline(paragraph: string): DatelineResult {
  const match = DATELINE.exec(paragraph);
  const groups = match?.groups;
  const monthSpan = match?.indices?.groups?.['month'];
  if (!match || !groups || !monthSpan) return { found: false };
  const source = groups['source']?.trim();
  if (groups['stop'] === undefined && source === undefined) return { found: false };

  const month = monthToNumber(groups['month'] ?? '');
  if (month === undefined) {
    if (source === undefined) return { found: false };
    return {
      found: true,
      problem: {
        index: monthSpan[0],
        ruleId: 'wire-dateline-month',
        message: `the dateline's ${quoteCopy(groups['month'] ?? '')} is not a month; write it as DUSHANBE, May 22. /TASS/.`,
      },
    };
  }
  const dateline: Dateline = {
    place: (groups['place'] ?? '').trim(),
    month,
    day: Number(groups['day']),
    monthIndex: monthSpan[0],
    rest: paragraph.slice(match[0].length),
  };
  return { found: true, dateline: source ? { ...dateline, source } : dateline };
}
