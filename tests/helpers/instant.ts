import { parseInstant, type Instant } from '../../src/lib/instant.ts';

/** The instant an ISO 8601 date-time names; throws when the text is not one. */
export function instant(text: string): Instant {
  const parsed = parseInstant(text);
  if (typeof parsed === 'string') throw new Error(`${text}: ${parsed}`);
  return parsed;
}
