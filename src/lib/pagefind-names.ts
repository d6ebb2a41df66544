/**
 * Pagefind's names on this site: where the search bundles are in the
 * output, and the filters, metadata and sort key each story's search
 * document carries. The build writes them and the search page's script
 * reads them, both from here; the script is bundled for the browser, so
 * this module stays pure and imports nothing.
 */

/** The folder of the search bundles inside the site's output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** The file, in that folder, that lists the bundles' years, newest first. */
export const SHARDS_FILE = 'shards.json';
/** The module, in each year's bundle folder, that is Pagefind's browser API. */
export const BUNDLE_MODULE = 'pagefind.js';
/** The file, in each bundle folder, that Pagefind writes last and that counts its pages. */
export const BUNDLE_ENTRY_FILE = 'pagefind-entry.json';

/** The filters a story is filed under: its section's name and its year in the site's zone. */
export const SEARCH_FILTER = { section: 'section', year: 'year' } as const;
/** The metadata a result shows: the headline and the date as readers see it. */
export const SEARCH_META = { title: 'title', date: 'date' } as const;
/** The sort keys: `date` is the moment of publication. */
export const SEARCH_SORT = { date: 'date' } as const;

/**
 * The address of the list of bundles.
 *
 * @param base the site's base path, ending in `/`
 */
export function shardsUrl(base: string): string {
  return `${base}${SEARCH_BUNDLE_DIR}/${SHARDS_FILE}`;
}

/**
 * The address of a year's bundle module.
 *
 * @param base the site's base path, ending in `/`
 */
export function bundleModuleUrl(base: string, year: string): string {
  return `${base}${SEARCH_BUNDLE_DIR}/${year}/${BUNDLE_MODULE}`;
}
