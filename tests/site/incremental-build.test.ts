/**
 * The incremental build's cache keys and the deploy manifest. A publish
 * (`npm run build`) copies every page whose key is unchanged from the last
 * build, so a key that leaves out something its page shows leaves that page
 * stale; and it tells the deploy what to upload in `dist-changes.json`, so a
 * wrong list there leaves the live site stale even when `dist/` is right.
 * Every publish after the first renders only the pages whose keys changed,
 * through the publish renderer, without a full build (`scripts/lib/publish.ts`).
 * Here the fixture site is published, then each kind of publish an editor
 * makes is applied in turn to the same project (a story added, a body
 * edited, a headline edited, a story moved to another section, a story
 * deleted, a correction, a story in a section the site did not have), and a
 * publish that fails on a bad article is tried between them. After each, `dist/` must equal, file for file and byte
 * for byte, a clean build of the same content in another project, while
 * pages were still reused; and the manifest must list exactly the files that
 * changed and were removed, with unchanged files kept as they were. Of the
 * pages of topics, authors and sources, a publish renders only those of the
 * names the changed story is filed under (and their indexes), since there can
 * be thousands.
 */
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, hashFiles } from '../../scripts/lib/file-hashes.ts';
import {
  createSiteProject,
  PROJECT_ROOT,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import { textToSlug } from '../../src/lib/articles/slug.ts';
import { FIXTURE_SITE } from '../helpers/fixture-site.ts';

const ENV = { SITE_CLOCK: FIXTURE_SITE.clock, SITE_URL: FIXTURE_SITE.url };

/** Each step publishes twice (incremental and clean) on a small site, beside other test files. */
const PUBLISH_TIMEOUT = 300_000;

/**
 * The story edited, then moved: its section's list, its day in the archive,
 * the feeds and search show it, and other stories' pages link to it (two
 * name it as related), so its headline and section are on many pages
 * besides its own.
 */
const EDITED_STORY = '2024/01/first-story.md';
const EDITED_PAGE = '2024/01/10/first-story/index.html';

/**
 * The story added: the newest, by an author and from a source the site
 * already has, with a topic it has (spelt in another letter case), a new
 * topic, and an update.
 */
const ADDED_STORY = 'features/ice-shelf-survey.md';
const ADDED_PAGE = '2026/05/31/ice-shelf-survey/index.html';
const ADDED_TEXT = `---
title: Ice shelf survey finds a crack widening towards the shipping lane
section: Science
published: 2026-05-31T18:00:00+03:00
summary: The crack grew by four kilometres in a week, the survey team said.
author: Lena Morozova
source: TASS
tags: [glaciers, Shipping]
updates:
  - at: 2026-05-31T21:00:00+03:00
    text: Adds the coast guard's warning to ships.
---
The crack in the ice shelf grew by four kilometres in a week, the survey team said on Sunday.
`;
/** The names the added story is filed under, by the first folder of their pages. */
const ADDED_NAMES = {
  topic: ['glaciers', 'Shipping'],
  author: ['Lena Morozova'],
  source: ['TASS'],
};

/**
 * The story deleted: no other story names it in `related`, and it is the
 * only one with its topics, so their pages and feeds go with it.
 */
const DELETED_STORY = 'features/city-orchestra-season.md';
const DELETED_PAGE = '2025/10/01/city-orchestra-season/index.html';
const DELETED_TOPICS = ['music', 'orchestra'];

/** The old story corrected: from an agency, with topics. */
const CORRECTED_STORY = 'agency/naryshkin-svr-contacts.md';
const CORRECTED_PAGE = '2019/05/22/naryshkin-svr-contacts/index.html';
const CORRECTED_NAMES = { topic: ['Sergei Naryshkin', 'SVR', 'CIA'], source: ['TASS'] };

/** A story in a section the site has not had: every page's navigation and footer change. */
const NEW_SECTION_STORY = 'features/storm-season-outlook.md';
const NEW_SECTION_PAGE = '2026/05/30/storm-season-outlook/index.html';
const NEW_SECTION_TEXT = `---
title: Forecasters expect a stormier autumn than usual
section: Weather
published: 2026-05-30T07:00:00+03:00
summary: Warm seas raise the odds of strong gales from September.
---
Warm seas raise the odds of strong gales from September, the forecasters said.
`;

/** The first folders of the pages of topics, authors and sources. */
const TAXONOMIES = ['topic', 'author', 'source'] as const;
type Taxonomy = (typeof TAXONOMIES)[number];

/** An image of the fixture site, copied to give the corrected story a lead image of its own. */
const LEAD_IMAGE_FROM = 'features/harbour-lights.png';

/** What a publish writes beside `dist/` for the deploy. */
interface DeployManifest {
  format: number;
  previousBuild: boolean;
  changed: string[];
  removed: string[];
  unchangedCount: number;
  changedBytes: number;
  work: {
    articleFiles: number;
    articlesRead: number;
    articlesParsed: number;
    pagesRendered: number;
    pagesReused: number;
  };
}

/** A file of the output as a publish left it: its bytes' hash, and what a rewrite would change. */
interface OutputFile {
  hash: string;
  size: number;
  inode: bigint;
  modifiedNs: bigint;
}

/**
 * Every file under `dist/`, by its path as the manifest names it (relative,
 * '/'-separated); empty when there is no `dist/`.
 */
async function snapshotOutput(distDir: string): Promise<Map<string, OutputFile>> {
  const files = new Map<string, OutputFile>();
  const hashes = await hashFiles(distDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return new Map<string, string>();
    throw error;
  });
  for (const [path, hash] of hashes) {
    const stats = await stat(distDir + path, { bigint: true });
    files.set(path.slice(1).split(sep).join('/'), {
      hash,
      size: Number(stats.size),
      inode: stats.ino,
      modifiedNs: stats.mtimeNs,
    });
  }
  return files;
}

