/**
 * Every page of the built fixture site is valid HTML by the Nu HTML checker
 * (the W3C validator's engine). The checker runs once, in one Java process,
 * over every built `.html` file; feeds, sitemaps and other non-HTML files
 * are not given to it.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkHtmlFiles, formatMessage, javaIsAvailable, type VnuReport } from '../helpers/vnu.ts';

const siteDir = inject('siteDir');

/** The checker needs a few seconds to start and about a tenth of a second a page. */
const CHECK_TIMEOUT_MS = 180_000;

/** Every built file, as a path relative to the site's folder. */
async function builtFiles(): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)))
    .sort();
}

describe.skipIf(!javaIsAvailable())('the built pages under the Nu HTML checker', () => {
  let all: string[];
  let pages: string[];
  /** A page with a known error, checked in the same run, to prove errors are reported. */
  let canaryDir: string;
  let canary: string;
  let report: VnuReport;

  beforeAll(async () => {
    all = await builtFiles();
    pages = all.filter((file) => file.endsWith('.html'));
    canaryDir = await mkdtemp(join(tmpdir(), 'vnu-canary-'));
    canary = join(canaryDir, 'canary.html');
    await writeFile(
      canary,
      '<!doctype html><html lang="en"><title>Canary</title><p><img src="a.png"></p></html>\n',
    );
    report = await checkHtmlFiles([canary, ...pages.map((page) => join(siteDir, page))]);
  }, CHECK_TIMEOUT_MS);

  afterAll(async () => {
    if (canaryDir) await rm(canaryDir, { recursive: true, force: true });
  });

  it('is given every kind of page, and no feed, sitemap or other file', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'index.html',
        '404.html',
        'search/index.html',
        'section/world/index.html',
        'section/world/page/2/index.html',
        '2025/index.html',
        '2025/11/index.html',
        '2025/11/20/index.html',
        '2025/11/20/harbour-lights-festival/index.html',
        'topic/index.html',
        'topic/shipping/index.html',
        'author/index.html',
        'author/anna-petrova/index.html',
        'source/index.html',
        'source/tass/index.html',
        'corrections/index.html',
      ]),
    );
    // Later pages of a topic's, an author's or a source's stories, when the site has any.
    expect(
      pages.filter((page) => /^(topic|author|source)\/[^/]+\/page\/2\//.test(page)),
    ).not.toEqual([]);
    // The site has feeds and sitemaps, and none of them is among the pages checked.
    expect(all).toEqual(
      expect.arrayContaining([
        'rss.xml',
        'section/world/rss.xml',
        'topic/shipping/rss.xml',
        'corrections/rss.xml',
        'sitemap-index.xml',
        'robots.txt',
      ]),
    );
    expect(pages.filter((page) => !page.endsWith('.html'))).toEqual([]);
  });

  it('reports errors in a page that has them (the check is not vacuous)', () => {
    const canaryErrors = report.messages
      .filter((message) => message.url?.endsWith('/canary.html'))
      .map((message) => formatMessage(message, canaryDir));
    expect(canaryErrors).toEqual([
      expect.stringMatching(/^canary\.html:1:\d+: An “img” element must have an “alt” attribute/),
    ]);
  });

  it('finds no errors in any built page', () => {
    const siteErrors = report.messages
      .filter((message) => !message.url?.endsWith('/canary.html'))
      .map((message) => formatMessage(message, siteDir));
    expect(siteErrors, `${siteErrors.length} HTML errors:\n${siteErrors.join('\n')}`).toEqual([]);
  });
});
