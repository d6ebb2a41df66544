/**
 * Instants written as ISO 8601 date-times with an offset, kept as written.
 *
 * A newsroom files from many places: `2019-05-22T08:36:00+03:00` says both
 * when and where-ish. A JavaScript `Date` keeps only the when, so an instant
 * keeps the text as written, its offset, and the epoch milliseconds.
 */

/** A moment in time with the offset it was written in. */
export interface Instant {
  /** The text as written, e.g. `2019-05-22T08:36:00+03:00`. */
  iso: string;
  /** Milliseconds since the Unix epoch. */
  epochMs: number;
  /** The offset as written, normalised to `+03:00` form; `Z` stays `Z`. */
  offset: string;
  /** The offset in minutes east of UTC (`+03:00` is 180). */
  offsetMinutes: number;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Why a text is not an instant; `undefined` when it is one. */
export type InstantError =
  'not-a-date-time' | 'no-time' | 'no-offset' | 'out-of-range' | 'year-out-of-range';

/**
 * The first and last moments an instant may name: addresses (`/YYYY/…`),
 * sitemaps and feeds write four-digit years, so a moment must fall in the
 * years 1000 to 9999 in every time zone, a day inside each end.
 */
export const EARLIEST_INSTANT_MS = Date.UTC(1000, 0, 2);
/** See `EARLIEST_INSTANT_MS`. */
export const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31) - 1;

/**
 * Reads an ISO 8601 date-time that carries an offset or `Z`.
 *
 * @returns the instant, or the reason the text is not one.
 */
export function parseInstant(text: string): Instant | InstantError {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'no-time';
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return 'not-a-date-time';
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  if (!zone) return 'no-offset';

  const numbers = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = numbers;
  // Before the round trip below, which would take years 0 to 99 for 1900 to 1999.
  if (y < 1000) return 'year-out-of-range';
  const localMs = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const check = new Date(localMs);
  // Date.UTC rolls 31 June over into 1 July; a round trip catches that.
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return 'out-of-range';
  }

  let offsetMinutes = 0;
  let offset = 'Z';
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2, 4) || '0');
    if (offsetHours > 23 || offsetMins > 59) return 'out-of-range';
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
    offset = `${zone[0]}${String(offsetHours).padStart(2, '0')}:${String(offsetMins).padStart(2, '0')}`;
  }
  const epochMs = localMs - offsetMinutes * 60_000;
  if (epochMs < EARLIEST_INSTANT_MS || epochMs > LATEST_INSTANT_MS) return 'year-out-of-range';
  return { iso: value, epochMs, offset, offsetMinutes };
}

/** Whether a parse result is an instant rather than an error. */
export function isInstant(value: Instant | InstantError): value is Instant {
  return typeof value === 'object';
}

/** An instant for a `Date`, written in UTC (`…Z`). */
export function dateToInstant(date: Date): Instant {
  return { iso: date.toISOString(), epochMs: date.getTime(), offset: 'Z', offsetMinutes: 0 };
}
