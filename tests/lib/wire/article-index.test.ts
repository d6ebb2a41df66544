import { describe, expect, it } from 'vitest';
import { ArticleIndex, titleToKey } from '../../../src/lib/wire/article-index.ts';

const article = (slug: string, title: string, section = 'World') => ({
  slug,
  title,
  section: { name: section, slug: section.toLowerCase().replace(/\W+/g, '-') },
  sourcePath: `content/2019/05/${slug}.md`,
});

describe('titleToKey', () => {
  it('ignores case, runs of white space and the style of quotes and apostrophes', () => {
    expect(titleToKey('Putin sees “prospects” for the US’  economy ')).toBe(
      titleToKey('PUTIN SEES "prospects" for the US\'\teconomy'),
    );
  });

  it('keeps other punctuation, which tells headlines apart', () => {
    expect(titleToKey('Talks end.')).not.toBe(titleToKey('Talks end'));
  });
});

describe('ArticleIndex', () => {
  it('finds an article by title and by slug', () => {
    const index = new ArticleIndex();
    index.add(article('talks-end', 'Talks end in Geneva'));
    expect(index.slugOfTitle('talks END in geneva')).toBe('talks-end');
    expect(index.pathOfSlug('talks-end')).toBe('content/2019/05/talks-end.md');
    expect(index.slugOfTitle('Talks begin')).toBeUndefined();
  });

  it('keeps the first article added for a title, so that links are stable', () => {
    const index = new ArticleIndex();
    index.add(article('a-first', 'Same title'));
    index.add(article('b-second', 'Same title'));
    expect(index.slugOfTitle('Same title')).toBe('a-first');
  });

  it('spells a section as the site already does', () => {
    const index = new ArticleIndex();
    index.add(article('x', 'X', 'Russian Politics & Diplomacy'));
    expect(index.sectionName('RUSSIAN POLITICS & DIPLOMACY')).toBe('Russian Politics & Diplomacy');
    expect(index.sectionName('World')).toBe('World');
  });
});
