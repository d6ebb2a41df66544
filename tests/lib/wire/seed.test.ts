/**
 * The seed story, imported and read back by the article parser: every
 * field the site uses is pinned.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/articles/parse.ts';
import { problemToString } from '../../../src/lib/articles/problems.ts';
import type { Article } from '../../../src/lib/articles/schema.ts';
import { ArticleIndex } from '../../../src/lib/wire/article-index.ts';
import { parseWireCopy } from '../../../src/lib/wire/parse-wire-copy.ts';
import { wireToMarkdown } from '../../../src/lib/wire/wire-to-markdown.ts';

const SEED = join(import.meta.dirname, '../../fixtures/wire/seed/input.txt');

describe('the imported seed story', () => {
  let path: string;
  let article: Article;

  beforeAll(async () => {
    const copy = parseWireCopy('seed-article.txt', await readFile(SEED, 'utf8'), { year: 2019 });
    if (!copy.ok) throw new Error(copy.problems.map(problemToString).join('\n'));
    const imported = wireToMarkdown(copy.story, new ArticleIndex());
    path = `content/${imported.path}`;
    const parsed = parseArticle(path, imported.markdown);
    if (!parsed.ok) throw new Error(parsed.problems.map(problemToString).join('\n'));
    article = parsed.article;
  });

  it('goes to content/2019/05 under a slug cut from the headline', () => {
    expect(path).toBe(
      'content/2019/05/security-chief-does-not-rule-out-restoring-contacts-between.md',
    );
    expect(article.slug).toBe('security-chief-does-not-rule-out-restoring-contacts-between');
  });

  it('keeps the headline, section, standfirst and agency dateline', () => {
    expect(article.title).toBe(
      'Security chief does not rule out restoring contacts between Russian, US intel services',
    );
    expect(article.section).toEqual({
      name: 'Russian Politics & Diplomacy',
      slug: 'russian-politics-diplomacy',
    });
    expect(article.summary).toBe(
      'It is very important for developing more confidential relations at the interstate level, Sergei Naryshkin said',
    );
    expect(article.dateline).toBe('DUSHANBE');
    expect(article.source).toBe('TASS');
  });

  it('is published at 8:36 Moscow time on May 22, 2019, with the offset kept', () => {
    expect(article.published).toEqual({
      iso: '2019-05-22T08:36:00+03:00',
      epochMs: Date.UTC(2019, 4, 22, 5, 36),
      offset: '+03:00',
      offsetMinutes: 180,
    });
    expect(article.published.epochMs).toBe(1558503360000);
    expect(article.updated).toBeUndefined();
  });

  it('opens the body after the dateline, which the site prints from front matter', () => {
    expect(
      article.text.startsWith(
        'Director of the Foreign Intelligence Service (SVR) Sergei Naryshkin',
      ),
    ).toBe(true);
    expect(article.text).not.toContain('DUSHANBE');
    expect(article.text).not.toContain('/TASS/');
    expect(article.bodyHtml.startsWith('<p>Director of the Foreign Intelligence Service')).toBe(
      true,
    );
  });

  it('keeps the related headline it cannot link as an "Also read" line after the lead', () => {
    expect(article.related).toEqual([]);
    expect(article.text.split('\n\n')[1]).toBe(
      'Also read: Putin sees prospects for Russia-US cooperation after domestic issues in Washington solved',
    );
    expect(article.bodyHtml).toContain(
      '<p><em>Also read: Putin sees prospects for Russia-US cooperation after domestic issues in Washington solved</em></p>',
    );
  });

  it('keeps curly quotes and brackets and counts the words', () => {
    expect(article.text).toContain('the US’ Central Intelligence Agency');
    expect(article.text).toContain('"Over a year ago when [US Secretary of State Michael] Pompeo');
    expect(article.wordCount).toBe(282);
    expect(article.readingMinutes).toBe(1);
  });

  it('has no author, tags, image or draft flag', () => {
    expect(article).toMatchObject({ authors: [], tags: [], draft: false, image: undefined });
  });
});
