/**
 * Slug and section-name rules of the article contract.
 */

/** Lowercase ASCII letters and digits in runs joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` is a valid slug under the contract. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * Turns free text into a slug candidate: accents dropped, lowercase, every
 * run of other characters made one hyphen. Returns `''` when nothing of the
 * text survives (for example a name written only in Cyrillic).
 *
 * @example textToSlug('Russian Politics & Diplomacy') // 'russian-politics-diplomacy'
 */
export function textToSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The slug a file gets when its front matter names none: its base name
 * without the `.md` extension.
 *
 * @example pathToSlug('content/2019/05/naryshkin-svr.md') // 'naryshkin-svr'
 */
export function pathToSlug(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.md$/i, '');
}
