/**
 * Hostile bodies, sanitised, are valid HTML by the Nu HTML checker: each
 * article of the hostile fixture site (tests/fixtures/hostile-site) is
 * parsed as the build parses it, its body put into a page of its own, and
 * the checker runs once over all of them. What the sanitiser removes must
 * not leave what it keeps invalid (an image without its source, a
 * `<source>` without its media element, a list item without its list). The
 * site test (tests/site/hostile-site.test.ts) checks the built pages whole;
 * this one points at the body that fails, in seconds.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/site-project.ts';
import { loadCollection, parseSourceFile } from '../../src/lib/collection.ts';
import { checkHtmlFiles, formatMessage, javaIsAvailable } from '../helpers/vnu.ts';

/** The checker needs a few seconds to start. */
const CHECK_TIMEOUT_MS = 120_000;

const HOSTILE_SITE = join(PROJECT_ROOT, 'tests/fixtures/hostile-site');

/** A body's HTML in a page, inside the element the story page puts it in. */
function page(slug: string, html: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${slug}</title></head>` +
    `<body><main><article><h1>${slug}</h1><div class="article-body">${html}</div></article></main></body></html>\n`
  );
}

describe.skipIf(!javaIsAvailable())('hostile bodies, sanitised, under the Nu HTML checker', () => {
  let dir: string;
  let slugs: string[];
  let errors: string[];

  beforeAll(async () => {
    const collection = await loadCollection({
      rootDir: HOSTILE_SITE,
      contentDir: join(HOSTILE_SITE, 'content'),
      now: Date.parse('2026-06-01T00:00:00Z'),
      includeUnpublished: true,
      parse: parseSourceFile,
    });
    dir = await mkdtemp(join(tmpdir(), 'sanitize-validity-'));
    const files: string[] = [];
    for (const article of collection.articles) {
      const file = join(dir, `${article.slug}.html`);
      await writeFile(file, page(article.slug, article.bodyHtml));
      files.push(file);
    }
    slugs = collection.articles.map((article) => article.slug).sort();
    const report = await checkHtmlFiles(files);
    errors = report.messages.map((message) => formatMessage(message, dir));
  }, CHECK_TIMEOUT_MS);
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('are all checked', () => {
    expect(slugs).toEqual(expect.arrayContaining(['markdown-urls', 'raw-html', 'odd-unicode']));
  });

  it('are valid HTML, every one', () => {
    expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([]);
  });
});
