/**
 * The incremental build's cache keys: a rebuild after an edit copies every
 * page whose key is unchanged from the last build, so a key that leaves out
 * something its page shows leaves that page stale. Here the fixture site is
 * built, a story is edited (its body, then its headline), and each rebuild's
 * output must equal, file for file and byte for byte, a clean build of the
 * same content in another project, while pages were still reused.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, hashFiles } from '../../scripts/lib/file-hashes.ts';
import {
  createSiteProject,
  PROJECT_ROOT,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import { FIXTURE_SITE } from '../helpers/fixture-site.ts';

/**
 * The story edited: its section's list, its day in the archive, the feeds
 * and search show it, and other stories' pages link to it (two name it as
 * related), so its headline is on many pages besides its own.
 */
const STORY_FILE = '2024/01/first-story.md';
const STORY_PAGE = '/2024/01/10/first-story/index.html';

/** A rebuild and a clean build each take a few seconds, and CI runs other files beside this one. */
const REBUILD_TIMEOUT = 300_000;

/** Builds a project at the fixture site's clock and URL; fails on a failed build. */
async function build(project: SiteProject): Promise<RunResult> {
  const result = await project.build({
    SITE_CLOCK: FIXTURE_SITE.clock,
    SITE_URL: FIXTURE_SITE.url,
  });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

/**
 * Each page a build wrote, by its path in the output, and whether it was
 * copied from the last build (Astro logs those as "(restored)" or "(cached)")
 * or rendered. The log is in colour when CI is set, hence the stripping.
 */
function pagesOf(log: string): Map<string, 'reused' | 'rendered'> {
  const pages = new Map<string, 'reused' | 'rendered'>();
  const plain = stripVTControlCharacters(log);
  for (const [, path, how] of plain.matchAll(/├─ (\S+) \((restored|cached|\+[^)]*)\)/g)) {
    pages.set(path!, how === 'restored' || how === 'cached' ? 'reused' : 'rendered');
  }
  return pages;
}

describe('an incremental rebuild', () => {
  let project: SiteProject;

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/site/content'));
    await build(project);
  }, REBUILD_TIMEOUT);
  afterAll(() => project?.remove());

  /**
   * Edits the story, then rebuilds the project and, beside it, builds a copy
   * of the same content from scratch, and compares the two outputs.
   */
  async function editAndCompare(edit: (text: string) => string): Promise<void> {
    const file = join(project.contentDir, STORY_FILE);
    const before = await readFile(file, 'utf8');
    const after = edit(before);
    expect(after, 'the edit changes the story').not.toBe(before);
    await writeFile(file, after);
    const clean = await createSiteProject(project.contentDir);
    try {
      const [rebuild] = await Promise.all([build(project), build(clean)]);

      const pages = pagesOf(rebuild.stdout);
      const [rebuilt, reference] = await Promise.all([
        hashFiles(project.distDir),
        hashFiles(clean.distDir),
      ]);
      const stale = differingFiles(rebuilt, reference).map((path) => {
        if (!rebuilt.has(path)) return `${path} (missing from the rebuild)`;
        if (!reference.has(path)) return `${path} (only in the rebuild)`;
        return pages.get(path) === 'reused'
          ? `${path} (copied from the last build: its key missed the edit)`
          : path;
      });
      expect(stale, 'files in which the rebuild differs from a clean build').toEqual([]);
      expect(pages.get(STORY_PAGE), 'the edited story was rendered again').toBe('rendered');
      expect(
        [...pages.values()].filter((how) => how === 'reused').length,
        'pages the edit does not touch were copied from the last build',
      ).toBeGreaterThan(0);
    } finally {
      await clean.remove();
    }
  }

  // One word for another: the body changes, but not what lists show of the
  // story (its word count and reading time), so only the story's own key
  // (its body's digest) tells the rebuild that its page changed.
  it(
    "after a word of a story's body is corrected, equals a clean build",
    () => editAndCompare((text) => text.replace('paragraph of text', 'paragraph of prose')),
    REBUILD_TIMEOUT,
  );

  it(
    "after the same story's headline is edited, equals a clean build",
    () => editAndCompare((text) => text.replace(/^title: (.*)$/m, 'title: $1, corrected')),
    REBUILD_TIMEOUT,
  );
});
