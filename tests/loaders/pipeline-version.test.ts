/**
 * The pipeline version: what changes it (the library, the loader, the
 * locked dependencies) and what does not (pages, other files).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../src/loaders/pipeline-version.ts';

describe('pipelineVersion', () => {
  let fakeRoot: string;

  beforeEach(async () => {
    fakeRoot = await mkdtemp(join(tmpdir(), 'pipeline-version-'));
    await mkdir(join(fakeRoot, 'src', 'lib', 'articles'), { recursive: true });
    await mkdir(join(fakeRoot, 'src', 'loaders'), { recursive: true });
    await mkdir(join(fakeRoot, 'src', 'pages'), { recursive: true });
    await writeFile(join(fakeRoot, 'src', 'lib', 'articles', 'parse.ts'), 'export const a = 1;\n');
    await writeFile(join(fakeRoot, 'src', 'lib', 'dates.ts'), 'export const b = 2;\n');
    await writeFile(
      join(fakeRoot, 'src', 'loaders', 'articles-loader.ts'),
      'export const c = 3;\n',
    );
    await writeFile(join(fakeRoot, 'src', 'pages', 'index.astro'), '<h1>Home</h1>\n');
    await writeFile(join(fakeRoot, 'package-lock.json'), '{"lockfileVersion": 3}\n');
  });

  afterEach(() => rm(fakeRoot, { recursive: true, force: true }));

  it('is a short hex string that stays the same while nothing changes', () => {
    const version = pipelineVersion(fakeRoot);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(pipelineVersion(fakeRoot)).toBe(version);
  });

  it('changes when a file under src/lib changes', async () => {
    const before = pipelineVersion(fakeRoot);
    await writeFile(join(fakeRoot, 'src', 'lib', 'articles', 'parse.ts'), 'export const a = 2;\n');
    expect(pipelineVersion(fakeRoot)).not.toBe(before);
  });

  it('changes when a file is added under src/lib', async () => {
    const before = pipelineVersion(fakeRoot);
    await writeFile(join(fakeRoot, 'src', 'lib', 'urls.ts'), 'export const d = 4;\n');
    expect(pipelineVersion(fakeRoot)).not.toBe(before);
  });

  it('changes when the loader changes', async () => {
    const before = pipelineVersion(fakeRoot);
    await writeFile(
      join(fakeRoot, 'src', 'loaders', 'articles-loader.ts'),
      'export const c = 4;\n',
    );
    expect(pipelineVersion(fakeRoot)).not.toBe(before);
  });

  it('changes when the locked dependencies change', async () => {
    const before = pipelineVersion(fakeRoot);
    await writeFile(
      join(fakeRoot, 'package-lock.json'),
      '{"lockfileVersion": 3, "packages": {}}\n',
    );
    expect(pipelineVersion(fakeRoot)).not.toBe(before);
  });

  it('ignores pages and files that are not TypeScript', async () => {
    const before = pipelineVersion(fakeRoot);
    await writeFile(join(fakeRoot, 'src', 'pages', 'index.astro'), '<h1>Front page</h1>\n');
    await writeFile(join(fakeRoot, 'src', 'lib', 'notes.md'), 'Notes.\n');
    expect(pipelineVersion(fakeRoot)).toBe(before);
  });
});
