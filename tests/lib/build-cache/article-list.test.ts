/**
 * The build's article list: what the loader writes is what the
 * integrations read back, record for record.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleList, writeArticleList } from '../../../src/lib/build-cache/article-list.ts';
import type { StoredArticle } from '../../../src/lib/build-cache/stored-article.ts';
import { instant } from '../../helpers/instant.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'article-list-'));
  file = join(dir, 'articles.jsonl');
});

afterEach(() => rm(dir, { recursive: true, force: true }));

/** A stored article whose headline and standfirst are given. */
function stored(slug: string, title: string, summary: string): StoredArticle {
  return {
    sourcePath: `content/${slug}.md`,
    slug,
    title,
    kind: 'news',
    section: { slug: 'world', name: 'World' },
    published: instant('2025-03-01T10:00:00+03:00'),
    updated: undefined,
    summary,
    summaryGiven: true,
    dateline: undefined,
    source: undefined,
    authors: ['Anna Petrova'],
    tags: [],
    related: [],
    notes: [
      {
        type: 'correction',
        at: instant('2025-03-01T12:30:00+03:00'),
        text: 'A name was misspelt.',
      },
    ],
    image: undefined,
    draft: false,
    bodyImages: [],
    wordCount: 3,
    readingMinutes: 1,
    bodyHtmlFile: join(dir, `${slug}.html`),
    places: {
      section: { line: 3, column: 10 },
      related: [],
      tags: [],
      authors: [],
      bodyImages: [],
    },
  };
}

/** Every record of the list, in order. */
async function readAll(): Promise<StoredArticle[]> {
  const articles = [];
  for await (const article of readArticleList(file)) articles.push(article);
  return articles;
}

describe('the article list', () => {
  it('reads back a record whose text holds U+2028 and U+2029 whole, as one record', async () => {
    const articles = [
      stored('separators', 'Line\u2028separator', 'Paragraph\u2029separator and\r\nmore'),
      stored('plain', 'Plain headline', 'Plain standfirst.'),
    ];
    await writeArticleList(file, articles);
    // JSON leaves both separators as they are, so the file holds them raw.
    expect(await readFile(file, 'utf8')).toContain('Line\u2028separator');
    expect(JSON.parse(JSON.stringify(await readAll()))).toEqual(
      JSON.parse(JSON.stringify(articles)),
    );
  });

  it('reads back more records than are written at once, in order', async () => {
    const articles = Array.from({ length: 2500 }, (_, index) =>
      stored(`story-${index}`, `Story ${index}`, 'A standfirst.'),
    );
    await writeArticleList(file, articles);
    expect((await readAll()).map((article) => article.slug)).toEqual(
      articles.map((article) => article.slug),
    );
  });

  it('names the file when it is missing', async () => {
    await expect(readAll()).rejects.toThrow(
      `The build's article list (${file}) could not be read: ENOENT`,
    );
  });

  it('names the file and the line of a record that is not JSON', async () => {
    await writeFile(file, `${JSON.stringify(stored('a', 'A', 'A.'))}\n{"slug":\n`);
    await expect(readAll()).rejects.toThrow(
      `The build's article list (${file}, line 2) could not be read: `,
    );
  });
});
