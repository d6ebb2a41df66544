/**
 * Topics, authors and sources: the names a story is filed under besides its
 * section, each with pages of its own. Here a name becomes its URL name,
 * stories are grouped by URL name (so tags that differ only in letter case
 * are one topic), each group gets the spelling most of its stories use, and
 * the groups are sorted A–Z for the index pages and split by initial for
 * their jump lists. Pure: the site index calls it once per build.
 */
import type { ArticleMeta } from './articles/schema.ts';
import { textToSlug } from './articles/slug.ts';
import type { Taxonomy } from './urls.ts';

/** Every grouping by name, in the order the site lists them. */
export const TAXONOMIES: readonly Taxonomy[] = ['topic', 'author', 'source'];

/** The fields the grouping reads. */
export type TaxonomyEntry = Pick<ArticleMeta, 'tags' | 'authors' | 'source'>;

/**
 * A name's URL name, made as a section's (`textToSlug`); `''` when the name
 * has no Latin letter or digit to make one from.
 *
 * @example nameToSlug('Sergei Naryshkin') // 'sergei-naryshkin'
 * @example nameToSlug('AT&T') // 'at-t'
 */
export function nameToSlug(name: string): string {
  return textToSlug(name);
}

/** The names a story is filed under in a taxonomy: its tags, its authors, or its source. */
export function articleToNames(article: TaxonomyEntry, taxonomy: Taxonomy): readonly string[] {
  switch (taxonomy) {
    case 'topic':
      return article.tags;
    case 'author':
      return article.authors;
    case 'source':
      return article.source === undefined ? [] : [article.source];
  }
}

/** One topic, author or source and its stories. */
export interface NameGroup<T> {
  /** The URL name. @example sergei-naryshkin */
  slug: string;
  /**
   * The name as shown: the spelling most of its stories use; on a tie, the
   * spelling of the first story in the given order (the newest, since the
   * site lists stories newest first).
   */
  name: string;
  /** Its stories, in the order given (newest first on the site), each once. */
  articles: T[];
}

/**
 * Groups stories by the names `namesOf` gives each, one group per URL
 * name, sorted A–Z by `compareNames`. A story that gives two spellings of
 * one name (`Velmora`, `velmora`) is listed once and counts for the first
 * it gives. Names that make no URL name are left out: they can have no page.
 *
 * @param articles in the order the groups list them: newest first on the site
 * @param locale the language whose alphabet orders the names. @example en
 */
export function groupByName<T>(
  articles: readonly T[],
  namesOf: (article: T) => readonly string[],
  locale: string,
): NameGroup<T>[] {
  /** Per URL name: its stories, and each spelling's count in first-seen order. */
  const found = new Map<string, { articles: T[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const slug = nameToSlug(name);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      let group = found.get(slug);
      if (!group) {
        group = { articles: [], spellings: new Map() };
        found.set(slug, group);
      }
      group.articles.push(article);
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    }
  }
  const groups = [...found].map(([slug, { articles: listed, spellings }]) => ({
    slug,
    name: mostUsed(spellings),
    articles: listed,
  }));
  return groups.sort(nameComparer(locale));
}

/** The spelling with the highest count; on a tie, the one seen first. */
function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  // A Map iterates in insertion order, so the first seen wins a tie.
  for (const [spelling, count] of spellings) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The order of an A–Z list of names in `locale`: letters as its alphabet
 * has them, case and accents aside (`Åland` with the As in English),
 * numbers by value (`G7` before `G20`), punctuation and spaces ignored
 * (`#MeToo` with the Ms); equal names by URL name, then as written, so that
 * the order never depends on the input's.
 */
export function nameComparer(
  locale: string,
): (
  a: Pick<NameGroup<unknown>, 'name' | 'slug'>,
  b: Pick<NameGroup<unknown>, 'name' | 'slug'>,
) => number {
  // One collator for every comparison: `localeCompare` builds one per call.
  const collator = new Intl.Collator(locale, {
    sensitivity: 'base',
    numeric: true,
    ignorePunctuation: true,
  });
  return (a, b) =>
    collator.compare(a.name, b.name) ||
    compareCodePoints(a.slug, b.slug) ||
    compareCodePoints(a.name, b.name);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A run of an A–Z list that starts with one letter, for a jump list. */
export interface InitialGroup<G> {
  /** What the jump list shows: `A` to `Z`, `0–9`, or another alphabet's letter. */
  initial: string;
  /** The page's fragment for it, without `#`. @example initial-a */
  id: string;
  items: G[];
}

/** The label of names that start with a digit. */
export const DIGITS_INITIAL = '0–9';

/**
 * Splits a sorted list of names by their first letter: a Latin letter with
 * its accents dropped (`Éire` under E, `Øresund` under O), `0–9` for names
 * that start with a digit, another alphabet's letter as itself. Punctuation
 * before the first letter is passed over (`#MeToo` under M), as in the
 * sorting. Digits come first, then the letters in `locale`'s order; each
 * run keeps the given order.
 */
export function groupByInitial<G extends { name: string }>(
  items: readonly G[],
  locale: string,
): InitialGroup<G>[] {
  const groups = new Map<string, G[]>();
  for (const item of items) {
    const initial = nameToInitial(item.name);
    const group = groups.get(initial);
    if (group) group.push(item);
    else groups.set(initial, [item]);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const initials = [...groups.keys()].sort((a, b) =>
    a === DIGITS_INITIAL ? -1 : b === DIGITS_INITIAL ? 1 : collator.compare(a, b),
  );
  return initials.map((initial, position) => ({
    initial,
    id: initialToId(initial, position),
    items: groups.get(initial)!,
  }));
}

/**
 * The initial a name is listed under.
 *
 * @example nameToInitial('Éire') // 'E'
 * @example nameToInitial('2024 elections') // '0–9'
 */
export function nameToInitial(name: string): string {
  const first = /[\p{L}\p{N}]/u.exec(name)?.[0];
  if (first === undefined) return '#';
  const latin = textToSlug(first).charAt(0);
  if (/[a-z]/.test(latin)) return latin.toUpperCase();
  if (/[0-9]/.test(latin) || /\p{N}/u.test(first)) return DIGITS_INITIAL;
  return first.toLocaleUpperCase();
}

/** `initial-a`; `initial-0-9`; another alphabet's letter by its place in the list. */
function initialToId(initial: string, position: number): string {
  if (initial === DIGITS_INITIAL) return 'initial-0-9';
  return /^[A-Z]$/.test(initial) ? `initial-${initial.toLowerCase()}` : `initial-${position + 1}`;
}
