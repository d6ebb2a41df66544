/**
 * A reader finding their way around the built fixture site in Chromium:
 * following real links from the front page to a story and its day, going
 * back, reaching the content from the keyboard, and printing a story.
 */
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteSettings } from '../../src/site.config.ts';
import { chromiumIsAvailable, openSite, type BrowserSite } from '../helpers/browser.ts';
import { FIXTURE_SITE } from '../helpers/fixture-site.ts';

/** The story the reader follows: it has an image, a dateline, related stories and tags. */
const STORY = {
  path: '/2025/11/20/harbour-lights-festival/',
  title: 'Harbour lights festival draws record crowds to the waterfront',
  section: 'Culture',
  sectionPath: '/section/culture/',
  dayPath: '/2025/11/20/',
  day: 'November 20, 2025',
  dateline: 'HARBOUR CITY, November 20. /Newsroom Wire/.',
  credit: 'By Anna Petrova and Ben Okafor, Newsroom Wire',
} as const;

/**
 * The link-preview images: made for link previews, feeds and search engines,
 * never for the page itself, which must not load them.
 */
const PREVIEW_IMAGE = /\/(card(-[^/]*)?\.png|icon\.png|logo\.png)$|^\/previews\//;

/** The most a page of each kind may transfer, fonts, styles and images included. */
const PAGE_BUDGET_BYTES = 150_000;

/** Every request a page load makes, with the bytes of each response. */
async function loadAndCount(
  page: Page,
  url: string,
): Promise<{ path: string; type: string; bytes: number }[]> {
  const loaded: Promise<{ path: string; type: string; bytes: number }>[] = [];
  const onResponse = (response: Response) => {
    loaded.push(
      response.body().then((body) => ({
        path: new URL(response.url()).pathname,
        type: response.request().resourceType(),
        bytes: body.length,
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  return Promise.all(loaded);
}

/** The page's path, query and fragment, without the origin. */
function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The text of every `h1` on the page. */
function headingsOf(page: Page): Promise<string[]> {
  return page.locator('h1').allInnerTexts();
}

/** Clicks a link and waits for the page it leads to. */
async function follow(page: Page, link: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

/** What of an element's style shows focus: its outline and shadow. */
interface FocusStyle {
  outline: string;
  boxShadow: string;
}

/**
 * The focused element's outline and shadow, then the same element's once it
 * has lost focus, so that a test can check focus changes how it looks.
 */
function focusedAndBlurredStyle(page: Page): Promise<[FocusStyle, FocusStyle]> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) throw new Error('Nothing is focused.');
    const read = (): FocusStyle => {
      const style = getComputedStyle(element);
      return {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
      };
    };
    const focused = read();
    element.blur();
    const blurred = read();
    return [focused, blurred];
  });
}

/** Where the focused element is, and whether the eye can see it there. */
interface FocusedBox {
  description: string;
  inViewport: boolean;
  /** The element is what the page shows at its own centre: not clipped, covered or transparent. */
  onTop: boolean;
  width: number;
  height: number;
}

function focusedBox(page: Page): Promise<FocusedBox> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) throw new Error('Nothing is focused.');
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const centre = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      description: `${element.tagName.toLowerCase()} "${element.textContent?.trim() ?? ''}"`,
      inViewport:
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= window.innerWidth &&
        box.bottom <= window.innerHeight,
      onTop:
        centre !== null &&
        element.contains(centre) &&
        style.visibility === 'visible' &&
        Number(style.opacity) > 0 &&
        style.clipPath === 'none',
      width: box.width,
      height: box.height,
    };
  });
}

