import { describe, expect, it } from 'vitest';
import { CLOCK_VARIABLE, ClockError, readClock } from '../../src/lib/clock.ts';

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
      `[ClockError: SITE_CLOCK="2026-01-01" is not a date and time with an offset; set it like SITE_CLOCK=2026-01-01T00:00:00Z, or unset it to use the current time.]`,
    );
    expect(() => readClock({ SITE_CLOCK: '2026-01-01T00:00:00' })).toThrow(
      /SITE_CLOCK="2026-01-01T00:00:00"/,
    );
    expect(() => readClock({ SITE_CLOCK: 'tomorrow' })).toThrow(/not a date and time/);
  });

  it('says it in one line without a stack, showing characters that would break the line or act on a terminal as escapes', () => {
    let error: unknown;
    try {
      readClock({ SITE_CLOCK: '2026\n01\u001b[2J\u2028\u202e\u0085' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClockError);
    const { message, stack } = error as ClockError;
    expect(message).toContain(
      'SITE_CLOCK="2026\\n01\\u001b[2J\\u2028\\u202e\\u0085" is not a date and time',
    );
    expect(message).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    expect(stack).toBe('');
  });
});
