/**
 * Finding and reading article files, over the collection fixtures:
 * `tests/fixtures/collections/<case>/`, each standing in for the project root.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticleFiles, readSourceFile } from '../../src/lib/article-files.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'collections');

describe('findArticleFiles', () => {
  it('ignores files and folders whose names start with _ or ., and files that are not .md', async () => {
    const rootDir = join(FIXTURES, 'ignored-files');
    expect(await findArticleFiles(rootDir, join(rootDir, 'content'))).toStrictEqual([
      'content/2019/05/kept-story.md',
    ]);
  });
});

describe('readSourceFile', () => {
  const rootDir = join(FIXTURES, 'non-utf-8');

  it('reads a file as UTF-8', async () => {
    const file = await readSourceFile(rootDir, 'content/utf-8.md');
    expect(file).toMatchObject({
      path: 'content/utf-8.md',
      text: expect.stringContaining('Société'),
    });
  });

  it('says when a file is not UTF-8', async () => {
    expect(await readSourceFile(rootDir, 'content/latin-1.md')).toStrictEqual({
      path: 'content/latin-1.md',
      ruleId: 'not-utf-8',
      message: 'the file is not valid UTF-8; save it as UTF-8 in your editor',
    });
  });

  it('says when a file cannot be read', async () => {
    expect(await readSourceFile(rootDir, 'content/gone.md')).toStrictEqual({
      path: 'content/gone.md',
      ruleId: 'unreadable',
      message: 'the file could not be read (ENOENT); check that it exists and that you may read it',
    });
  });
});