describe.skipIf(!chromiumIsAvailable())('a reader in a browser', () => {
  let site: BrowserSite;

  beforeAll(async () => {
    site = await openSite(inject('siteDir'));
  });

  afterAll(async () => {
    await site?.close();
  });

  it('goes from the front page to a section, a story and its day, and back to the section', async () => {
    const page = await site.newPage();
    await page.goto(site.url('/'));
    expect(await headingsOf(page)).toEqual([siteSettings.title]);

    // The header's navigation names every section.
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await follow(page, nav.getByRole('link', { name: STORY.section, exact: true }));
    expect(pathOf(page)).toBe(STORY.sectionPath);
    expect(await headingsOf(page)).toEqual([STORY.section]);
    expect(
      await nav
        .getByRole('link', { name: STORY.section, exact: true })
        .getAttribute('aria-current'),
    ).toBe('page');

    const main = page.getByRole('main');
    await follow(page, main.getByRole('link', { name: STORY.title, exact: true }));
    expect(pathOf(page)).toBe(STORY.path);
    expect(await headingsOf(page)).toEqual([STORY.title]);

    // The publication time in the byline links to the story's day.
    await follow(page, main.locator('.byline').getByRole('link', { name: STORY.day }));
    expect(pathOf(page)).toBe(STORY.dayPath);
    expect(await headingsOf(page)).toEqual([STORY.day]);
    const listed = main.getByRole('link', { name: STORY.title, exact: true });
    expect(await listed.getAttribute('href')).toBe(STORY.path);

    await page.goBack();
    expect(pathOf(page)).toBe(STORY.path);
    expect(await headingsOf(page)).toEqual([STORY.title]);
    await page.goBack();
    expect(pathOf(page)).toBe(STORY.sectionPath);
    expect(await headingsOf(page)).toEqual([STORY.section]);
  });

  it('reaches the story from the keyboard: skip link first, then into the content', async () => {
    const page = await site.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(site.url(STORY.path));

    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(skip).toEqual({ text: 'Skip to content', href: '#main' });
    const box = await focusedBox(page);
    expect(box, `the focused skip link, ${box.description}`).toMatchObject({
      inViewport: true,
      onTop: true,
    });
    expect(box.width).toBeGreaterThan(40);
    expect(box.height).toBeGreaterThan(16);

    await page.keyboard.press('Enter');
    // The fragment navigation may land just after the key press returns.
    await expect.poll(() => pathOf(page)).toBe(`${STORY.path}#main`);
    expect(
      await page.evaluate(() => document.activeElement === document.querySelector('main')),
    ).toBe(true);

    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const element = document.activeElement;
      return {
        tag: element?.tagName.toLowerCase(),
        inMain: element?.closest('main') !== null,
        inSiteHeader: element?.closest('body > header') !== null,
        text: element?.textContent?.trim(),
      };
    });
    expect(next).toMatchObject({ tag: 'a', inMain: true, inSiteHeader: false });
  });

  it('shows where focus is: the focused link looks different from the unfocused one', async () => {
    const page = await site.newPage();
    await page.goto(site.url(STORY.path));

    await page.keyboard.press('Tab');
    const [skipFocused, skipBlurred] = await focusedAndBlurredStyle(page);
    expect(skipFocused.outline).not.toMatch(/^none /);
    expect(skipFocused).not.toEqual(skipBlurred);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('body > header') !== null),
    ).toBe(true);
    const [navFocused, navBlurred] = await focusedAndBlurredStyle(page);
    expect(navFocused.outline).not.toMatch(/^none /);
    expect(navFocused).not.toEqual(navBlurred);

    await page.focus('main');
    await page.keyboard.press('Tab');
    const [mainFocused, mainBlurred] = await focusedAndBlurredStyle(page);
    expect(mainFocused.outline).not.toMatch(/^none /);
    expect(mainFocused).not.toEqual(mainBlurred);
  });

  it('prints a story with its headline, dateline, byline and address, without navigation or footer', async () => {
    const page = await site.newPage();
    await page.goto(site.url(STORY.path));
    const navigation = page.locator('body > header nav');
    const footer = page.locator('body > footer');
    const canonical = page.getByText(`${FIXTURE_SITE.url}${STORY.path}`, { exact: true });

    // On screen: navigation and footer, and the address only in the browser's bar.
    expect(await navigation.isVisible()).toBe(true);
    expect(await footer.isVisible()).toBe(true);
    expect(await canonical.isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await navigation.isHidden()).toBe(true);
    expect(await footer.isHidden()).toBe(true);
    const headline = page.getByRole('heading', { level: 1 });
    expect(await headline.isVisible()).toBe(true);
    expect(await headline.innerText()).toBe(STORY.title);
    const dateline = page.locator('main .dateline');
    expect(await dateline.isVisible()).toBe(true);
    expect(await dateline.innerText()).toBe(STORY.dateline);
    const byline = page.locator('main .byline');
    expect(await byline.isVisible()).toBe(true);
    expect(await byline.innerText()).toContain(STORY.credit);
    expect(await byline.innerText()).toContain(STORY.day.replace(/, \d{4}$/, ''));
    expect(await canonical.isVisible()).toBe(true);
  });

  it('loads what a page shows and nothing else: no script, no link-preview image, within its byte budget', async () => {
    // The pattern knows the preview images' addresses, and the count sees the story's photo.
    for (const path of ['/card.png', '/section/world/card-4x3.png', '/logo.png']) {
      expect(PREVIEW_IMAGE.test(path), path).toBe(true);
    }
    const page = await site.newPage();
    const story = await loadAndCount(page, site.url(STORY.path));
    expect(story.filter((request) => request.type === 'image').length).toBeGreaterThan(0);
    for (const path of [
      '/',
      STORY.sectionPath,
      STORY.path,
      '/2025/09/04/clinic-waiting-times-explained/',
      '/feeds/',
    ]) {
      const requests = await loadAndCount(page, site.url(path));
      const total = requests.reduce((sum, request) => sum + request.bytes, 0);
      expect(requests[0]?.path, path).toBe(path);
      expect(
        requests.filter((request) => request.type === 'script').map((request) => request.path),
        `${path}: scripts`,
      ).toEqual([]);
      expect(
        requests
          .filter((request) => PREVIEW_IMAGE.test(request.path))
          .map((request) => request.path),
        `${path}: link-preview images`,
      ).toEqual([]);
      expect(total, `${path}: ${JSON.stringify(requests)}`).toBeLessThan(PAGE_BUDGET_BYTES);
    }
  });
});
