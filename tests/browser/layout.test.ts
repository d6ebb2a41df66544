/**
 * Layout the eye would catch and the markup cannot show: at 1280 px the
 * header's section bar (every section and search) stays on one line, on
 * every page whose section is set in bold as the current one, and at 320 px
 * it wraps without sideways scrolling. The fixture has the newsroom's
 * sections and one more, so its bar is longer than the page's column.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumIsAvailable, openSite, type BrowserSite } from '../helpers/browser.ts';

/** Where the bar's items sit, and how wide it and the page's column are. */
interface BarLayout {
  /** Each item's top edge, rounded to whole pixels. */
  tops: number[];
  /** The width the items and the gaps between them take on one line. */
  natural: number;
  /** The content width of the masthead's column, the page's widest. */
  column: number;
  /** Whether the document scrolls sideways. */
  overflows: boolean;
}

function barLayout(page: Page): Promise<BarLayout> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.site-nav .sections > li')];
    const boxes = items.map((item) => item.getBoundingClientRect());
    const bar = document.querySelector('.site-nav .sections')!;
    const gap = parseFloat(getComputedStyle(bar).columnGap);
    const column = document.querySelector('.site-header > .wrap')!;
    const style = getComputedStyle(column);
    return {
      tops: boxes.map((box) => Math.round(box.top)),
      natural: boxes.reduce((sum, box) => sum + box.width, 0) + gap * (boxes.length - 1),
      column: column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

describe.skipIf(!chromiumIsAvailable())('the header’s section bar', () => {
  let site: BrowserSite;
  /** The front page, search, and every section's front, where that section is current. */
  let paths: string[];

  beforeAll(async () => {
    site = await openSite(inject('siteDir'));
    const page = await site.newPage();
    await page.goto(site.url('/'));
    const sections = await page
      .locator('.site-nav .sections a[href^="/section/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    paths = ['/', '/search/', ...sections];
  });

  afterAll(async () => {
    await site?.close();
  });

  it('has the newsroom’s sections and more, a bar longer than the page’s column', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(2 + 9);
    const page = await site.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url('/section/russian-politics-diplomacy/'));
    const layout = await barLayout(page);
    expect(layout.natural).toBeGreaterThan(layout.column);
  });

  it('stays on one line at 1280 px, whichever section is current and bold', async () => {
    const page = await site.newPage({ viewport: { width: 1280, height: 800 } });
    const wrapped: string[] = [];
    for (const path of paths) {
      await page.goto(site.url(path));
      const { tops, overflows } = await barLayout(page);
      if (new Set(tops).size !== 1 || overflows) {
        wrapped.push(`${path}: items at ${[...new Set(tops)].join(', ')} px`);
      }
    }
    expect(wrapped).toEqual([]);
  });

  it('wraps onto several lines without sideways scrolling at 320 px', async () => {
    const page = await site.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/section/russian-politics-diplomacy/']) {
      await page.goto(site.url(path));
      const { tops, overflows } = await barLayout(page);
      expect(new Set(tops).size, path).toBeGreaterThan(1);
      expect(overflows, path).toBe(false);
    }
  });
});
