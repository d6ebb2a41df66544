/**
 * Dates in the site's time zone (display, archive keys) and at the offset a
 * moment was written in (agency datelines, and the dates feeds and sitemaps
 * write), with the one list of month names.
 *
 * Never uses the build machine's zone: every function takes the zone, or
 * reads the offset the moment carries.
 */
import type { Instant } from './instant.ts';

/** A calendar day in some time zone. */
export interface CalendarDay {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Cached formatters: building one is far slower than using it. */
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

interface ZonedParts extends CalendarDay {
  hour: number;
  minute: number;
  /** Minutes east of UTC in that zone at that moment. */
  offsetMinutes: number;
}

/** Parts already worked out, by zone and moment: pages show the same stories' times again and again. */
const zonedPartsCache = new Map<string, Readonly<ZonedParts>>();

/** The wall-clock parts of a moment in a time zone. */
export function zonedParts(epochMs: number, timeZone: string): Readonly<ZonedParts> {
  const key = `${timeZone}|${epochMs}`;
  const cached = zonedPartsCache.get(key);
  if (cached) return cached;
  const parts = formatter(timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  const hour = get('hour');
  const minute = get('minute');
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, get('second'));
  const offsetMinutes = Math.round((wallMs - Math.floor(epochMs / 1000) * 1000) / 60_000);
  const result = Object.freeze({ year, month, day, hour, minute, offsetMinutes });
  zonedPartsCache.set(key, result);
  return result;
}

/** The calendar day of a moment in a time zone, for archives by day. */
export function instantToDay(instant: Pick<Instant, 'epochMs'>, timeZone: string): CalendarDay {
  const { year, month, day } = zonedParts(instant.epochMs, timeZone);
  return { year, month, day };
}

/** `UTC+3`, `UTC-5:30`, `UTC`. */
export function offsetToLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  const minutes = absolute % 60;
  return `UTC${sign}${Math.floor(absolute / 60)}${minutes ? `:${pad(minutes)}` : ''}`;
}

/**
 * A moment as readers see it, in the site's zone with its offset.
 *
 * @example formatDateTime(instant, 'Europe/Moscow') // 'May 22, 2019, 08:36 (UTC+3)'
 */
export function formatDateTime(instant: Pick<Instant, 'epochMs'>, timeZone: string): string {
  const parts = zonedParts(instant.epochMs, timeZone);
  return `${MONTHS[parts.month - 1]} ${parts.day}, ${parts.year}, ${pad(parts.hour)}:${pad(parts.minute)} (${offsetToLabel(parts.offsetMinutes)})`;
}

/** `May 22, 2019`. */
export function formatDay(day: CalendarDay): string {
  return `${MONTHS[day.month - 1]} ${day.day}, ${day.year}`;
}

/** `May 2019`. */
export function formatMonth(year: number, month: number): string {
  return `${MONTHS[month - 1]} ${year}`;
}

/** The English name of a month, 1 to 12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? '';
}

/**
 * The agency-style opening of a body: `DUSHANBE, May 22. /TASS/.`
 *
 * The date is the day at the place of filing, read from the offset the
 * article was written with, as agencies date their copy.
 */
export function formatDateline(
  dateline: string,
  source: string | undefined,
  published: Instant,
): string {
  return datelineToParts(dateline, source, published)
    .map((part) => ('source' in part ? part.source : part.text))
    .join('');
}

/** A piece of a dateline: text as it reads, or the source's name, which a page may link. */
export type DatelinePart = { text: string } | { source: string };

/**
 * The agency-style opening in pieces, so that a page can link the source
 * (`DUSHANBE, May 22. /`, `TASS`, `/.`); joined, they are `formatDateline`'s text.
 */
export function datelineToParts(
  dateline: string,
  source: string | undefined,
  published: Instant,
): DatelinePart[] {
  const { month, day } = instantToWallClock(published);
  const opening = `${dateline}, ${monthName(month)} ${day}.`;
  return source ? [{ text: `${opening} /` }, { source }, { text: '/.' }] : [{ text: opening }];
}

/** The date and time a clock showed at some moment, where some offset from UTC was in force. */
export interface WallClock extends CalendarDay {
  /** 0 (Sunday) to 6 (Saturday). */
  weekday: number;
  /** 0 to 23. */
  hour: number;
  minute: number;
  /** 0 to 59. */
  second: number;
  /** 0 to 999: the fraction of the second, which most formats drop. */
  millisecond: number;
}

/**
 * The wall-clock date and time of a moment at the offset it was written in.
 *
 * @example instantToWallClock(parseInstant('2019-05-22T08:36:00.5+03:00')) // { year: 2019, month: 5, day: 22, weekday: 3, hour: 8, minute: 36, second: 0, millisecond: 500 }
 */
export function instantToWallClock(moment: Pick<Instant, 'epochMs' | 'offsetMinutes'>): WallClock {
  // Shifting by the offset and reading UTC fields gives the wall clock there.
  const local = new Date(moment.epochMs + moment.offsetMinutes * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

/**
 * An offset from UTC as a sign and four digits, hours and minutes, with
 * `separator` between them: `+03:00` (ISO 8601) or `+0300` (RFC 822).
 */
export function offsetToDigits(offsetMinutes: number, separator: ':' | ''): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(offset / 60))}${separator}${pad(offset % 60)}`;
}

/** `2019-05-22` for a calendar day. */
export function dayToIso(day: CalendarDay): string {
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

/** Two digits: `05`. */
export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
