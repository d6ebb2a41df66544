import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildEnvironment,
  createSiteProject,
  PROJECT_ROOT,
  run,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import { hashFiles } from '../../scripts/lib/file-hashes.ts';

describe('a production build with bad articles', () => {
  let project: SiteProject;

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
    const first = await project.build();
    expect(first.code, first.stdout + first.stderr).toBe(0);
  });
  afterAll(() => project.remove());

  it('fails with every problem as path:line:column, a count, no stack trace, and leaves dist/ byte-identical', async () => {
    const before = await hashFiles(project.distDir);
    expect(before.size).toBeGreaterThan(0);

    await writeFile(
      join(project.contentDir, '2024/01/bad-keys.md'),
      '---\ntitle: 1984\nsection: World\npublished: 2024-01-12T10:00:00+03:00\nsumary: typo\n---\nBody.\n',
    );
    await writeFile(
      join(project.contentDir, '2024/01/bad-related.md'),
      '---\ntitle: Related to nothing\nsection: World\npublished: 2024-01-12T11:00:00\nrelated: [no-such-story]\n---\nBody.\n',
    );
    const result = await project.build();
    const output = result.stdout + result.stderr;

    expect(result.code).toBe(1);
    expect(output).toContain(
      'content/2024/01/bad-keys.md:2:8: "title" must be text, but YAML reads 1984 as a number; put it in quotes: "1984"',
    );
    expect(output).toContain(
      'content/2024/01/bad-keys.md:5:1: unknown key "sumary" — did you mean "summary"?',
    );
    expect(output).toMatch(/content\/2024\/01\/bad-related\.md:4:12: "published" has no offset/);
    expect(output).toContain('3 problems in 2 article files.');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain('Stack trace');

    expect(await hashFiles(project.distDir)).toEqual(before);
  });

  it('fails on tags, authors and sources whose URL names collide or are missing, naming every file and line, and leaves dist/ byte-identical', async () => {
    for (const name of ['bad-keys', 'bad-related']) {
      await rm(join(project.contentDir, `2024/01/${name}.md`), { force: true });
    }
    const before = await hashFiles(project.distDir);
    expect(before.size).toBeGreaterThan(0);

    await writeFile(
      join(project.contentDir, '2024/01/merger-announced.md'),
      '---\ntitle: Merger announced\nsection: Business & Economy\npublished: 2024-01-12T10:00:00+03:00\n' +
        'author: Anna Petrova\ntags: [AT&T, mergers]\n---\nBody.\n',
    );
    await writeFile(
      join(project.contentDir, '2024/01/merger-approved.md'),
      '---\ntitle: Merger approved\nsection: World\npublished: 2024-01-13T10:00:00+03:00\n' +
        'author: anna petrova\nsource: "!!!"\ntags:\n  - Mergers\n  - AT-T\n---\nBody.\n',
    );
    const result = await project.build();
    const output = result.stdout + result.stderr;

    expect(result.code).toBe(1);
    for (const line of [
      'content/2024/01/merger-announced.md:6:8: the tag "AT&T" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT-T" (content/2024/01/merger-approved.md:9:5);',
      'content/2024/01/merger-approved.md:9:5: the tag "AT-T" makes the URL name "at-t" (/topic/at-t/), and so does the tag "AT&T" (content/2024/01/merger-announced.md:6:8);',
      'content/2024/01/merger-announced.md:5:9: the author "Anna Petrova" makes the URL name "anna-petrova" (/author/anna-petrova/), and so does the author "anna petrova" (content/2024/01/merger-approved.md:5:9);',
      'content/2024/01/merger-approved.md:5:9: the author "anna petrova" makes the URL name "anna-petrova" (/author/anna-petrova/), and so does the author "Anna Petrova" (content/2024/01/merger-announced.md:5:9);',
      'content/2024/01/merger-approved.md:6:9: the source "!!!" has no Latin letters or digits to make a URL name from',
    ]) {
      expect(output).toContain(line);
    }
    // `mergers` and `Mergers` are one topic.
    expect(output).not.toMatch(/the tag "[Mm]ergers"/);
    expect(output).toContain('5 problems in 2 article files.');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

    expect(await hashFiles(project.distDir)).toEqual(before);
  });
});

describe('a production build with an invalid SITE_CLOCK', () => {
  let project: SiteProject;

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
  });
  afterAll(() => project.remove());

  it('fails with one line that names the variable and the form it takes, and no stack trace', async () => {
    const result = await project.build({ SITE_CLOCK: '2026-01-01 noon\nforged.md:1:1: line' });
    const output = result.stdout + result.stderr;

    expect(result.code).toBe(1);
    expect(output).toContain(
      'SITE_CLOCK="2026-01-01 noon\\nforged.md:1:1: line" is not a date and time with an offset; ' +
        'set it like SITE_CLOCK=2026-01-01T00:00:00Z, or unset it to use the current time.',
    );
    expect(output).not.toMatch(/^forged\.md/m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain('Stack trace');
  });
});

describe('npm run build when a page fails after the articles are fine', () => {
  let project: SiteProject;
  const buildScript = join(PROJECT_ROOT, 'scripts/build.ts');
  const runBuild = () =>
    run(process.execPath, [buildScript], { cwd: project.root, env: buildEnvironment() });

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
    const first = await runBuild();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('The site is in dist/.');
  });
  afterAll(() => project.remove());

  it('keeps the last good site in dist/, byte for byte, and says so', async () => {
    const before = await hashFiles(project.distDir);
    expect(before.size).toBeGreaterThan(0);

    await writeFile(
      join(project.root, 'src/pages/broken.astro'),
      "---\nthrow new Error('A page that cannot be rendered.');\n---\n",
    );
    const result = await runBuild();

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('The build failed; dist/ still holds the last good site.');
    expect(await hashFiles(project.distDir)).toEqual(before);
  });
});
