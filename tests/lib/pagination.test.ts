import { describe, expect, it } from 'vitest';
import { PAGE_GAP, pageCount, pageItems, pageNumbers } from '../../src/lib/pagination.ts';

describe('pagination', () => {
  it('counts pages, with one page for an empty list', () => {
    expect(pageCount(47, 20)).toBe(3);
    expect(pageCount(40, 20)).toBe(2);
    expect(pageCount(0, 20)).toBe(1);
  });

  it('slices a page, the last one short', () => {
    const items = Array.from({ length: 47 }, (_, index) => index);
    expect(pageItems(items, 1, 20)).toEqual(items.slice(0, 20));
    expect(pageItems(items, 3, 20)).toEqual([40, 41, 42, 43, 44, 45, 46]);
  });

  it('shows every page number when there are few', () => {
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 1)).toEqual([1]);
  });

  it('folds long runs into gaps around the current page', () => {
    expect(pageNumbers(6, 20)).toEqual([1, PAGE_GAP, 4, 5, 6, 7, 8, PAGE_GAP, 20]);
    expect(pageNumbers(1, 5000)).toEqual([1, 2, 3, PAGE_GAP, 5000]);
    expect(pageNumbers(5000, 5000)).toEqual([1, PAGE_GAP, 4998, 4999, 5000]);
  });

  it('shows a single hidden page as its number, not as a gap', () => {
    expect(pageNumbers(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
