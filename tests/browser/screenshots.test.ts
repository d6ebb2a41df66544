/**
 * Full-page screenshots of every kind of page of the built fixture site, on
 * a phone (light and dark) and a desktop window (light), for a person to
 * look at: they are written to tests/.output/screenshots/, which git
 * ignores. While taking them, the test checks that every image on the page
 * loads.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumIsAvailable, openSite, type BrowserSite } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../../scripts/lib/site-project.ts';

/** Where the screenshots go. */
const OUTPUT_DIR = join(PROJECT_ROOT, 'tests', '.output', 'screenshots');

/** One page of each kind, and the name its screenshots get. */
const PAGES = [
  { name: 'front', path: '/' },
  { name: 'section', path: '/section/world/' },
  { name: 'section-page-2', path: '/section/world/page/2/' },
  { name: 'story', path: '/2025/11/20/harbour-lights-festival/' },
  { name: 'story-body-image-and-table', path: '/2026/05/31/rates-and-yields-test-markers/' },
  { name: 'story-agency', path: '/2019/05/22/naryshkin-svr-contacts/' },
  { name: 'story-opinion', path: '/2025/09/03/wetland-drainage-false-economy/' },
  { name: 'story-corrections-no-standfirst', path: '/2025/09/04/clinic-waiting-times-explained/' },
  { name: 'year', path: '/2025/' },
  { name: 'month', path: '/2025/06/' },
  { name: 'day', path: '/2025/06/10/' },
  { name: 'search', path: '/search/?q=harbour' },
  { name: 'not-found', path: '/no-such-page/' },
] as const;

const MODES = [
  { width: 375, colorScheme: 'light' },
  { width: 1280, colorScheme: 'light' },
  { width: 375, colorScheme: 'dark' },
] as const;

/**
 * Loads every image now, lazy ones too (a full-page screenshot would show
 * them blank), and returns the sources of those that failed.
 */
function loadAllImages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(
      images.map((image) =>
        image.complete
          ? undefined
          : new Promise((resolve) => {
              image.addEventListener('load', resolve, { once: true });
              image.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
    await document.fonts.ready;
    return images
      .filter((image) => image.naturalWidth === 0)
      .map((image) => image.currentSrc || image.src);
  });
}

describe.skipIf(!chromiumIsAvailable())('screenshots of every kind of page', () => {
  let site: BrowserSite;
  const pages = new Map<(typeof MODES)[number], Page>();

  beforeAll(async () => {
    await mkdir(OUTPUT_DIR, { recursive: true });
    site = await openSite(inject('siteDir'));
    for (const mode of MODES) {
      pages.set(
        mode,
        await site.newPage({
          viewport: { width: mode.width, height: 800 },
          colorScheme: mode.colorScheme,
        }),
      );
    }
  });

  afterAll(async () => {
    await site?.close();
  });

  it.for(PAGES)(
    'the $name page, at 375 px (light and dark) and 1280 px, with every image loaded',
    async ({ name, path }) => {
      const broken: string[] = [];
      await Promise.all(
        MODES.map(async (mode) => {
          const page = pages.get(mode);
          if (!page) throw new Error(`No page for ${mode.width} ${mode.colorScheme}.`);
          await page.goto(site.url(path));
          if (path.startsWith('/search/')) {
            await page.locator('[data-search-results] > li').first().waitFor();
          }
          broken.push(...(await loadAllImages(page)));
          const file = join(OUTPUT_DIR, `${name}-${mode.width}-${mode.colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
          expect((await stat(file)).size).toBeGreaterThan(1000);
        }),
      );
      expect(broken, `images that did not load on ${path}`).toEqual([]);
    },
  );
});
