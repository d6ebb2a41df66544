import { describe, expect, it } from 'vitest';
import { CLOCK_VARIABLE, readClock } from '../../src/lib/clock.ts';

describe('readClock', () => {
  it('reads SITE_CLOCK as an instant', () => {
    expect(CLOCK_VARIABLE).toBe('SITE_CLOCK');
    expect(readClock({ SITE_CLOCK: '2026-01-01T03:00:00+03:00' }, 0)).toBe(Date.UTC(2026, 0, 1));
  });

  it('falls back to the given time when SITE_CLOCK is absent or empty', () => {
    expect(readClock({}, 1234)).toBe(1234);
    expect(readClock({ SITE_CLOCK: '' }, 1234)).toBe(1234);
  });

  it('falls back to the current time by default', () => {
    const before = Date.now();
    const clock = readClock({});
    expect(clock).toBeGreaterThanOrEqual(before);
    expect(clock).toBeLessThanOrEqual(Date.now());
  });

  it('throws a message that says how to set it when SITE_CLOCK is not a date-time with an offset', () => {
    expect(() => readClock({ SITE_CLOCK: '2026-01-01' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: SITE_CLOCK="2026-01-01" is not a date and time with an offset; set it like SITE_CLOCK=2026-01-01T00:00:00Z, or unset it to use the current time.]`,
    );
    expect(() => readClock({ SITE_CLOCK: '2026-01-01T00:00:00' })).toThrow(
      /SITE_CLOCK="2026-01-01T00:00:00"/,
    );
    expect(() => readClock({ SITE_CLOCK: 'tomorrow' })).toThrow(/not a date and time/);
  });
});
