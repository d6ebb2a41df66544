/**
 * Browser tests drive Debian's Chromium with playwright-core (never a
 * browser that Playwright downloads). Where Chromium is missing, browser
 * tests are skipped on a developer's machine and fail in CI.
 *
 * @example
 * describe.skipIf(!chromiumIsAvailable())('the search page', () => {
 *   let site: BrowserSite;
 *   beforeAll(async () => (site = await openSite(inject('siteDir'))));
 *   afterAll(() => site.close());
 *   it('…', async () => {
 *     const page = await site.newPage();
 *     await page.goto(site.url('/search/'));
 *   });
 * });
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox-free (tests run as root) and quiet on the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether browser tests can run here. Without Chromium this is false on a
 * developer's machine (the tests are skipped) and throws in CI, where a
 * skipped browser test would hide a broken setup.
 *
 * @throws Error when `CI` is set and Chromium is missing
 */
export function chromiumIsAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI']) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}; install it with "apt-get install chromium".`,
    );
  }
  return false;
}

/** How long a page action or wait may take before it fails. */
const ACTION_TIMEOUT_MS = 10_000;

/** Starts a headless Chromium. Close it when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A built site served over HTTP with a browser to look at it. */
export interface BrowserSite {
  /** The server, for its origin and URLs. */
  server: StaticServer;
  browser: Browser;
  /** An absolute URL for a site path. */
  url(path: string): string;
  /**
   * A page in a fresh context (no shared storage or cache), which is
   * closed with the site.
   */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  /** Closes every page, the browser and the server. */
  close(): Promise<void>;
}

/**
 * Serves `siteDir` on 127.0.0.1 and launches Chromium.
 *
 * @param siteDir a built site's output folder, e.g. `inject('siteDir')`
 */
export async function openSite(siteDir: string): Promise<BrowserSite> {
  const server = await startStaticServer(siteDir);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    url: server.url,
    async newPage(options) {
      const context = await browser.newContext(options);
      // Fail a wait well inside the test's own time limit, so the error says what never appeared.
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Runs axe on the page as it is now and describes each violation on one
 * line (rule, impact, what to fix and the first offending elements), so a
 * failing `expect(…).toEqual([])` says what is wrong.
 */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 3)
      .map((node) => node.target.join(' '))
      .join(', ');
    return `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${targets}`;
  });
}
