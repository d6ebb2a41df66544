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

/** Where `buildClock` keeps its one reading, shared by every module copy in the process. */
const BUILD_CLOCK = Symbol.for('newsroom.buildClock');

/**
 * The build's clock, read once per process: the loader (which leaves out
 * scheduled stories) and the pages (the news sitemap's window) must agree,
 * and Vite may load this module more than once, so the reading is kept on
 * the global object rather than in a module variable.
 */
export function buildClock(): number {
  const holder = globalThis as { [BUILD_CLOCK]?: number };
  holder[BUILD_CLOCK] ??= readClock(process.env);
  return holder[BUILD_CLOCK];
}