/**
 * Checks the manifest the last publish wrote against the output before and
 * after it: `changed` is every file that is new or whose bytes differ,
 * `removed` every file gone, and every other file kept its inode and
 * modification time (it was linked, not written again).
 */
async function expectManifestToDescribe(
  project: SiteProject,
  before: Map<string, OutputFile>,
  after: Map<string, OutputFile>,
): Promise<DeployManifest> {
  const manifest = JSON.parse(
    await readFile(join(project.root, 'dist-changes.json'), 'utf8'),
  ) as DeployManifest;
  const changed = [...after.keys()].filter(
    (path) => before.get(path)?.hash !== after.get(path)!.hash,
  );
  const unchanged = [...after.keys()].filter(
    (path) => before.get(path)?.hash === after.get(path)!.hash,
  );
  const removed = [...before.keys()].filter((path) => !after.has(path));

  expect(manifest.format).toBe(1);
  expect(manifest.previousBuild, 'whether there was a dist/ before').toBe(before.size > 0);
  expect(
    {
      changed: [...manifest.changed].sort(),
      removed: [...manifest.removed].sort(),
      unchangedCount: manifest.unchangedCount,
      changedBytes: manifest.changedBytes,
    },
    'the manifest against the files before and after the publish',
  ).toEqual({
    changed: changed.sort(),
    removed: removed.sort(),
    unchangedCount: unchanged.length,
    changedBytes: changed.reduce((total, path) => total + after.get(path)!.size, 0),
  });
  expect(manifest.changed, 'changed, in sorted order').toEqual([...manifest.changed].sort());
  expect(manifest.removed, 'removed, in sorted order').toEqual([...manifest.removed].sort());

  const rewritten = unchanged.filter(
    (path) =>
      before.get(path)!.inode !== after.get(path)!.inode ||
      before.get(path)!.modifiedNs !== after.get(path)!.modifiedNs,
  );
  expect(rewritten, 'unchanged files that did not keep their inode and modification time').toEqual(
    [],
  );
  return manifest;
}

/**
 * Each page a build wrote, by its path in the output ('/'-led), and whether
 * it was copied from the last build (Astro logs those as "(restored)" or
 * "(cached)") or rendered. The log is in colour when CI is set, hence the
 * stripping.
 */
function pagesOf(log: string): Map<string, 'reused' | 'rendered'> {
  const pages = new Map<string, 'reused' | 'rendered'>();
  const plain = stripVTControlCharacters(log);
  for (const [, path, how] of plain.matchAll(/├─ (\S+) \((restored|cached|\+[^)]*)\)/g)) {
    pages.set(path!, how === 'restored' || how === 'cached' ? 'reused' : 'rendered');
  }
  return pages;
}

/**
 * Checks that of the pages and feeds of topics, authors and sources, a
 * publish rendered those of the names a changed story is filed under, and
 * only those and the indexes of their kinds: the rest are copied.
 *
 * @param names the story's names by kind, as it writes them
 */
