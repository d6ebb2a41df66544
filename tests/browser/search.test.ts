import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SHARDS_FILE, type BundleListing } from '../../src/lib/pagefind-names.ts';
import {
  chromiumIsAvailable,
  findAccessibilityViolations,
  openSite,
  type BrowserSite,
} from '../helpers/browser.ts';

/** A result as the page shows it. */
interface ShownResult {
  title: string;
  href: string;
  section: string;
  date: string;
  excerptHtml: string;
}

const LIGHTHOUSE = '/2025/03/14/lighthouse-keepers-return/';
const ZURICH = '/2024/09/02/zurich-cafe-owners/';
const EVENING_HERALD = '/2025/11/20/evening-herald-returns/';

const STATUS = '[data-search-status]';

/** Waits until the live region announces the search for `words`, and returns its text. */
async function waitForAnnouncement(page: Page, words: string): Promise<string> {
  const status = page.locator(STATUS);
  await status.filter({ hasText: `“${words}”` }).waitFor();
  return (await status.textContent()) ?? '';
}

/** Types into the search box as a reader would, and waits for the announcement. */
async function searchFor(page: Page, words: string): Promise<string> {
  await page.fill('#search-query', words);
  return waitForAnnouncement(page, words);
}

function shownResults(page: Page): Promise<ShownResult[]> {
  return page.$$eval('[data-search-results] > li', (items) =>
    items.map((item) => ({
      title: item.querySelector('h2 a')?.textContent ?? '',
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      section: item.querySelector('[data-field="section"]')?.textContent ?? '',
      date: item.querySelector('[data-field="date"]')?.textContent ?? '',
      excerptHtml: item.querySelector('[data-field="excerpt"]')?.innerHTML ?? '',
    })),
  );
}

/** The number an announcement gives, e.g. 4 for "4 results for “harbour”." */
function countIn(announcement: string): number {
  const match = /^(\d+) results?/.exec(announcement);
  return match ? Number(match[1]) : 0;
}

/** Waits until an announcement for `words` with `hasText` in it appears (after a filter change). */
async function waitForNarrowed(page: Page, words: string, hasText: string): Promise<string> {
  const status = page.locator(STATUS);
  await status.filter({ hasText: `“${words}” in ${hasText}` }).waitFor();
  return (await status.textContent()) ?? '';
}

