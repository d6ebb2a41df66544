/**
 * Every kind of page of the built fixture site passes axe-core's WCAG 2.x
 * A and AA rules and its best practices, in light and dark colour schemes,
 * on a phone and a desktop window; no page needs sideways scrolling at
 * 320 CSS pixels (WCAG 1.4.10, Reflow); and the list pages of topics,
 * authors, sources and corrections print their lists without their
 * navigation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumIsAvailable, openSite, type BrowserSite } from '../helpers/browser.ts';

/** One page of each kind. */
const PAGES = [
  { kind: 'front page', path: '/' },
  { kind: 'section front', path: '/section/world/' },
  { kind: 'section front, a later page', path: '/section/world/page/2/' },
  {
    kind: 'story with image, dateline, related stories and tags',
    path: '/2025/11/20/harbour-lights-festival/',
  },
  { kind: 'opinion story', path: '/2025/09/03/wetland-drainage-false-economy/' },
  {
    kind: 'story with corrections and updates, no standfirst',
    path: '/2025/09/04/clinic-waiting-times-explained/',
  },
  { kind: 'year archive', path: '/2025/' },
  { kind: 'month archive', path: '/2025/06/' },
  { kind: 'day archive', path: '/2025/06/10/' },
  { kind: 'index of every topic', path: '/topic/' },
  { kind: 'topic', path: '/topic/shipping/' },
  { kind: 'topic, a later page', path: '/topic/briefing/page/2/' },
  { kind: 'index of every author', path: '/author/' },
  { kind: 'author', path: '/author/anna-petrova/' },
  { kind: 'index of every source', path: '/source/' },
  { kind: 'source', path: '/source/tass/' },
  { kind: 'corrections and updates', path: '/corrections/' },
  { kind: 'page of every feed', path: '/feeds/' },
  { kind: 'not-found page', path: '/no-such-page/' },
] as const;

/**
 * Window sizes and colour schemes each page is checked in. A colour scheme
 * changes colours only, and a window size the layout only, so every rule
 * runs in one scheme at each size (light at 375 px, dark at 1280 px), and
 * the other two modes run the rules that colours and layout decide:
 * contrast, links told apart from text, and target sizes. That covers each
 * rule where it can fail at about half the cost of every rule in all four.
 */
const MODES = [
  { name: 'light, 375 px', width: 375, colorScheme: 'light', rules: 'all' },
  { name: 'dark, 375 px', width: 375, colorScheme: 'dark', rules: 'colours' },
  { name: 'light, 1280 px', width: 1280, colorScheme: 'light', rules: 'colours' },
  { name: 'dark, 1280 px', width: 1280, colorScheme: 'dark', rules: 'all' },
] as const;

/** The rules that colours and layout decide, run in the modes that do not run every rule. */
const COLOUR_AND_LAYOUT_RULES = ['color-contrast', 'link-in-text-block', 'target-size'];

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, and axe's best practices. */
const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
  'best-practice',
];

/**
 * Runs axe on the page as it is now, and describes each violation on one
 * line: rule, impact, what to fix and every offending element.
 */
async function axeViolations(page: Page, rules: 'all' | 'colours' = 'all'): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (rules === 'all') builder.withTags(AXE_TAGS);
  else builder.withRules(COLOUR_AND_LAYOUT_RULES);
  const { violations } = await builder.analyze();
  return violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
    return `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${targets}`;
  });
}

describe.skipIf(!chromiumIsAvailable())('accessibility of every kind of page', () => {
  let site: BrowserSite;

  beforeAll(async () => {
    site = await openSite(inject('siteDir'));
  });

  afterAll(async () => {
    await site?.close();
  });

  /** A page per mode, each reused from one kind of page to the next. */
  let pages: { mode: (typeof MODES)[number]; page: Page }[];

  beforeAll(async () => {
    pages = await Promise.all(
      MODES.map(async (mode) => ({
        mode,
        page: await site.newPage({
          viewport: { width: mode.width, height: 800 },
          colorScheme: mode.colorScheme,
        }),
      })),
    );
  });

  // The four modes of a page are checked at once: axe takes a second or two a page.
  it.for(PAGES)(
    'the $kind has no axe violations, light and dark, at 375 and 1280 px',
    async ({ path }) => {
      const found = await Promise.all(
        pages.map(async ({ mode, page }) => {
          await page.goto(site.url(path));
          return (await axeViolations(page, mode.rules)).map(
            (violation) => `${mode.name}: ${violation}`,
          );
        }),
      );
      const violations = found.flat();
      expect(violations, `${path}:\n${violations.join('\n')}`).toEqual([]);
    },
  );

  it('catches a violation, and checks the dark scheme in the dark (the check is not vacuous)', async () => {
    // Dark grey text passes on the light background and fails on the dark one.
    const add = (page: Page) =>
      page.evaluate(() => {
        const canary = document.createElement('p');
        canary.id = 'contrast-canary';
        canary.style.color = '#444';
        canary.textContent = 'Dark grey text';
        document.querySelector('main')?.append(canary);
      });
    const failed: Record<string, string[]> = {};
    for (const { mode, page } of pages.filter(({ mode }) => mode.width === 375)) {
      await page.goto(site.url('/404.html'));
      await add(page);
      failed[mode.colorScheme] = (await axeViolations(page, mode.rules)).filter((line) =>
        line.includes('#contrast-canary'),
      );
    }
    expect(failed['light']).toEqual([]);
    expect(failed['dark']).toEqual([expect.stringMatching(/^color-contrast \(serious\): /)]);
  });

  it('needs no sideways scrolling at 320 px on any page', async () => {
    const page = await site.newPage({ viewport: { width: 320, height: 640 } });
    const overflowing: string[] = [];
    for (const { path } of PAGES) {
      await page.goto(site.url(path));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${path} is ${width} px wide`);
    }
    expect(overflowing).toEqual([]);
  });

  it('prints the lists of topics, authors, sources and corrections, without their navigation', async () => {
    const page = await site.newPage({ viewport: { width: 320, height: 640 } });
    for (const { path, list } of [
      { path: '/topic/', list: 'main .names' },
      { path: '/author/anna-petrova/', list: 'main .story-list' },
      { path: '/corrections/', list: 'main .notes' },
    ]) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(site.url(path));
      const navigation = page.locator('main nav, body > header nav, body > footer');
      expect(await navigation.count(), path).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator(list).first().isVisible(), path).toBe(true);
      for (const element of await navigation.all()) {
        expect(
          await element.isHidden(),
          `${path}: ${await element.evaluate((node) => node.outerHTML.slice(0, 60))}`,
        ).toBe(true);
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
    }
  });
});
