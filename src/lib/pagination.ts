/**
 * Pagination of long lists (a section front's stories): how many pages, the
 * items of one page, and the short row of page numbers to link.
 */

/** How many pages `total` items fill at `pageSize` a page; at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** A gap in a row of page numbers, shown as an ellipsis. */
export const PAGE_GAP = 'gap';

/**
 * The page numbers to link from page `current` of `total`: the first and
 * last, and `around` either side of the current one, with gaps between, so
 * that a section of thousands of pages still gets a short row.
 *
 * @example pageNumbers(6, 20) // [1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]
 */
export function pageNumbers(
  current: number,
  total: number,
  around = 2,
): (number | typeof PAGE_GAP)[] {
  const wanted = new Set([1, total]);
  for (
    let page = Math.max(1, current - around);
    page <= Math.min(total, current + around);
    page++
  ) {
    wanted.add(page);
  }
  const shown: (number | typeof PAGE_GAP)[] = [];
  let last = 0;
  for (const page of [...wanted].sort((a, b) => a - b)) {
    // A gap of one page is shown as that page: an ellipsis would hide nothing.
    if (page - last === 2) shown.push(page - 1);
    else if (page - last > 2) shown.push(PAGE_GAP);
    shown.push(page);
    last = page;
  }
  return shown;
}
