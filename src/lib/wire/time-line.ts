/**
 * The time line of wire copy, such as `May 22, 8:36 UTC+3`, read into an
 * instant with the offset as written. Agencies give local time at the desk
 * with its offset from UTC, and often no year.
 */
import { monthName, pad } from '../dates.ts';
import type { Instant } from '../instant.ts';
import { quoteCopy } from './quote-copy.ts';

/** Something wrong in a time line, with its 1-based column in the line. */
export interface LineProblem {
  column: number;
  ruleId: string;
  message: string;
}

/** The outcome of reading a time line. */
export type TimeLineResult =
  { ok: true; published: Instant } | { ok: false; problems: LineProblem[] };

/** The offsets places keep run from 12 hours west of UTC to 14 hours east, in minutes. */
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Month, day, optional year, time, offset: loose enough to report what is
 * wrong with each, so a year of any length is read and then checked. The
 * minus of an offset may be the minus sign or en dash word processors put
 * in its place.
 */
const TIME_LINE =
  /^(?<month>\p{L}+)\.?\s+(?<day>\d{1,2}),\s*(?:(?<year>\d+),\s*)?(?<hour>\d{1,2}):(?<minute>\d{2})\s+UTC(?:(?<sign>[+\-−–])(?<offsetHours>\d{1,2})(?::(?<offsetMinutes>\d{2}))?)?$/du;

const EXAMPLE = 'May 22, 8:36 UTC+3';

const MONTHS_BY_NAME = new Map<string, number>();
for (let month = 1; month <= 12; month++) {
  const name = monthName(month).toLowerCase();
  MONTHS_BY_NAME.set(name, month);
  MONTHS_BY_NAME.set(name.slice(0, 3), month);
}
MONTHS_BY_NAME.set('sept', 9);

/**
 * The number (1 to 12) of an English month name or its first three letters,
 * in any case: `May`, `dec`, `September`, `Sept`.
 */
export function monthToNumber(name: string): number | undefined {
  return MONTHS_BY_NAME.get(name.toLowerCase());
}

/**
 * Whether a year is one the site can use: four digits, 1000 to 9999, as
 * the article contract's dates and the site's addresses (`/2019/05/22/…`)
 * need. `0999` is refused too, since it is the year 999.
 */
export function isFourDigitYear(year: string | number): boolean {
  return /^[1-9]\d{3}$/.test(String(year));
}

/** Whether a line has the shape of a time line, right or wrong in its details. */
export function looksLikeTimeLine(line: string): boolean {
  return /^\p{L}+\.?\s+\d{1,2},.*\bUTC\b/u.test(line.trim());
}

/**
 * Reads a time line: `May 22, 8:36 UTC+3`, `Dec 3, 08:00 UTC-5`,
 * `May 22, 18:05 UTC`, `May 22, 8:36 UTC+5:30`, `May 22, 2019, 8:36 UTC+3`.
 *
 * @param line the line without leading white space
 * @param fallbackYear the year for a line that gives none; a year in the line wins
 */
export function parseTimeLine(line: string, fallbackYear: number | undefined): TimeLineResult {
  const text = line.trimEnd();
  const match = TIME_LINE.exec(text);
  const groups = match?.groups;
  const spans = match?.indices?.groups;
  if (!groups || !spans) {
    return {
      ok: false,
      problems: [
        {
          column: 1,
          ruleId: 'wire-time-line',
          message: `${quoteCopy(text)} is not a time line; write the month, the day, optionally the year, the time on the 24-hour clock and the offset from UTC, as ${EXAMPLE} or May 22, 2019, 18:05 UTC`,
        },
      ],
    };
  }
  const columnOf = (group: string): number => (spans[group]?.[0] ?? 0) + 1;
  const numberOf = (group: string): number => Number(groups[group] ?? '0');
  const problems: LineProblem[] = [];

  const month = monthToNumber(groups['month'] ?? '');
  if (month === undefined) {
    problems.push({
      column: columnOf('month'),
      ruleId: 'wire-month',
      message: `${quoteCopy(groups['month'] ?? '')} is not a month; write an English month name or its first three letters, as May or Dec`,
    });
  }

  const writtenYear = groups['year'] ?? fallbackYear;
  let year: number | undefined;
  if (writtenYear === undefined) {
    problems.push({
      column: 1,
      ruleId: 'wire-year-missing',
      message: `the time line ${quoteCopy(text)} gives no year; import with --year YYYY, or write the year into the line, as May 22, 2019, 8:36 UTC+3`,
    });
  } else if (!isFourDigitYear(writtenYear)) {
    problems.push({
      column: groups['year'] === undefined ? 1 : columnOf('year'),
      ruleId: 'wire-year',
      message: `the year ${writtenYear} is not a four-digit year from 1000 to 9999, which the article contract and the site's addresses (/YYYY/MM/DD/) need; write the year in full, as May 22, 2019, 8:36 UTC+3`,
    });
  } else {
    year = Number(writtenYear);
  }

  const day = numberOf('day');
  if (month !== undefined && (day < 1 || day > daysInMonth(month, year))) {
    problems.push({
      column: columnOf('day'),
      ruleId: 'wire-day',
      message:
        day >= 1 && day <= 31
          ? `there is no ${monthName(month)} ${day}${year === undefined ? '' : ` in ${year}`}; check the day`
          : `${day} is not a day of the month; check the day`,
    });
  }

  const hour = numberOf('hour');
  const minute = numberOf('minute');
  if (hour > 23 || minute > 59) {
    problems.push({
      column: columnOf('hour'),
      ruleId: 'wire-time',
      message: `${groups['hour']}:${groups['minute']} is not a time of day; write it on the 24-hour clock, from 0:00 to 23:59`,
    });
  }

  const sign = groups['sign'] === undefined || groups['sign'] === '+' ? 1 : -1;
  const offsetHours = numberOf('offsetHours');
  const offsetMinutesPart = numberOf('offsetMinutes');
  const offsetMinutes = sign * (offsetHours * 60 + offsetMinutesPart);
  if (
    offsetMinutesPart > 59 ||
    offsetMinutes < MIN_OFFSET_MINUTES ||
    offsetMinutes > MAX_OFFSET_MINUTES
  ) {
    problems.push({
      column: columnOf('sign'),
      ruleId: 'wire-offset',
      message: `UTC${groups['sign']}${groups['offsetHours']}${groups['offsetMinutes'] === undefined ? '' : `:${groups['offsetMinutes']}`} is not an offset any place keeps; offsets run from UTC-12 to UTC+14, as UTC+3 or UTC+5:30`,
    });
  }

  if (problems.length || month === undefined || year === undefined) return { ok: false, problems };

  // A bare `UTC` is written `Z`; any written offset, even +0, is kept as written.
  const offset =
    groups['sign'] === undefined
      ? 'Z'
      : `${sign < 0 ? '-' : '+'}${pad(offsetHours)}:${pad(offsetMinutesPart)}`;
  const iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${offset}`;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute) - offsetMinutes * 60_000;
  return { ok: true, published: { iso, epochMs, offset, offsetMinutes } };
}

/** Days in a month; February has 29 when the year is unknown. */
function daysInMonth(month: number, year: number | undefined): number {
  // Day 0 of the next month is the last day of this one; 2000 was a leap year.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}
