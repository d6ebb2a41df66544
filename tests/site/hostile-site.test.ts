/**
 * Hostile but valid content builds into a site that is valid, reads as
 * written, and runs no script but its own. The articles in
 * tests/fixtures/hostile-site/content hold what attackers and careless
 * editors paste: plain text that talks about markup, line and paragraph
 * separators (U+2028, U+2029) and control characters in the front matter,
 * raw HTML with scripts, handlers, frames, styles and stray media tags,
 * `javascript:` and credentialled URLs, very long words, right-to-left
 * text, emoji and zero-width joiners, and SVGs with scripts in ignored
 * folders. They are built once in a throwaway project, then:
 *
 * - every page passes the Nu HTML checker;
 * - two feed readers (@rowanmanning/feed-parser and rss-parser) read each
 *   feed alike, and read every headline, standfirst, category and author
 *   as the text the article holds; its Atom and JSON Feed read as its RSS;
 * - no HTML, XML or SVG file in the output (nor any feed item's HTML) has
 *   a script other than the site's own (the search page's module, the
 *   stories' JSON-LD), an event-handler attribute, or a script URL;
 * - the search index holds each headline as text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import RssParser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSiteProject,
  PROJECT_ROOT,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import type { Article } from '../../src/lib/articles/schema.ts';
import { loadCollection, parseSourceFile } from '../../src/lib/collection.ts';
import { SHARDS_FILE, type BundleListing } from '../../src/lib/pagefind-names.ts';
import { articleToPath, FEED_PATH, sectionFeedPath, siteFeedPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import {
  comparableContent,
  readWithFeedsmith,
  readWithRowanmanning,
  type ItemFacts,
} from '../helpers/feed-readers.ts';
import { FIXTURE_SITE } from '../helpers/fixture-site.ts';
import { checkHtmlFiles, formatMessage, javaIsAvailable } from '../helpers/vnu.ts';

/** A build and the checker over its pages take a minute at most, beside other test files. */
const BUILD_TIMEOUT = 300_000;

let project: SiteProject;
let build: RunResult;
let articles: Article[];
/** Every file of the output, relative to it, with forward slashes. */
let files: string[];

beforeAll(async () => {
  project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/hostile-site/content'));
  build = await project.build({ SITE_CLOCK: FIXTURE_SITE.clock, SITE_URL: FIXTURE_SITE.url });
  const collection = await loadCollection({
    rootDir: project.root,
    contentDir: project.contentDir,
    now: Date.parse(FIXTURE_SITE.clock),
    includeUnpublished: false,
    parse: parseSourceFile,
  });
  articles = collection.articles;
  const entries = await readdir(project.distDir, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  files = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(project.distDir, join(entry.parentPath, entry.name)).split(sep).join('/'),
    )
    .sort();
}, BUILD_TIMEOUT);
afterAll(() => project?.remove());

const read = (file: string) => readFile(join(project.distDir, file), 'utf8');

