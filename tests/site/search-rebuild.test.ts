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

describe('search bundles on a rebuild', () => {
  let project: SiteProject;

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
    await mkdir(join(project.contentDir, '2025/03'), { recursive: true });
    await writeFile(join(project.contentDir, '2025/03/next-year.md'), STORY_2025('Harbour words.'));
  });
  afterAll(() => project.remove());

  it('indexes again only the year whose stories changed, and keeps the others byte for byte', async () => {
    const first = await project.build();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('(2 years indexed, 0 kept unchanged)');
    const bundle2024 = await hashBundle(join(project.distDir, 'pagefind/2024'));
    const bundle2025 = await hashBundle(join(project.distDir, 'pagefind/2025'));

    await writeFile(
      join(project.contentDir, '2025/03/next-year.md'),
      STORY_2025('Harbour words, corrected.'),
    );
    const second = await project.build();
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('(1 year indexed, 1 kept unchanged)');
    expect(await hashBundle(join(project.distDir, 'pagefind/2024'))).toBe(bundle2024);
    expect(await hashBundle(join(project.distDir, 'pagefind/2025'))).not.toBe(bundle2025);
    expect(
      JSON.parse(await readFile(join(project.distDir, 'pagefind/shards.json'), 'utf8')),
    ).toEqual(['2025', '2024']);
  });
});
