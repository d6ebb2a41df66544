import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

describe('the built front page', () => {
  it('links every published fixture article at its dated address', async () => {
    const html = await readFile(join(inject('siteDir'), 'index.html'), 'utf8');
    expect(html).toContain('href="/2024/01/10/first-story/"');
    expect(html).toContain('href="/2024/01/11/second-story/"');
  });
});