describe('a site of hostile but valid articles', () => {
  it('builds, separators and control characters in the front matter included', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(articles.map((article) => article.slug).sort()).toEqual([
      'control-characters',
      'line-separators',
      'markdown-urls',
      'markup-in-plain-text',
      'odd-unicode',
      'raw-html',
    ]);
    for (const article of articles) {
      expect(files, article.slug).toContain(
        `${articleToPath(article, siteSettings.timeZone).slice(1)}index.html`,
      );
    }
  });

  it.skipIf(!javaIsAvailable())(
    'is valid HTML on every page',
    async () => {
      const pages = files.filter((file) => file.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(articles.length);
      const report = await checkHtmlFiles(pages.map((page) => join(project.distDir, page)));
      const errors = report.messages.map((message) => formatMessage(message, project.distDir));
      expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

describe('its feeds', () => {
  /** A feed as each reader reads it: the facts of each item. */
  async function readBoth(path: string) {
    const xml = await read(path.slice(1));
    const rowanmanning = parseFeed(xml).items.map((item) => ({
      url: item.url,
      title: item.title,
      description: item.description,
      categories: item.categories.map((category) => category.term),
      firstAuthor: item.authors[0]?.name,
    }));
    // rss-parser gives the description as HTML; its snippet is the text a reader shows.
    const rssParser = (await new RssParser().parseString(xml)).items.map((item) => ({
      url: item.link,
      title: item.title,
      description: item.contentSnippet,
      categories: item.categories,
      firstAuthor: item.creator,
    }));
    return { rowanmanning, rssParser };
  }

  /** What a reader should show for an article: its fields, as text. */
  function expected(article: Article) {
    return {
      url: new URL(articleToPath(article, siteSettings.timeZone), FIXTURE_SITE.url).href,
      title: article.title,
      description: article.summary,
      categories: [...new Set([article.section.name, ...article.tags])],
      // Credited as the structured data credits it: authors, else source, else publisher.
      firstAuthor: article.authors[0] ?? article.source ?? siteSettings.publisher,
    };
  }

  it('read alike in two feed readers, every field as the text the article holds', async () => {
    const sections = [...new Set(articles.map((article) => article.section.slug))];
    for (const path of [FEED_PATH, ...sections.map((slug) => sectionFeedPath(slug))]) {
      const { rowanmanning, rssParser } = await readBoth(path);
      const inFeed = articles.filter(
        (article) => path === FEED_PATH || sectionFeedPath(article.section.slug) === path,
      );
      expect(rowanmanning, path).toEqual(inFeed.map(expected));
      expect(rssParser, path).toEqual(rowanmanning);
    }
  });

  it('read the same in Atom and JSON Feed as in RSS', async () => {
    const sections = [...new Set(articles.map((article) => article.section.slug))];
    const feeds = [
      [siteFeedPath('rss'), siteFeedPath('atom'), siteFeedPath('json')],
      ...sections.map((slug) => [
        sectionFeedPath(slug, 'rss'),
        sectionFeedPath(slug, 'atom'),
        sectionFeedPath(slug, 'json'),
      ]),
    ];
    const comparable = comparableContent;
    for (const [rss, atom, json] of feeds) {
      // feedsmith gives each field as the feed holds it. @rowanmanning/feed-parser
      // reads an email address out of an RSS creator (`Bob <bob@example.com>`),
      // so it reads the Atom feed here, whose author names are names; and it
      // decodes entities in the HTML it gives back, markup and all, so its
      // full text is left out (the script check below reads the HTML itself).
      const withoutContent = (facts: ItemFacts[]) =>
        facts.map(({ content: _content, ...rest }) => rest);
      const reference = comparable(readWithFeedsmith(await read(rss!.slice(1))));
      expect(reference.length, rss).toBeGreaterThan(0);
      expect(comparable(readWithFeedsmith(await read(atom!.slice(1)))), atom).toEqual(reference);
      expect(withoutContent(readWithRowanmanning(await read(atom!.slice(1)))), atom).toEqual(
        withoutContent(reference),
      );
      expect(comparable(readWithFeedsmith(await read(json!.slice(1)))), json).toEqual(reference);
    }
  });

  it('show a standfirst that talks about markup as that text', async () => {
    const { rowanmanning, rssParser } = await readBoth(FEED_PATH);
    const summary =
      'Attack uses <img src=x onerror=alert(1)> in comments, and </script><script>alert(2)</script> in forms';
    expect(rowanmanning.map((item) => item.description)).toContain(summary);
    expect(rssParser.map((item) => item.description)).toContain(summary);
  });
});

/** Attributes that hold a URL in HTML or SVG. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'data',
  'cite',
  'background',
  'xlink:href',
];

/**
 * What in a document could run a script: each `<script>` (with its type
 * and source), each event-handler attribute, and each URL with a scheme
 * that runs code, as `what: where` lines.
 */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const root = parse(html, { comment: false });
  for (const element of root.querySelectorAll('*') as HTMLElement[]) {
    const tag = element.rawTagName?.toLowerCase();
    if (tag === 'script') {
      found.push(`script type=${element.getAttribute('type')} src=${element.getAttribute('src')}`);
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${name} on <${tag}>`);
      if (
        URL_ATTRIBUTES.includes(name.toLowerCase()) &&
        /^(?:javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001F]/g, ''))
      ) {
        found.push(`${name}=${value} on <${tag}>`);
      }
    }
  }
  return found;
}

describe('its output', () => {
  it('has no script but its own, no event handler and no script URL, in any HTML, XML or SVG file', async () => {
    const checked = files.filter((file) => /\.(?:html|xml|svg)$/.test(file));
    expect(checked).toEqual(expect.arrayContaining(['index.html', 'rss.xml', 'search/index.html']));
    const found: string[] = [];
    for (const file of checked) {
      for (const thing of activeContent(await read(file))) {
        const own =
          (thing === 'script type=application/ld+json src=undefined' &&
            articles.some((article) =>
              file.startsWith(articleToPath(article, siteSettings.timeZone).slice(1)),
            )) ||
          (file === 'search/index.html' &&
            /^script type=module src=\/_astro\/[\w.-]+\.js$/.test(thing));
        if (!own) found.push(`${file}: ${thing}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('has no script, event handler or script URL in any feed item’s HTML, in any format', async () => {
    const found: string[] = [];
    for (const file of files.filter((name) => name.endsWith('rss.xml'))) {
      // rss-parser gives the description and the body as the HTML they are
      // (@rowanmanning/feed-parser decodes entities in them, markup and all).
      const reader = new RssParser<object, { 'content:encoded'?: string }>();
      for (const item of (await reader.parseString(await read(file))).items) {
        for (const html of [item.content ?? '', item['content:encoded'] ?? '']) {
          found.push(...activeContent(html).map((thing) => `${file} ${item.link}: ${thing}`));
        }
      }
    }
    const others = files.filter((name) => name.endsWith('atom.xml') || name.endsWith('feed.json'));
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) {
      for (const item of readWithFeedsmith(await read(file))) {
        found.push(
          ...activeContent(item.content ?? '').map((thing) => `${file} ${item.url}: ${thing}`),
        );
      }
    }
    expect(found).toEqual([]);
  });

  it('publishes no SVG from an ignored folder, and no credentials from a URL', async () => {
    const svgs = files.filter((file) => file.endsWith('.svg'));
    for (const file of svgs) {
      expect(await read(file), file).not.toContain("alert('drafts')");
    }
    for (const file of files.filter((name) => /\.(?:html|xml|json)$/.test(name))) {
      expect(await read(file), file).not.toContain('user:secret@');
    }
  });

  it('indexes each headline for search as its text', async () => {
    const bundles = JSON.parse(await read(`pagefind/${SHARDS_FILE}`)) as BundleListing[];
    const titles: string[] = [];
    for (const { period } of bundles) {
      const dir = join(project.distDir, 'pagefind', period, 'fragment');
      for (const name of await readdir(dir)) {
        const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
        // A fragment is JSON behind Pagefind's signature.
        const fragment = JSON.parse(text.slice(text.indexOf('{'))) as {
          meta: Record<string, string>;
        };
        titles.push(fragment.meta['title'] ?? '');
      }
    }
    expect(titles.sort()).toEqual(articles.map((article) => article.title).sort());
  });
});
