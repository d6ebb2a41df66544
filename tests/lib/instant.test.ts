import { describe, expect, it } from 'vitest';
import {
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  dateToInstant,
  isInstant,
  parseInstant,
} from '../../src/lib/instant.ts';

describe('parseInstant', () => {
  it('keeps the text, the offset as written and the epoch milliseconds', () => {
    expect(parseInstant('2019-05-22T08:36:00+03:00')).toStrictEqual({
      iso: '2019-05-22T08:36:00+03:00',
      epochMs: Date.UTC(2019, 4, 22, 5, 36),
      offset: '+03:00',
      offsetMinutes: 180,
    });
  });

  it('keeps Z as the offset of a UTC time', () => {
    expect(parseInstant('2019-05-22T05:36:00Z')).toMatchObject({
      offset: 'Z',
      offsetMinutes: 0,
      epochMs: Date.UTC(2019, 4, 22, 5, 36),
    });
  });

  it('reads half-hour and negative offsets, with or without a colon', () => {
    expect(parseInstant('2019-05-22T08:36:00+05:30')).toMatchObject({
      offset: '+05:30',
      offsetMinutes: 330,
      epochMs: Date.UTC(2019, 4, 22, 3, 6),
    });
    expect(parseInstant('2019-05-22T08:36:00-0500')).toMatchObject({
      iso: '2019-05-22T08:36:00-0500',
      offset: '-05:00',
      offsetMinutes: -300,
      epochMs: Date.UTC(2019, 4, 22, 13, 36),
    });
    expect(parseInstant('2019-05-22T08:36:00+03')).toMatchObject({ offset: '+03:00' });
  });

  it('accepts a time without seconds and with a fraction of a second', () => {
    expect(parseInstant('2019-05-22T08:36+03:00')).toMatchObject({
      epochMs: Date.UTC(2019, 4, 22, 5, 36),
    });
    expect(parseInstant('2019-05-22T08:36:00.25Z')).toMatchObject({
      epochMs: Date.UTC(2019, 4, 22, 8, 36, 0, 250),
    });
  });

  it('trims white space around the text', () => {
    expect(parseInstant(' 2019-05-22T05:36:00Z\n')).toMatchObject({ iso: '2019-05-22T05:36:00Z' });
  });

  it('says a date without a time has no time', () => {
    expect(parseInstant('2019-05-22')).toBe('no-time');
  });

  it('says a time without an offset has no offset', () => {
    expect(parseInstant('2019-05-22T08:36:00')).toBe('no-offset');
  });

  it.each([
    ['a day that does not exist', '2019-02-30T08:36:00+03:00'],
    ['a month that does not exist', '2019-13-01T08:36:00+03:00'],
    ['hour 24', '2019-05-22T24:00:00Z'],
    ['minute 60', '2019-05-22T08:60:00Z'],
    ['second 60', '2019-05-22T08:36:60Z'],
    ['an offset of 24 hours', '2019-05-22T08:36:00+24:00'],
    ['an offset with 60 minutes', '2019-05-22T08:36:00+03:60'],
  ])('says %s is out of range', (_, text) => {
    expect(parseInstant(text)).toBe('out-of-range');
  });

  it.each([
    ['a year before 1000', '0999-12-31T23:59:59Z'],
    ['year 0099, which Date would take for 1999', '0099-05-22T08:36:00Z'],
    ['the first day of 1000, which is 999 west of UTC', '1000-01-01T12:00:00Z'],
    ['the last day of 9999, which is 10000 east of UTC', '9999-12-31T00:00:00Z'],
    ['a moment in 1000 written in 999', '0999-12-31T23:00:00-03:00'],
  ])('says %s is outside the years the site can write', (_, text) => {
    expect(parseInstant(text)).toBe('year-out-of-range');
  });

  it('accepts the first and last moments inside them', () => {
    expect(parseInstant('1000-01-02T00:00:00Z')).toMatchObject({ epochMs: EARLIEST_INSTANT_MS });
    expect(parseInstant('9999-12-30T23:59:59.999Z')).toMatchObject({ epochMs: LATEST_INSTANT_MS });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(isInstant(parseInstant('2024-02-29T12:00:00Z'))).toBe(true);
    expect(parseInstant('2023-02-29T12:00:00Z')).toBe('out-of-range');
  });

  it.each([
    'yesterday',
    '',
    '22.05.2019 08:36',
    '2019-05-22 08:36:00+03:00',
    '2019-05-22t08:36:00z',
    '2019-5-22T08:36:00Z',
  ])('says %j is not a date and time', (text) => {
    expect(parseInstant(text)).toBe('not-a-date-time');
  });
});

describe('isInstant', () => {
  it('tells an instant from a reason', () => {
    expect(isInstant(parseInstant('2019-05-22T05:36:00Z'))).toBe(true);
    expect(isInstant('no-offset')).toBe(false);
  });
});

describe('dateToInstant', () => {
  it('writes a Date in UTC', () => {
    expect(dateToInstant(new Date(Date.UTC(2019, 4, 22, 5, 36)))).toStrictEqual({
      iso: '2019-05-22T05:36:00.000Z',
      epochMs: Date.UTC(2019, 4, 22, 5, 36),
      offset: 'Z',
      offsetMinutes: 0,
    });
  });
});
