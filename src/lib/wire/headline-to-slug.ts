/**
 * The slug, and so the file name, of an imported story.
 */
import { textToSlug } from '../articles/slug.ts';

/** Longest slug the importer makes: long enough to be specific, short enough for an address. */
export const WIRE_SLUG_MAX_LENGTH = 60;

/**
 * A headline as a slug of at most `WIRE_SLUG_MAX_LENGTH` characters, cut at
 * a hyphen so that no word is chopped (a single over-long word is cut
 * where it must be). Returns `''` when the headline has no Latin letters or
 * digits.
 *
 * @example headlineToSlug('Security chief does not rule out restoring contacts between Russian, US intel services')
 * // 'security-chief-does-not-rule-out-restoring-contacts-between'
 */
export function headlineToSlug(headline: string): string {
  const slug = textToSlug(headline);
  if (slug.length <= WIRE_SLUG_MAX_LENGTH) return slug;
  const head = slug.slice(0, WIRE_SLUG_MAX_LENGTH + 1);
  const lastHyphen = head.lastIndexOf('-');
  return lastHyphen > 0 ? head.slice(0, lastHyphen) : head.slice(0, WIRE_SLUG_MAX_LENGTH);
}
