/**
 * Pagefind's names on this site: where the search bundles are in the
 * output, which period of stories each bundle holds, and the filters,
 * metadata and sort key each story's search document carries. The build
 * writes them and the search page's script reads them, both from here; the
 * script is bundled for the browser, so this module stays pure and imports
 * nothing.
 */

/** The folder of the search bundles inside the site's output folder. */
export const SEARCH_BUNDLE_DIR = 'pagefind';
/** The file, in that folder, that lists the bundles (`BundleListing[]`), newest first. */
export const SHARDS_FILE = 'shards.json';

/** A bundle as the list of bundles gives it. */
export interface BundleListing {
  /** The period of stories it holds (see `bundlePeriod`), which names its folder. */
  period: string;
  /** How many stories it holds. */
  pageCount: number;
}
/**
 * Pagefind's browser API, in each bundle folder and, one copy for them all,
 * in the folder of the bundles: every bundle is written by the same
 * Pagefind, so the search page loads the module once.
 */
export const BUNDLE_MODULE = 'pagefind.js';
/** The file, in each bundle folder, that Pagefind writes last and that counts its pages. */
export const BUNDLE_ENTRY_FILE = 'pagefind-entry.json';

/** The filters a story is filed under: its section's name and its year in the site's zone. */
export const SEARCH_FILTER = { section: 'section', year: 'year' } as const;
/**
 * The filter the search page gives every story of a bundle it loads (Pagefind's
 * `mergeFilter`), its value the bundle's period: it is not in the documents.
 */
export const BUNDLE_FILTER = 'period';
/** The metadata a result shows: the headline and the date as readers see it. */
export const SEARCH_META = { title: 'title', date: 'date' } as const;
/** The sort keys: `date` is the moment of publication. */
export const SEARCH_SORT = { date: 'date' } as const;

/**
 * The period whose bundle holds the stories of a day in the site's zone:
 * its calendar month, `2025-07`. Names sort as the periods do.
 */
export function bundlePeriod(day: { year: number; month: number }): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}`;
}

/** The year, as the `year` filter holds it, whose stories a period's bundle holds. */
export function periodYear(period: string): string {
  return period.slice(0, period.indexOf('-'));
}

/**
 * The address of the list of bundles.
 *
 * @param base the site's base path, ending in `/`
 */
export function shardsUrl(base: string): string {
  return `${base}${SEARCH_BUNDLE_DIR}/${SHARDS_FILE}`;
}

/**
 * The address of Pagefind's browser module, shared by the bundles.
 *
 * @param base the site's base path, ending in `/`
 */
export function bundleModuleUrl(base: string): string {
  return `${base}${SEARCH_BUNDLE_DIR}/${BUNDLE_MODULE}`;
}

/**
 * The address of a period's bundle folder, ending in `/`.
 *
 * @param base the site's base path, ending in `/`
 */
export function bundleUrl(base: string, period: string): string {
  return `${base}${SEARCH_BUNDLE_DIR}/${period}/`;
}
