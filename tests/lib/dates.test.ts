import { describe, expect, it } from 'vitest';
import {
  dayToIso,
  datelineToParts,
  formatDateline,
  formatDateTime,
  formatDay,
  formatMonth,
  instantToDay,
  instantToWallClock,
  monthName,
  offsetToDigits,
  offsetToLabel,
  pad,
  zonedParts,
} from '../../src/lib/dates.ts';
import { instant } from '../helpers/instant.ts';

describe('formatDateTime', () => {
  it('shows a moment in the site zone with its offset', () => {
    expect(formatDateTime(instant('2019-05-22T08:36:00+03:00'), 'Europe/Moscow')).toBe(
      'May 22, 2019, 08:36 (UTC+3)',
    );
  });

  it('shows the site zone’s wall clock whatever offset the article was written in', () => {
    expect(formatDateTime(instant('2019-05-22T00:36:00-05:00'), 'Europe/Moscow')).toBe(
      'May 22, 2019, 08:36 (UTC+3)',
    );
  });

  it('shows half-hour zones and UTC', () => {
    expect(formatDateTime(instant('2019-05-22T05:36:00Z'), 'Asia/Kolkata')).toBe(
      'May 22, 2019, 11:06 (UTC+5:30)',
    );
    expect(formatDateTime(instant('2019-05-22T05:36:00Z'), 'UTC')).toBe(
      'May 22, 2019, 05:36 (UTC)',
    );
  });

  it('follows daylight saving time', () => {
    expect(formatDateTime(instant('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(
      'January 15, 2025, 07:00 (UTC-5)',
    );
    expect(formatDateTime(instant('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(
      'July 15, 2025, 08:00 (UTC-4)',
    );
  });

  it('shows midnight as 00, not 24', () => {
    expect(formatDateTime(instant('2025-06-10T21:00:00Z'), 'Europe/Moscow')).toBe(
      'June 11, 2025, 00:00 (UTC+3)',
    );
  });
});

describe('instantToDay', () => {
  it('files a story under the site zone’s day, not the day it was written in', () => {
    expect(instantToDay(instant('2025-06-10T23:30:00-05:00'), 'Europe/Moscow')).toStrictEqual({
      year: 2025,
      month: 6,
      day: 11,
    });
  });

  it('moves a late UTC story into the next year in a zone east of UTC', () => {
    expect(instantToDay(instant('2025-12-31T22:30:00Z'), 'Europe/Moscow')).toStrictEqual({
      year: 2026,
      month: 1,
      day: 1,
    });
  });

  it('keeps an early story on the previous day in a zone west of UTC', () => {
    expect(instantToDay(instant('2026-01-01T03:00:00Z'), 'America/New_York')).toStrictEqual({
      year: 2025,
      month: 12,
      day: 31,
    });
  });

  it('uses half-hour zones', () => {
    // 18:29 UTC is 23:59 in Kolkata; a minute later it is the next day there.
    expect(instantToDay(instant('2025-06-10T18:29:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 10,
    });
    expect(instantToDay(instant('2025-06-10T18:30:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 11,
    });
  });
});

describe('zonedParts', () => {
  it('gives the wall clock and the zone’s offset at that moment', () => {
    expect(zonedParts(Date.UTC(2025, 5, 10, 18, 30), 'Asia/Kathmandu')).toStrictEqual({
      year: 2025,
      month: 6,
      day: 11,
      hour: 0,
      minute: 15,
      offsetMinutes: 345,
    });
  });

  it('gives a negative offset west of UTC', () => {
    expect(zonedParts(Date.UTC(2025, 5, 10, 12), 'America/St_Johns').offsetMinutes).toBe(-150);
  });
});

describe('offsetToLabel', () => {
  it.each([
    [0, 'UTC'],
    [180, 'UTC+3'],
    [330, 'UTC+5:30'],
    [345, 'UTC+5:45'],
    [-300, 'UTC-5'],
    [-570, 'UTC-9:30'],
  ])('labels %i minutes as %s', (minutes, label) => {
    expect(offsetToLabel(minutes)).toBe(label);
  });
});

describe('formatDateline', () => {
  it('opens the body in agency style', () => {
    expect(formatDateline('DUSHANBE', 'TASS', instant('2019-05-22T08:36:00+03:00'))).toBe(
      'DUSHANBE, May 22. /TASS/.',
    );
  });

  it('leaves the credit out without a source', () => {
    expect(formatDateline('DUSHANBE', undefined, instant('2019-05-22T08:36:00+03:00'))).toBe(
      'DUSHANBE, May 22.',
    );
  });

  it('dates the copy by the day at the place of filing, read from its offset', () => {
    // 23:30 in Washington is already May 23 in Moscow, but the dateline is Washington's.
    expect(formatDateline('WASHINGTON', 'TASS', instant('2019-05-22T23:30:00-04:00'))).toBe(
      'WASHINGTON, May 22. /TASS/.',
    );
  });
});

describe('datelineToParts', () => {
  it('gives the source apart, so that a page can link it, and joins to formatDateline', () => {
    const published = instant('2019-05-22T08:36:00+03:00');
    expect(datelineToParts('DUSHANBE', 'TASS', published)).toEqual([
      { text: 'DUSHANBE, May 22. /' },
      { source: 'TASS' },
      { text: '/.' },
    ]);
    expect(datelineToParts('DUSHANBE', undefined, published)).toEqual([
      { text: 'DUSHANBE, May 22.' },
    ]);
  });
});

describe('instantToWallClock', () => {
  it('reads the date and time at the offset the moment was written in', () => {
    expect(instantToWallClock(instant('2019-05-22T23:30:00-04:00'))).toEqual({
      year: 2019,
      month: 5,
      day: 22,
      weekday: 3,
      hour: 23,
      minute: 30,
      second: 0,
      millisecond: 0,
    });
  });

  it('keeps the fraction of a second apart from the second, also before 1970', () => {
    expect(instantToWallClock(instant('2024-12-31T23:59:59.999+05:30'))).toMatchObject({
      year: 2024,
      hour: 23,
      minute: 59,
      second: 59,
      millisecond: 999,
    });
    expect(instantToWallClock(instant('1969-12-31T23:59:59.5Z'))).toMatchObject({
      year: 1969,
      month: 12,
      day: 31,
      second: 59,
      millisecond: 500,
    });
  });
});

describe('offsetToDigits', () => {
  it.each([
    [0, ':', '+00:00'],
    [180, ':', '+03:00'],
    [-330, ':', '-05:30'],
    [345, '', '+0545'],
    [-600, '', '-1000'],
  ] as const)('writes %i minutes with %j as %s', (minutes, separator, text) => {
    expect(offsetToDigits(minutes, separator)).toBe(text);
  });
});

describe('calendar helpers', () => {
  it('formats days, months and ISO days', () => {
    expect(formatDay({ year: 2019, month: 5, day: 22 })).toBe('May 22, 2019');
    expect(formatMonth(2019, 12)).toBe('December 2019');
    expect(monthName(1)).toBe('January');
    expect(monthName(13)).toBe('');
    expect(dayToIso({ year: 2019, month: 5, day: 2 })).toBe('2019-05-02');
    expect(pad(5)).toBe('05');
    expect(pad(12)).toBe('12');
  });
});
