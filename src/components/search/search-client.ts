/**
 * The search page's script, the only JavaScript the site ships. It loads
 * the list of search bundles and Pagefind's module, runs a search whenever
 * the form changes (loading the bundles that search needs, and starting on
 * them as the reader types), keeps the address in step (so results can be
 * shared) and renders results into the page's own accessible markup.
 *
 * Without this script the page still lists sections and years to browse.
 */
import {
  resultCountMessage,
  searchParamsToState,
  stateHasQuery,
  stateToSearchOptions,
  stateToSearchParams,
  type SearchState,
} from '../../lib/search-state.ts';
import { SEARCH_FILTER, SEARCH_META } from '../../lib/pagefind-names.ts';
import type { SearchResult } from './pagefind-api.ts';
import { loadShardedPagefind, type ShardedPagefind } from './sharded-pagefind.ts';

/** Results rendered at once; "Show more results" adds as many again. */
const PAGE_SIZE = 10;
/** Pause after typing before searching, so each keystroke does not search. */
const TYPING_DELAY_MS = 200;

/** Where the site lives; the search bundles are under it (see `pagefind-names.ts`). */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** The page's elements the script works with, found by `data-search-*` attributes. */
interface Elements {
  form: HTMLFormElement;
  query: HTMLInputElement;
  filters: HTMLSelectElement[];
  sort: HTMLSelectElement;
  unavailable: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  template: HTMLTemplateElement;
}

function findElements(): Elements | undefined {
  const one = <T extends Element>(name: string) =>
    document.querySelector<T>(`[data-search-${name}]`) ?? undefined;
  const form = one<HTMLFormElement>('form');
  const query = one<HTMLInputElement>('query');
  const sort = one<HTMLSelectElement>('sort');
  const unavailable = one<HTMLElement>('unavailable');
  const status = one<HTMLElement>('status');
  const list = one<HTMLOListElement>('results');
  const more = one<HTMLButtonElement>('more');
  const template = one<HTMLTemplateElement>('template');
  if (!form || !query || !sort || !unavailable || !status || !list || !more || !template) return;
  const filters = [...document.querySelectorAll<HTMLSelectElement>('[data-search-filter]')];
  return { form, query, filters, sort, unavailable, status, list, more, template };
}

/** Starts the search page: shows the form and runs the search in the address, if any. */
async function start(): Promise<void> {
  const elements = findElements();
  if (!elements) return;
  const { form, query, unavailable } = elements;
  const initial = searchParamsToState(new URLSearchParams(location.search));
  query.value = initial.q;
  form.hidden = false;
  unavailable.hidden = true;

  // Listen at once: a reader may type before the bundle list has loaded,
  // and the runner waits for it.
  const loading = loadPagefind(elements);
  const search = new SearchRunner(loading, elements);
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    clearTimeout(typing);
    if (event.target !== query) return;
    // The bundles load while the reader types; the search waits for a pause.
    void loading.then((pagefind) => pagefind?.prepare(stateToSearchOptions(readState(elements))));
    typing = setTimeout(() => void search.run(), TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== query) void search.run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void search.run();
  });
  elements.more.addEventListener('click', () => void search.showMore());

  showFilters(elements, initial);
  if (stateHasQuery(readState(elements))) await search.run();
}

/** Loads the list of bundles and Pagefind, or says why search cannot run and hides the form. */
async function loadPagefind(elements: Elements): Promise<ShardedPagefind | undefined> {
  try {
    return await loadShardedPagefind(BASE);
  } catch {
    showUnavailable(elements);
    return undefined;
  }
}

/** Hides the form and says why: no bundles, or a bundle that would not load. */
function showUnavailable({ form, unavailable }: Elements): void {
  form.hidden = true;
  unavailable.hidden = false;
  // No bundles: `astro dev` never builds them, and a broken deploy may lack them.
  unavailable.textContent = import.meta.env.DEV
    ? 'Search is not available in development: its index is made when the site is built. Run “npm run build”, then “npm start”, and open this page there.'
    : 'Search could not be loaded. Reload the page to try again, or browse by section or year below.';
}

