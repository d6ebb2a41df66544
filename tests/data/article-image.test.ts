import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { IMAGE_EXTENSIONS } from '../../src/lib/articles/images.ts';

const SOURCE = new URL('../../src/data/article-image.ts', import.meta.url);

describe('the lead images Vite is told about', () => {
  // `import.meta.glob` takes only a literal pattern, so the module cannot build
  // it from IMAGE_EXTENSIONS; this keeps the two from drifting apart.
  it('are the files of every allowed image extension, in lower and upper case', async () => {
    const source = await readFile(SOURCE, 'utf8');
    const pattern = /import\.meta\.glob<[^>]*>\(\s*'([^']+)'/.exec(source)?.[1];
    expect(pattern).toMatch(/^\/content\/\*\*\/\*\.\{[^}]+\}$/);
    const extensions = /\{([^}]+)\}$/.exec(pattern ?? '')?.[1]?.split(',') ?? [];
    expect([...extensions].sort()).toEqual(
      IMAGE_EXTENSIONS.flatMap((extension) => [extension, extension.toUpperCase()]).sort(),
    );
  });
});
