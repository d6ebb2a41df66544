import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSiteProject,
  PROJECT_ROOT,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';

/** A hash of every file of a search bundle. */
async function hashBundle(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const path of entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()) {
    hash.update(path.slice(dir.length)).update(await readFile(path));
  }
  return hash.digest('hex');
}

const STORY_2025 = (body: string) =>
  `---\ntitle: A story of the next year\nsection: World\npublished: 2025-03-01T10:00:00+03:00\n---\n${body}\n`;
const STORY_2024 = (title: string) =>
  `---\ntitle: ${title}\nsection: World\npublished: 2024-02-20T10:00:00+03:00\n---\nFerry words.\n`;

describe('search bundles on a rebuild', () => {
  let project: SiteProject;

  beforeAll(async () => {
    // Stories of January 2024 (the fixture's), February 2024 and March 2025.
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
    await mkdir(join(project.contentDir, '2025/03'), { recursive: true });
    await writeFile(join(project.contentDir, '2025/03/next-year.md'), STORY_2025('Harbour words.'));
    await mkdir(join(project.contentDir, '2024/02'), { recursive: true });
    await writeFile(join(project.contentDir, '2024/02/ferry.md'), STORY_2024('Ferry timetable'));
  });
  afterAll(() => project.remove());

  /** A hash of each month's bundle in the output. */
  const hashBundles = async () => ({
    '2025-03': await hashBundle(join(project.distDir, 'pagefind/2025-03')),
    '2024-02': await hashBundle(join(project.distDir, 'pagefind/2024-02')),
    '2024-01': await hashBundle(join(project.distDir, 'pagefind/2024-01')),
  });

  it('indexes again only the month whose story changed, and keeps the others byte for byte', async () => {
    const first = await project.build();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /\(3 bundles indexed, the slowest \d{4}-\d{2} \(\d pages?, [\d.]+s\), 0 kept unchanged\)/,
    );
    const before = await hashBundles();
    expect(
      JSON.parse(await readFile(join(project.distDir, 'pagefind/shards.json'), 'utf8')),
    ).toEqual([
      { period: '2025-03', pageCount: 1 },
      { period: '2024-02', pageCount: 1 },
      { period: '2024-01', pageCount: 2 },
    ]);

    // A correction to an older story's headline.
    await writeFile(
      join(project.contentDir, '2024/02/ferry.md'),
      STORY_2024('Ferry timetable, corrected'),
    );
    const second = await project.build();
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      /\(1 bundle indexed: 2024-02 \(1 page, [\d.]+s\), 2 kept unchanged\)/,
    );
    const after = await hashBundles();
    expect(after['2025-03']).toBe(before['2025-03']);
    expect(after['2024-01']).toBe(before['2024-01']);
    expect(after['2024-02']).not.toBe(before['2024-02']);
  });
});
