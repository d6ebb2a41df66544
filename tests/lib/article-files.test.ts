/**
 * Finding and reading article files, over the collection fixtures:
 * `tests/fixtures/collections/<case>/`, each standing in for the project root.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createImageInspector,
  findArticleFiles,
  listArticleFiles,
  readSourceFile,
} from '../../src/lib/article-files.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'collections');

describe('findArticleFiles', () => {
  it('ignores files and folders whose names start with _ or ., and files that are not .md', async () => {
    const rootDir = join(FIXTURES, 'ignored-files');
    expect(await findArticleFiles(rootDir, join(rootDir, 'content'))).toStrictEqual([
      'content/2019/05/kept-story.md',
    ]);
  });
});

describe('listArticleFiles', () => {
  it('names each .markdown or .mdx file and each link it leaves out, outside ignored folders', async () => {
    const rootDir = join(FIXTURES, 'ignored-files');
    const { paths, skipped } = await listArticleFiles(rootDir, join(rootDir, 'content'));
    expect(paths).toStrictEqual(['content/2019/05/kept-story.md']);
    expect(skipped).toStrictEqual([
      {
        path: 'content/2019/05/interactive.MDX',
        ruleId: 'skipped-extension',
        message:
          'the site reads only .md files, so this .mdx file is left out; if it is an article, rename it to interactive.md',
      },
      {
        path: 'content/2019/05/linked-story.md',
        ruleId: 'skipped-link',
        message:
          'this article file is a symbolic link, which the site does not follow, so it is left out; put the article file itself here',
      },
      {
        path: 'content/2019/05/old-story.markdown',
        ruleId: 'skipped-extension',
        message:
          'the site reads only .md files, so this .markdown file is left out; if it is an article, rename it to old-story.md',
      },
      {
        path: 'content/2019/linked-folder',
        ruleId: 'skipped-link',
        message:
          'this folder is a symbolic link, which the site does not follow, so it is left out; put the folder itself here',
      },
    ]);
  });
});

describe('createImageInspector', () => {
  const rootDir = join(FIXTURES, 'hostile-images');
  const inspect = createImageInspector(rootDir, join(rootDir, 'content'));

  it('passes an image file that is what its name says', async () => {
    expect(await inspect('content/2019/05/Skyline.Jpg')).toStrictEqual({ kind: 'ok' });
    expect(await inspect('content/2019/05/safe-chart.svg')).toStrictEqual({ kind: 'ok' });
  });

  it('tells a missing file, a folder, and a file of another type apart', async () => {
    expect(await inspect('content/2019/05/gone.png')).toStrictEqual({ kind: 'missing' });
    expect(await inspect('content/2019/05/folder.jpg/photo.png')).toStrictEqual({
      kind: 'missing',
    });
    expect(await inspect('content/2019/05/folder.jpg')).toStrictEqual({ kind: 'folder' });
    expect(await inspect('content/2019/05/really-a-png.jpg')).toStrictEqual({
      kind: 'content',
      finding: { kind: 'wrong-type', expected: 'JPEG', actual: 'PNG' },
    });
  });

  it('reads nothing outside the content folder or in a part of it the site ignores', async () => {
    expect(await inspect('content/2019/05/linked.png')).toStrictEqual({ kind: 'link-outside' });
    expect(await inspect('secret.png')).toStrictEqual({ kind: 'link-outside' });
    expect(await inspect('content/_drafts/photo.png')).toStrictEqual({ kind: 'link-outside' });
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
