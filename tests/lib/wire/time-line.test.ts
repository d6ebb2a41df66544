import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/lib/instant.ts';
import {
  isFourDigitYear,
  looksLikeTimeLine,
  monthToNumber,
  parseTimeLine,
} from '../../../src/lib/wire/time-line.ts';

describe('parseTimeLine', () => {
  it.each([
    ['May 22, 8:36 UTC+3', '2019-05-22T08:36:00+03:00'],
    ['May 22, 18:05 UTC', '2019-05-22T18:05:00Z'],
    ['Dec 3, 08:00 UTC-5', '2019-12-03T08:00:00-05:00'],
    ['May 22, 8:36 UTC+5:30', '2019-05-22T08:36:00+05:30'],
    ['May 22, 2019, 8:36 UTC+3', '2019-05-22T08:36:00+03:00'],
    ['September 1, 0:00 UTC+0', '2019-09-01T00:00:00+00:00'],
    ['Sept. 30, 23:59 UTC-12', '2019-09-30T23:59:00-12:00'],
    ['feb 29, 2024, 12:00 UTC', '2024-02-29T12:00:00Z'],
    ['May 22, 1000, 8:36 UTC+14', '1000-05-22T08:36:00+14:00'],
    ['Dec 30, 9999, 11:59 UTC-12', '9999-12-30T11:59:00-12:00'],
    // Word's minus sign and en dash, and its non-breaking spaces.
    ['May 22, 8:36 UTC\u22123', '2019-05-22T08:36:00-03:00'],
    ['May 22, 8:36 UTC\u20133:30', '2019-05-22T08:36:00-03:30'],
    ['May\u00A022,\u00A08:36\u00A0UTC+3 ', '2019-05-22T08:36:00+03:00'],
  ])('reads %s as %s, the same instant the article parser reads', (line, iso) => {
    const result = parseTimeLine(line, 2019);
    expect(result).toEqual({ ok: true, published: parseInstant(iso) });
  });

  it('prefers a year written in the line to the fallback year', () => {
    const result = parseTimeLine('May 22, 2021, 8:36 UTC+3', 2019);
    expect(result.ok && result.published.iso).toBe('2021-05-22T08:36:00+03:00');
  });

  it('needs a year from the line or the caller', () => {
    expect(parseTimeLine('May 22, 8:36 UTC+3', undefined)).toEqual({
      ok: false,
      problems: [
        {
          column: 1,
          ruleId: 'wire-year-missing',
          message:
            'the time line "May 22, 8:36 UTC+3" gives no year; import with --year YYYY, or write the year into the line, as May 22, 2019, 8:36 UTC+3',
        },
      ],
    });
  });

  it.each([
    [
      'Mai 22, 8:36 UTC+3',
      1,
      'wire-month',
      '"Mai" is not a month; write an English month name or its first three letters, as May or Dec',
    ],
    ['May 32, 8:36 UTC+3', 5, 'wire-day', '32 is not a day of the month; check the day'],
    ['Jun 31, 8:36 UTC+3', 5, 'wire-day', 'there is no June 31 in 2019; check the day'],
    [
      'May 22, 24:00 UTC+3',
      9,
      'wire-time',
      '24:00 is not a time of day; write it on the 24-hour clock, from 0:00 to 23:59',
    ],
    [
      'May 22, 8:60 UTC+3',
      9,
      'wire-time',
      '8:60 is not a time of day; write it on the 24-hour clock, from 0:00 to 23:59',
    ],
    [
      'May 22, 8:36 UTC+3:75',
      17,
      'wire-offset',
      'UTC+3:75 is not an offset any place keeps; offsets run from UTC-12 to UTC+14, as UTC+3 or UTC+5:30',
    ],
    [
      'May 22, 8:36 UTC+14:30',
      17,
      'wire-offset',
      'UTC+14:30 is not an offset any place keeps; offsets run from UTC-12 to UTC+14, as UTC+3 or UTC+5:30',
    ],
    [
      'May 22, 8:36 UTC-13',
      17,
      'wire-offset',
      'UTC-13 is not an offset any place keeps; offsets run from UTC-12 to UTC+14, as UTC+3 or UTC+5:30',
    ],
    ['May 0, 8:36 UTC+3', 5, 'wire-day', '0 is not a day of the month; check the day'],
  ])('rejects %s at column %i', (line, column, ruleId, message) => {
    expect(parseTimeLine(line, 2019)).toEqual({
      ok: false,
      problems: [{ column, ruleId, message }],
    });
  });

  it.each([
    'May 22 8:36 UTC+3',
    '22 May, 8:36 UTC+3',
    'May 22, 8.36 UTC+3',
    'May 22, 8:36 MSK',
    'May 22, 8:36',
    'May 22, -2019, 8:36 UTC+3',
    'May 22, 2019 8:36 UTC+3',
    'May 22, 2019, 8:36 UTC+3 (Moscow)',
    'May 22, ２０１９, 8:36 UTC+3',
  ])('says what a time line looks like when %s is not one', (line) => {
    const result = parseTimeLine(line, 2019);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ column: 1, ruleId: 'wire-time-line' });
    expect(!result.ok && result.problems[0]?.message).toContain('as May 22, 8:36 UTC+3');
  });
});

describe('the year of a time line', () => {
  const yearProblem = (written: string) =>
    `the year ${written} is not a four-digit year from 1000 to 9999, which the article contract and the site's addresses (/YYYY/MM/DD/) need; write the year in full, as May 22, 2019, 8:36 UTC+3`;

  it.each([
    ['999', 9],
    ['0999', 9],
    ['0000', 9],
    ['10000', 9],
    ['20199', 9],
    ['19', 9],
  ])('refuses the year %s at column %i, since the site needs 1000 to 9999', (year, column) => {
    expect(parseTimeLine(`May 22, ${year}, 8:36 UTC+3`, 2019)).toEqual({
      ok: false,
      problems: [{ column, ruleId: 'wire-year', message: yearProblem(year) }],
    });
  });

  it('refuses a fallback year outside 1000 to 9999 as well', () => {
    expect(parseTimeLine('May 22, 8:36 UTC+3', 999)).toEqual({
      ok: false,
      problems: [{ column: 1, ruleId: 'wire-year', message: yearProblem('999') }],
    });
  });

  it('reports the year with the other problems of the line', () => {
    const result = parseTimeLine('Feb 30, 999, 25:00 UTC+3', undefined);
    expect(!result.ok && result.problems.map((problem) => problem.ruleId)).toEqual([
      'wire-year',
      'wire-day',
      'wire-time',
    ]);
  });
});

describe('isFourDigitYear', () => {
  it('takes 1000 to 9999 in four digits, as text or a number', () => {
    expect([1000, '2019', 9999].map(isFourDigitYear)).toEqual([true, true, true]);
    expect(
      [999, '0999', '0000', 10000, '+2019', ' 2019', '2019.0', 2019.5].map(isFourDigitYear),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('monthToNumber', () => {
  it('reads full names and three-letter abbreviations in any case', () => {
    expect(['January', 'feb', 'MAR', 'sept', 'December'].map(monthToNumber)).toEqual([
      1, 2, 3, 9, 12,
    ]);
    expect(monthToNumber('Mai')).toBeUndefined();
  });
});

describe('looksLikeTimeLine', () => {
  it('tells a time line, even a wrong one, from a section name', () => {
    expect(looksLikeTimeLine('May 22, 25:00 UTC+3')).toBe(true);
    expect(looksLikeTimeLine('Russian Politics & Diplomacy')).toBe(false);
  });
});