/** Sets the menus from the address; a value the menus lack is left unset. */
function showFilters(elements: Elements, state: SearchState): void {
  elements.sort.value = state.sort;
  for (const select of elements.filters) {
    const value =
      select.dataset['searchFilter'] === SEARCH_FILTER.year ? state.year : state.section;
    select.value = [...select.options].some((option) => option.value === value) ? value : '';
  }
}

/** The form's state, read through the same rules as the address. */
function readState(elements: Elements): SearchState {
  const params = new URLSearchParams();
  for (const control of [elements.query, elements.sort, ...elements.filters]) {
    params.set(control.name, control.value);
  }
  return searchParamsToState(params);
}

/** Runs searches for the form's state and renders them, newest request winning. */
class SearchRunner {
  #pagefind: Promise<ShardedPagefind | undefined>;
  #elements: Elements;
  #results: SearchResult[] = [];
  #shown = 0;
  /** Counts requests, so that a slow earlier search cannot overwrite a later one. */
  #latest = 0;

  constructor(pagefind: Promise<ShardedPagefind | undefined>, elements: Elements) {
    this.#pagefind = pagefind;
    this.#elements = elements;
  }

  /** Searches for what the form holds now and shows the first results. */
  async run(): Promise<void> {
    const request = ++this.#latest;
    const pagefind = await this.#pagefind;
    if (!pagefind || request !== this.#latest) return;
    const state = readState(this.#elements);
    const query = stateToSearchParams(state).toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);

    if (!stateHasQuery(state)) {
      this.#show([], '');
      return;
    }
    try {
      const response = await pagefind.search(state.q || null, stateToSearchOptions(state));
      if (request !== this.#latest) return;
      // The count is announced once the first results are on the page, so
      // that what a screen reader says is there is there.
      this.#show(response.results, '');
      if (!(await this.showMore(false)) || request !== this.#latest) return;
      this.#elements.status.textContent = resultCountMessage(state, response.results.length);
    } catch {
      showUnavailable(this.#elements);
    }
  }

  /**
   * Renders the next page of results.
   *
   * @param focus move focus to the first new result, as after pressing "Show more results"
   * @returns whether they were rendered (not overtaken by a newer search, nor failed)
   */
  async showMore(focus = true): Promise<boolean> {
    const request = this.#latest;
    const next = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data())).catch(() => {
      showUnavailable(this.#elements);
      return undefined;
    });
    if (!data || request !== this.#latest) return false;
    const items = data.map((result) => this.#renderResult(result));
    this.#elements.list.append(...items);
    this.#shown += next.length;
    this.#elements.more.hidden = this.#shown >= this.#results.length;
    if (focus) items[0]?.querySelector('a')?.focus();
    return true;
  }

  #show(results: SearchResult[], message: string): void {
    this.#results = results;
    this.#shown = 0;
    this.#elements.list.replaceChildren();
    this.#elements.more.hidden = true;
    this.#elements.status.textContent = message;
  }

  #renderResult(result: Awaited<ReturnType<SearchResult['data']>>): HTMLLIElement {
    const item = this.#elements.template.content.firstElementChild?.cloneNode(
      true,
    ) as HTMLLIElement;
    const field = (name: string) => item.querySelector<HTMLElement>(`[data-field="${name}"]`);
    const link = field('link') as HTMLAnchorElement;
    link.href = result.url;
    // Meta values are raw text; only the excerpt is HTML (escaped by Pagefind, with <mark>).
    link.textContent = result.meta[SEARCH_META.title] ?? result.url;
    setText(field('section'), result.filters[SEARCH_FILTER.section]?.[0]);
    setText(field('date'), result.meta[SEARCH_META.date]);
    const excerpt = field('excerpt');
    if (excerpt) excerpt.innerHTML = result.excerpt;
    return item;
  }
}

function setText(element: HTMLElement | null, text: string | undefined): void {
  if (!element) return;
  if (text) element.textContent = text;
  else element.remove();
}

void start();
