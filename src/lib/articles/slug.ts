/**
 * Slug and section-name rules of the article contract.
 */

/**
 * Longest slug, and longest URL name of a section: each names a folder of
 * the built site (`/2026/05/22/<slug>/`, `/section/<name>/`), and file
 * systems take names of at most 255 bytes; 200 leaves room for the names
 * the build gives files beside them.
 */
export const MAX_SLUG_LENGTH = 200;

/** Lowercase ASCII letters and digits in runs joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` is a valid slug under the contract. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * Latin letters that Unicode does not decompose into a base letter and an
 * accent, so dropping accents alone would turn them into word breaks
 * (`Straße` into `stra-e`).
 */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
};
const LATIN_LETTER = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g');

/**
 * Turns free text into a slug candidate: accents dropped, lowercase, every
 * run of other characters made one hyphen. Returns `''` when nothing of the
 * text survives (for example a name written only in Cyrillic).
 *
 * @example textToSlug('Russian Politics & Diplomacy') // 'russian-politics-diplomacy'
 * @example textToSlug('Straße in København') // 'strasse-in-kobenhavn'
 */
export function textToSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LATIN_LETTER, (letter) => LATIN_LETTERS[letter] ?? letter)
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