function expectOnlyNamePagesOf(
  pages: Map<string, 'reused' | 'rendered'>,
  output: Map<string, OutputFile>,
  names: Partial<Record<Taxonomy, string[]>>,
): void {
  const rendered = [...pages]
    .filter(([path, how]) => how === 'rendered' && /^\/(topic|author|source)\//.test(path))
    .map(([path]) => path);
  const theirs = (path: string) =>
    TAXONOMIES.some(
      (taxonomy) =>
        path === `/${taxonomy}/index.html` ||
        (names[taxonomy] ?? []).some((name) =>
          path.startsWith(`/${taxonomy}/${textToSlug(name)}/`),
        ),
    );
  expect(
    rendered.filter((path) => !theirs(path)),
    'pages of names the story is not filed under, rendered again',
  ).toEqual([]);
  const expected = TAXONOMIES.flatMap((taxonomy) =>
    (names[taxonomy] ?? []).flatMap((name) => [
      `/${taxonomy}/${textToSlug(name)}/index.html`,
      `/${taxonomy}/${textToSlug(name)}/rss.xml`,
    ]),
  );
  expect(rendered, "the pages and feeds of the story's names, rendered again").toEqual(
    expect.arrayContaining(expected),
  );
  const copied = [...output.keys()].filter(
    (path) => /^(topic|author|source)\/[^/]+\/index\.html$/.test(path) && !pages.has(`/${path}`),
  );
  expect(copied.length, 'pages of other names, copied from the last build').toBeGreaterThan(0);
}

/** Publishes a project at the fixture site's clock and URL; fails on a failed publish. */
async function publish(project: SiteProject): Promise<RunResult> {
  const result = await project.publish(ENV);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

describe('incremental publishes of the fixture site', () => {
  /** The project published again after each change, as an editor's site is. */
  let project: SiteProject;
  /** The project that builds each step's content from scratch. */
  let reference: SiteProject;
  /** What the reference project holds before any build: everything else a build wrote. */
  let referenceCode: Set<string>;

  beforeAll(async () => {
    [project, reference] = await Promise.all([
      createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/site/content')),
      createSiteProject(async () => {}),
    ]);
    referenceCode = new Set(await readdir(reference.root));
    await publish(project);
    // The first publish has no dist/ to compare with: every file is changed.
    const manifest = await expectManifestToDescribe(
      project,
      new Map(),
      await snapshotOutput(project.distDir),
    );
    expect(manifest.unchangedCount).toBe(0);
  }, PUBLISH_TIMEOUT);
  afterAll(async () => {
    await Promise.all([project?.remove(), reference?.remove()]);
  });

  /** Rewrites an article of the project. */
  async function editStory(file: string, edit: (text: string) => string): Promise<void> {
    const path = join(project.contentDir, file);
    const before = await readFile(path, 'utf8');
    const after = edit(before);
    expect(after, `the edit changes ${file}`).not.toBe(before);
    await writeFile(path, after);
  }

  /** Empties the reference project of its last build and gives it the project's content. */
  async function copyContentToReference(): Promise<void> {
    for (const name of await readdir(reference.root)) {
      if (!referenceCode.has(name)) await rm(join(reference.root, name), { recursive: true });
    }
    await cp(project.contentDir, reference.contentDir, { recursive: true });
  }

  /**
   * Publishes the project after a change and, beside it, the same content
   * from scratch in the reference project; compares the two outputs, and
   * the manifest with the output before and after the publish.
   *
   * @param page the page the change is about: rendered again and changed,
   *   or (`removed`) gone
   */
  async function publishAndCompare(
    page: string,
    expected: 'changed' | 'removed' = 'changed',
    fullBuildBecause?: string,
  ): Promise<{
    pages: Map<string, 'reused' | 'rendered'>;
    manifest: DeployManifest;
    output: Map<string, OutputFile>;
  }> {
    const before = await snapshotOutput(project.distDir);
    await copyContentToReference();
    const [result] = await Promise.all([publish(project), publish(reference)]);
    const after = await snapshotOutput(project.distDir);

    if (fullBuildBecause) {
      expect(result.stdout, 'the publish says why it needs a full build').toContain(
        `A full build, since ${fullBuildBecause}`,
      );
    } else {
      expect(result.stdout, 'the publish rendered only what changed').not.toContain(
        'A full build, since',
      );
    }
    const pages = pagesOf(result.stdout);
    const [rebuilt, clean] = await Promise.all([
      hashFiles(project.distDir),
      hashFiles(reference.distDir),
    ]);
    const stale = differingFiles(rebuilt, clean).map((path) => {
      if (!rebuilt.has(path)) return `${path} (missing from the incremental build)`;
      if (!clean.has(path)) return `${path} (only in the incremental build)`;
      return pages.get(path) === 'reused'
        ? `${path} (copied from the last build: its key missed the change)`
        : path;
    });
    expect(stale, 'files in which the incremental build differs from a clean build').toEqual([]);

    const manifest = await expectManifestToDescribe(project, before, after);
    if (expected === 'removed') {
      expect(manifest.removed, "the deleted story's page is removed").toContain(page);
    } else {
      expect(manifest.changed, "the story's page is changed").toContain(page);
      expect(pages.get(`/${page}`), "the story's page was rendered again").toBe('rendered');
    }
    expect(manifest.work.pagesRendered, 'pages the change touches were rendered').toBeGreaterThan(
      0,
    );
    expect(
      manifest.work.pagesReused,
      'pages the change does not touch were copied from the last build',
    ).toBeGreaterThan(0);
    return { pages, manifest, output: after };
  }

  it(
    'after a story is added, the newest on the site',
    async () => {
      await writeFile(join(project.contentDir, ADDED_STORY), ADDED_TEXT);
      const { pages, manifest, output } = await publishAndCompare(ADDED_PAGE);
      expectOnlyNamePagesOf(pages, output, ADDED_NAMES);
      expect(
        [...pages.keys()].filter((path) => path.endsWith('.png')),
        'the cards, the icon and the logo are copied, not drawn again',
      ).toEqual([]);
      expect(manifest.changed, 'the new topic has a page and a feed').toEqual(
        expect.arrayContaining(['topic/glaciers/index.html', 'topic/glaciers/rss.xml']),
      );
      expect(manifest.changed, 'the update is on the corrections page and in its feed').toEqual(
        expect.arrayContaining(['corrections/index.html', 'corrections/rss.xml']),
      );
    },
    PUBLISH_TIMEOUT,
  );

  // One word for another: the body changes, but not what lists show of the
  // story (its word count and reading time), so only the story's own key
  // (its body's digest) tells the publish that its page changed.
  it(
    "after a word of a story's body is corrected",
    async () => {
      await editStory(EDITED_STORY, (text) =>
        text.replace('paragraph of text', 'paragraph of prose'),
      );
      const { pages, manifest } = await publishAndCompare(EDITED_PAGE);
      // The full text is in the feeds: its section's, in every format, are
      // rendered and change (the site's newest 50 are newer stories); another
      // section's are not rendered, their keys untouched.
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
        expect(manifest.changed, "the section's feeds that hold the story").toContain(
          `section/world/${file}`,
        );
        expect(pages.get(`/section/world/${file}`), "the section's feed").toBe('rendered');
        expect(pages.get(`/section/culture/${file}`), "another section's feed").not.toBe(
          'rendered',
        );
      }
    },
    PUBLISH_TIMEOUT,
  );

  // Between two good publishes, so that the next one is compared with the
  // output the failed one was to replace.
  it(
    'that fails on an invalid article leaves dist/ and the manifest as they were',
    async () => {
      const manifestPath = join(project.root, 'dist-changes.json');
      const storyPath = join(project.contentDir, EDITED_STORY);
      const story = await readFile(storyPath);
      const [before, manifestBefore] = await Promise.all([
        snapshotOutput(project.distDir),
        readFile(manifestPath),
      ]);
      await editStory(EDITED_STORY, (text) =>
        text.replace(/^published: .*$/m, 'published: the tenth of January'),
      );
      try {
        const result = await project.publish(ENV);
        expect(result.code, 'the publish fails').not.toBe(0);
        expect(await snapshotOutput(project.distDir), 'dist/ after the failed publish').toEqual(
          before,
        );
        expect(
          (await readFile(manifestPath)).equals(manifestBefore),
          "dist-changes.json is the last good publish's",
        ).toBe(true);
      } finally {
        await writeFile(storyPath, story);
      }
    },
    PUBLISH_TIMEOUT,
  );

  it(
    "after the same story's headline is edited",
    async () => {
      await editStory(EDITED_STORY, (text) =>
        text.replace(/^title: (.*)$/m, 'title: $1, corrected'),
      );
      await publishAndCompare(EDITED_PAGE);
    },
    PUBLISH_TIMEOUT,
  );

  it(
    'after the same story is moved to another section',
    async () => {
      await editStory(EDITED_STORY, (text) =>
        text.replace(/^section: World$/m, 'section: Science'),
      );
      await publishAndCompare(EDITED_PAGE);
    },
    PUBLISH_TIMEOUT,
  );

  it(
    'after a story is deleted',
    async () => {
      await rm(join(project.contentDir, DELETED_STORY));
      const { manifest } = await publishAndCompare(DELETED_PAGE, 'removed');
      expect(manifest.removed, 'the pages and feeds of its topics go with it').toEqual(
        expect.arrayContaining(
          DELETED_TOPICS.flatMap((slug) => [`topic/${slug}/index.html`, `topic/${slug}/rss.xml`]),
        ),
      );
      expect(manifest.changed, 'the topics index no longer lists them').toContain(
        'topic/index.html',
      );
    },
    PUBLISH_TIMEOUT,
  );

  // The headline is corrected with a note saying so: the pages of the
  // story's topics and source must show the new headline.
  it(
    'after an old story is corrected',
    async () => {
      await editStory(CORRECTED_STORY, (text) =>
        text
          .replace(
            /^title: .*$/m,
            'title: Security chief does not rule out restoring contacts between Russian and US intelligence services',
          )
          .replace(
            /^---\n/,
            '---\ncorrections:\n  - at: 2019-05-23T10:00:00+03:00\n' +
              '    text: An earlier version of this story said in its headline that the remarks ' +
              'were about "intel services"; the director spoke of intelligence services.\n',
          ),
      );
      const { pages, manifest, output } = await publishAndCompare(CORRECTED_PAGE);
      expectOnlyNamePagesOf(pages, output, CORRECTED_NAMES);
      expect(manifest.changed, 'the correction is on the corrections page and in its feed').toEqual(
        expect.arrayContaining(['corrections/index.html', 'corrections/rss.xml']),
      );
    },
    PUBLISH_TIMEOUT,
  );

  // The header lists every section and the footer every section's feed, so
  // every page is rendered again; the pages' frame key must say so, and must
  // say nothing else changed in the footer's links.
  it(
    'after a story is added in a section the site did not have',
    async () => {
      await writeFile(join(project.contentDir, NEW_SECTION_STORY), NEW_SECTION_TEXT);
      const { pages, output } = await publishAndCompare(NEW_SECTION_PAGE);
      expect(
        [...pages.keys()].filter((path) => path.endsWith('.png')).sort(),
        "only the new section's cards are drawn",
      ).toEqual(
        ['card-1x1', 'card-4x3', 'card'].map((shape) => `/section/weather/${shape}.png`).sort(),
      );
      const copied = [...output.keys()].filter(
        (path) => path.endsWith('.html') && !path.startsWith('pagefind/') && !pages.has(`/${path}`),
      );
      expect(copied, 'pages copied although their header and footer changed').toEqual([]);
    },
    PUBLISH_TIMEOUT,
  );

  it(
    'by a full build when a story gets a new lead image, which no full build has processed',
    async () => {
      const folder = dirname(join(project.contentDir, CORRECTED_STORY));
      await cp(join(project.contentDir, LEAD_IMAGE_FROM), join(folder, 'new-lead.png'));
      await editStory(CORRECTED_STORY, (text) =>
        text.replace(/^---\n/, '---\nimage:\n  src: ./new-lead.png\n  alt: A new picture.\n'),
      );
      await publishAndCompare(CORRECTED_PAGE, 'changed', 'a lead image was added');
    },
    PUBLISH_TIMEOUT,
  );

  it(
    'by a full build when the code changed since the last full build, and without one after it',
    async () => {
      const config = join(project.root, 'src/site.config.ts');
      await writeFile(config, `${await readFile(config, 'utf8')}\n// A change to the code.\n`);
      await editStory(EDITED_STORY, (text) => text.replace(/\n$/, ' Once more.\n'));
      await publishAndCompare(EDITED_PAGE, 'changed', 'the code or the site address changed');

      await editStory(EDITED_STORY, (text) => text.replace(/ Once more\.\n$/, ' Again.\n'));
      await publishAndCompare(EDITED_PAGE);
    },
    PUBLISH_TIMEOUT,
  );

  it(
    'by a full build when another build wrote dist/ since the last publish',
    async () => {
      const direct = await project.build(ENV);
      expect(direct.code, direct.stdout + direct.stderr).toBe(0);
      await editStory(EDITED_STORY, (text) => text.replace(/ Again\.\n$/, ' Once again.\n'));
      await publishAndCompare(EDITED_PAGE, 'changed', 'dist/ is not the site the last build left');
    },
    PUBLISH_TIMEOUT,
  );
});
