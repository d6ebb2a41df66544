import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LEAD_IMAGE_DIR } from '../../src/lib/articles/images.ts';

const SOURCE = new URL('../../src/data/article-image.ts', import.meta.url);

describe('the lead images Vite is told about', () => {
  // `import.meta.glob` takes only a literal pattern, so the module cannot build
  // it from LEAD_IMAGE_DIR; this keeps the two from drifting apart. Vite emits
  // every file the glob matches, so it must be the published copies, not content/.
  it('are every file of the published copies of lead images, and no other', async () => {
    const source = await readFile(SOURCE, 'utf8');
    const pattern = /import\.meta\.glob<[^>]*>\(\s*'([^']+)'/.exec(source)?.[1];
    expect(pattern).toBe(`/${LEAD_IMAGE_DIR}/**/*`);
  });
});
