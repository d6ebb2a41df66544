/**
 * The search page's state, kept in its address so that a results page can
 * be shared: `/search/?q=harbour&section=World&year=2025&sort=newest`. The
 * parameter names are the search form's field names, so the form submits
 * the same address that the page writes.
 *
 * Pure functions: no DOM and no Pagefind, so pages and tests can share them.
 */
import { SEARCH_FILTER, SEARCH_SORT } from './pagefind-names.ts';

/** What a reader asked for. Empty strings mean "not set". */
export interface SearchState {
  /** The words typed. */
  q: string;
  /** A section's display name, as Pagefind's `section` filter holds it. */
  section: string;
  /** A year, `2025`, as Pagefind's `year` filter holds it. */
  year: string;
  /** Best matches first, or newest first. */
  sort: SearchSort;
}

/** How results are ordered. */
export type SearchSort = 'relevance' | 'newest';

/** The form's and the address's parameter names. */
export const SEARCH_PARAMS = { q: 'q', section: 'section', year: 'year', sort: 'sort' } as const;

/** Reads the state from an address's query string; unknown values fall back to defaults. */
export function searchParamsToState(params: URLSearchParams): SearchState {
  const read = (name: string) => (params.get(name) ?? '').replace(/\s+/g, ' ').trim();
  return {
    q: read(SEARCH_PARAMS.q),
    section: read(SEARCH_PARAMS.section),
    year: /^\d{4}$/.test(read(SEARCH_PARAMS.year)) ? read(SEARCH_PARAMS.year) : '',
    sort: read(SEARCH_PARAMS.sort) === 'newest' ? 'newest' : 'relevance',
  };
}

/**
 * The query string for a state, leaving out what is not set, so that a
 * plain search reads `?q=harbour`.
 */
export function stateToSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set(SEARCH_PARAMS.q, state.q);
  if (state.section) params.set(SEARCH_PARAMS.section, state.section);
  if (state.year) params.set(SEARCH_PARAMS.year, state.year);
  if (state.sort !== 'relevance') params.set(SEARCH_PARAMS.sort, state.sort);
  return params;
}

/** Whether the state asks for anything: words, or a section or year to list. */
export function stateHasQuery(state: SearchState): boolean {
  return Boolean(state.q || state.section || state.year);
}

/** Pagefind's search options for a state: its filters and sort. */
export function stateToSearchOptions(state: SearchState): {
  filters: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, string> = {};
  if (state.section) filters[SEARCH_FILTER.section] = state.section;
  if (state.year) filters[SEARCH_FILTER.year] = state.year;
  // Without words there is no relevance to rank by, so a plain listing is newest first.
  const newest = state.sort === 'newest' || !state.q;
  return newest ? { filters, sort: { [SEARCH_SORT.date]: 'desc' } } : { filters };
}

/**
 * The sentence that announces results, e.g. `3 results for “harbour” in
 * World, 2025, newest first.` or `No results for “zeppelin”.`
 */
export function resultCountMessage(state: SearchState, count: number): string {
  const scope = [state.section, state.year].filter(Boolean).join(', ');
  const within = scope ? ` in ${scope}` : '';
  if (!state.q) {
    return count === 0
      ? `No stories${within}.`
      : `${count} ${count === 1 ? 'story' : 'stories'}${within}.`;
  }
  const words = `“${state.q}”`;
  if (count === 0) return `No results for ${words}${within}.`;
  // Say the order too: a change of order alone should be announced.
  const order = state.sort === 'newest' && count > 1 ? ', newest first' : '';
  return `${count} ${count === 1 ? 'result' : 'results'} for ${words}${within}${order}.`;
}

/** Years newest first and sections in alphabetical order, as the filter menus list them. */
export function sortFilterValues(name: string, values: string[]): string[] {
  return name === SEARCH_FILTER.year
    ? [...values].sort((a, b) => b.localeCompare(a))
    : [...values].sort((a, b) => a.localeCompare(b, 'en'));
}
