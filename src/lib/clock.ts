/**
 * The build's clock. Articles published after it are scheduled and left out
 * of production builds; setting it makes that testable.
 */
import { isInstant, parseInstant } from './instant.ts';

/** The environment variable that sets the build's clock. */
export const CLOCK_VARIABLE = 'SITE_CLOCK';

/**
 * The build's clock in epoch milliseconds: `SITE_CLOCK` when it is set (an
 * ISO 8601 date-time with an offset, e.g. `2026-01-01T00:00:00Z`), else now.
 *
 * @throws Error when `SITE_CLOCK` is set but not a date-time with an offset
 */
export function readClock(env: Record<string, string | undefined>, fallback = Date.now()): number {
  const value = env[CLOCK_VARIABLE];
  if (value === undefined || value === '') return fallback;
  const instant = parseInstant(value);
  if (!isInstant(instant)) {
    throw new Error(
      `${CLOCK_VARIABLE}="${value}" is not a date and time with an offset; set it like ${CLOCK_VARIABLE}=2026-01-01T00:00:00Z, or unset it to use the current time.`,
    );
  }
  return instant.epochMs;
}
