/**
 * The name of a period's search bundle in the cache: it changes when the
 * period's documents or the indexing code change, and costs no reading.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndexArticle } from '../../src/integrations/search/articles-by-period.ts';
import { codeDigest, hashBundle } from '../../src/integrations/search/bundle-hash.ts';
import { instant } from '../helpers/instant.ts';

const SETTINGS = { timeZone: 'Europe/Moscow', language: 'en' };

/** A story whose body file does not exist: hashing must not read it. */
const STORY: SearchIndexArticle = {
  slug: 'harbour',
  published: instant('2025-03-01T10:00:00+03:00'),
  title: 'The harbour story',
  summary: 'A summary.',
  summaryGiven: true,
  kind: 'news',
  notes: [],
  section: { slug: 'world', name: 'World' },
  authors: [],
  source: undefined,
  dateline: undefined,
  image: undefined,
  bodyHtmlFile: '/nowhere/article-html/0123abcd.html',
};

describe('hashBundle', () => {
  it('gives the same hash for the same documents, without reading the bodies', () => {
    expect(hashBundle([STORY], SETTINGS)).toBe(hashBundle([{ ...STORY }], SETTINGS));
  });

  it('changes when a body file, a shown field, the order or the settings change', () => {
    const hash = hashBundle([STORY], SETTINGS);
    const other = { ...STORY, slug: 'winter' };
    for (const changed of [
      hashBundle([{ ...STORY, bodyHtmlFile: '/nowhere/article-html/4567ef.html' }], SETTINGS),
      hashBundle([{ ...STORY, title: 'The harbour story, corrected' }], SETTINGS),
      hashBundle([STORY], { ...SETTINGS, language: 'ru' }),
    ]) {
      expect(changed).not.toBe(hash);
    }
    expect(hashBundle([STORY, other], SETTINGS)).not.toBe(hashBundle([other, STORY], SETTINGS));
  });
});

describe('codeDigest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'code-digest-'));
    await writeFile(join(dir, 'index-bundle.ts'), 'export const batch = 100;\n');
    await writeFile(join(dir, 'bundle-hash.ts'), 'export const hash = 1;\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('changes when any module of the folder changes, or one is added', async () => {
    const before = codeDigest(dir);
    expect(codeDigest(dir)).toBe(before);
    await writeFile(join(dir, 'index-bundle.ts'), 'export const batch = 50;\n');
    const edited = codeDigest(dir);
    expect(edited).not.toBe(before);
    await writeFile(join(dir, 'articles-by-period.ts'), 'export {};\n');
    expect(codeDigest(dir)).not.toBe(edited);
  });

  it('reads only the modules', async () => {
    const before = codeDigest(dir);
    await writeFile(join(dir, 'notes.md'), 'Not code.\n');
    expect(codeDigest(dir)).toBe(before);
  });
});