describe.skipIf(!chromiumIsAvailable())('the search page in a browser', () => {
  let site: BrowserSite;

  beforeAll(async () => {
    site = await openSite(inject('siteDir'));
  });

  afterAll(async () => {
    await site?.close();
  });

  async function openSearch(query = ''): Promise<Page> {
    const page = await site.newPage();
    await page.goto(site.url(`/search/${query}`));
    await page.locator('[data-search-form]').waitFor();
    return page;
  }

  it('finds a story from words in it, as the first result, with section, date and a marked excerpt', async () => {
    const page = await openSearch();
    const announcement = await searchFor(page, 'lighthouse keepers automation');
    expect(announcement).toMatch(/^\d+ results? for “lighthouse keepers automation”\.$/);
    const [first] = await shownResults(page);
    expect(first).toMatchObject({
      title: 'Lighthouse keepers return to the northern harbour after automation fails',
      href: LIGHTHOUSE,
      section: 'Science',
    });
    expect(first?.date).toContain('2025');
    expect(first?.excerptHtml).toMatch(/<mark>(lighthouse|keepers|automation)/i);
  });

  it('narrows the results to one section', async () => {
    const page = await openSearch();
    const all = countIn(await searchFor(page, 'harbour'));
    expect(all).toBeGreaterThanOrEqual(4);

    await page.selectOption('#search-section', 'Science');
    const narrowed = countIn(await waitForNarrowed(page, 'harbour', 'Science'));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const results = await shownResults(page);
    expect(results.map((result) => result.section)).toEqual(results.map(() => 'Science'));
    expect(results.map((result) => result.href)).toContain(LIGHTHOUSE);
    expect(page.url()).toContain('section=Science');
  });

  it('narrows the results to one year', async () => {
    const page = await openSearch();
    const all = countIn(await searchFor(page, 'harbour'));

    await page.selectOption('#search-year', '2024');
    const narrowed = countIn(await waitForNarrowed(page, 'harbour', '2024'));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const results = await shownResults(page);
    for (const result of results) expect(result.href).toMatch(/^\/2024\//);
    expect(results.map((result) => result.href)).toContain(ZURICH);
  });

  it('loads Pagefind once and, for a search in one year, only that year’s bundles and the newest', async () => {
    const page = await site.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url('/search/?q=harbour&year=2024'));
    await waitForNarrowed(page, 'harbour', '2024');

    const bundles = JSON.parse(
      await readFile(join(inject('siteDir'), 'pagefind', SHARDS_FILE), 'utf8'),
    ) as BundleListing[];
    const periods = bundles.map((bundle) => bundle.period);
    const loaded = new Set(
      requested.flatMap((path) => /^\/pagefind\/([^/]+)\//.exec(path)?.[1] ?? []),
    );
    // The newest bundle holds Pagefind's WebAssembly, which the others share.
    expect([...loaded].sort()).toEqual(
      [periods[0], ...periods.filter((period) => period.startsWith('2024-'))].sort(),
    );
    expect(requested.filter((path) => path.endsWith('.js') && path.includes('pagefind'))).toEqual([
      '/pagefind/pagefind.js',
    ]);
  });

  it('orders results newest first when asked, and says so', async () => {
    const page = await openSearch();
    await searchFor(page, 'harbour');
    await page.selectOption('#search-sort', 'newest');
    await page
      .locator(STATUS)
      .filter({ hasText: /^\d+ results for “harbour”, newest first\.$/ })
      .waitFor();
    expect(page.url()).toContain('sort=newest');
    const days = (await shownResults(page)).map((result) => result.href.slice(1, 11));
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('shows ten results at a time, and moves focus to the first of the next ten', async () => {
    const page = await openSearch();
    const total = countIn(await searchFor(page, 'the'));
    expect(total).toBeGreaterThan(10);
    expect(await shownResults(page)).toHaveLength(10);

    await page.click('[data-search-more]');
    await page.waitForFunction(() => document.activeElement?.matches('[data-search-results] a'));
    expect(await shownResults(page)).toHaveLength(Math.min(total, 20));
    const position = await page.evaluate(() => {
      const item = document.activeElement?.closest('li');
      return item ? [...(item.parentElement?.children ?? [])].indexOf(item) : -1;
    });
    expect(position).toBe(10);
  });

  it('says so when no story has the words', async () => {
    const page = await openSearch();
    expect(await searchFor(page, 'xylophonist')).toBe('No results for “xylophonist”.');
    expect(await shownResults(page)).toEqual([]);
  });

  it('finds Cyrillic words', async () => {
    const page = await openSearch();
    for (const words of ['Вечерний вестник', 'вестник']) {
      await searchFor(page, words);
      expect((await shownResults(page))[0]?.href, words).toBe(EVENING_HERALD);
    }
  });

  it('finds accented words, with or without their accents', async () => {
    const page = await openSearch();
    for (const words of ['Zürich', 'café', 'zurich cafe']) {
      await searchFor(page, words);
      expect((await shownResults(page))[0]?.href, words).toBe(ZURICH);
    }
  });

  it('fills the form from the address and runs the search, so results can be shared', async () => {
    const page = await openSearch('?q=harbour&section=World&year=2024&sort=newest');
    await waitForNarrowed(page, 'harbour', 'World, 2024');
    expect(await page.inputValue('#search-query')).toBe('harbour');
    expect(await page.inputValue('#search-section')).toBe('World');
    expect(await page.inputValue('#search-year')).toBe('2024');
    expect(await page.inputValue('#search-sort')).toBe('newest');
    expect((await shownResults(page)).map((result) => result.href)).toContain(ZURICH);
  });

  it('works from the keyboard alone: Tab to the box, type, Tab to a result, Enter to open it', async () => {
    const page = await openSearch();
    await tabUntil(page, '#search-query');
    expect(await focusOutline(page)).not.toBe('none');

    await page.keyboard.type('lighthouse');
    await waitForAnnouncement(page, 'lighthouse');
    await tabUntil(page, '[data-search-results] a');
    expect(await focusOutline(page)).not.toBe('none');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      LIGHTHOUSE,
    );

    await page.keyboard.press('Enter');
    await page.waitForURL(site.url(LIGHTHOUSE));
  });

  it('has no accessibility violations with results shown, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.newPage({ colorScheme });
      await page.goto(site.url('/search/?q=harbour'));
      await waitForAnnouncement(page, 'harbour');
      expect(await findAccessibilityViolations(page), colorScheme).toEqual([]);
    }
  });

  it('offers sections and years to browse when JavaScript is off', async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    await page.goto(site.url('/search/'));
    expect(await page.isVisible('[data-search-unavailable]')).toBe(true);
    expect(await page.isHidden('[data-search-form]')).toBe(true);
    const links = await page.$$eval('.browse a', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links).toContain('/section/science/');
    expect(links).toContain('/2025/');
  });

  it('says search could not be loaded when the index is missing', async () => {
    const page = await site.newPage();
    await page.route('**/pagefind/**', (route) => route.fulfill({ status: 404 }));
    await page.goto(site.url('/search/'));
    await page.locator('[data-search-unavailable]', { hasText: 'could not be loaded' }).waitFor();
    expect(await page.isHidden('[data-search-form]')).toBe(true);
  });
});

/** Presses Tab until the focused element matches `selector`; fails after 40 presses. */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const matched = await page.evaluate(
      (wanted) => document.activeElement?.matches(wanted) ?? false,
      selector,
    );
    if (matched) return;
  }
  throw new Error(`Tab never reached ${selector}.`);
}

/** The outline style of the focused element: focus must be visible. */
function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() =>
    document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none',
  );
}
