/**
 * The build's clock. Articles published after it are scheduled and left out
 * of production builds; setting it makes that testable.
 */
import { showUnprintable } from './articles/problems.ts';
import { isInstant, parseInstant } from './instant.ts';

/** The environment variable that sets the build's clock. */
export const CLOCK_VARIABLE = 'SITE_CLOCK';

/**
 * A `SITE_CLOCK` that is not a date-time with an offset. Its message is the
 * whole report, one line; it carries no stack, since the fault is in the
 * environment, not the code, and Astro prints a stack wherever there is one.
 */
export class ClockError extends Error {
  override name = 'ClockError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/**
 * The build's clock in epoch milliseconds: `SITE_CLOCK` when it is set (an
 * ISO 8601 date-time with an offset, e.g. `2026-01-01T00:00:00Z`), else now.
 *
 * @throws ClockError when `SITE_CLOCK` is set but not a date-time with an offset
 */
export function readClock(env: Record<string, string | undefined>, fallback = Date.now()): number {
  const value = env[CLOCK_VARIABLE];
  if (value === undefined || value === '') return fallback;
  const instant = parseInstant(value);
  if (!isInstant(instant)) {
    throw new ClockError(
      `${CLOCK_VARIABLE}="${showUnprintable(value)}" is not a date and time with an offset; set it like ${CLOCK_VARIABLE}=2026-01-01T00:00:00Z, or unset it to use the current time.`,
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
