import { describe, expect, it } from 'vitest';
import {
  archiveNeighbours,
  buildSiteIndex,
  moreFromSection,
  relatedArticles,
  sectionNeighbours,
  type SiteIndexEntry,
} from '../../src/lib/site-index.ts';
import type { ArticleNote } from '../../src/lib/articles/schema.ts';
import { instant } from '../helpers/instant.ts';

const MOSCOW = 'Europe/Moscow';

/** A story with just the fields the groupings read. */
function story(
  slug: string,
  published: string,
  section = 'World',
  related: string[] = [],
  more: Partial<Pick<SiteIndexEntry, 'tags' | 'authors' | 'source' | 'notes'>> = {},
): SiteIndexEntry {
  return {
    slug,
    published: instant(published),
    section: { name: section, slug: section.toLowerCase().replace(/\W+/g, '-') },
    related,
    tags: [],
    authors: [],
    source: undefined,
    notes: [],
    ...more,
  };
}

/** A correction or update at a moment. */
function note(type: 'correction' | 'update', at: string, text: string): ArticleNote {
  return { type, at: instant(at), text };
}

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

describe('buildSiteIndex', () => {
  const articles = [
    story('old', '2024-03-01T10:00:00+03:00', 'Sport'),
    story('new-york-late', '2025-06-10T23:30:00-05:00', 'World'),
    story('tokyo-early', '2025-06-11T02:00:00+09:00', 'Science'),
    story('midnight', '2025-06-10T00:00:00+03:00', 'World'),
    story('minute-before', '2025-06-09T23:59:00+03:00', 'World'),
    story('new-year-utc', '2025-12-31T22:30:00Z', 'Business & Economy'),
  ];
  const index = buildSiteIndex(articles, MOSCOW);

  it('lists every story newest first, whatever the input order', () => {
    expect(slugs(index.articles)).toEqual([
      'new-year-utc',
      'new-york-late',
      'tokyo-early',
      'midnight',
      'minute-before',
      'old',
    ]);
  });

  it('files each story under its calendar day in the site zone, not its written offset', () => {
    expect(slugs(index.dayByKey.get('2025-06-11')?.articles ?? [])).toEqual(['new-york-late']);
    expect(slugs(index.dayByKey.get('2025-06-10')?.articles ?? [])).toEqual([
      'tokyo-early',
      'midnight',
    ]);
    expect(slugs(index.dayByKey.get('2025-06-09')?.articles ?? [])).toEqual(['minute-before']);
    expect(slugs(index.dayByKey.get('2026-01-01')?.articles ?? [])).toEqual(['new-year-utc']);
    expect(index.dayByKey.has('2025-12-31')).toBe(false);
  });

  it('counts stories per year and month, months and days newest first', () => {
    expect(index.years.map((year) => [year.key, year.count])).toEqual([
      ['2026', 1],
      ['2025', 4],
      ['2024', 1],
    ]);
    const june = index.monthByKey.get('2025-06');
    expect(june?.count).toBe(4);
    expect(june?.days.map((day) => [day.key, day.articles.length])).toEqual([
      ['2025-06-11', 1],
      ['2025-06-10', 2],
      ['2025-06-09', 1],
    ]);
    expect(index.yearByKey.get('2025')?.months.map((month) => month.key)).toEqual(['2025-06']);
  });

  it('orders sections alphabetically, each newest first', () => {
    expect(index.sections.map((group) => group.section.name)).toEqual([
      'Business & Economy',
      'Science',
      'Sport',
      'World',
    ]);
    expect(slugs(index.sectionBySlug.get('world')?.articles ?? [])).toEqual([
      'new-york-late',
      'midnight',
      'minute-before',
    ]);
  });
});

describe('neighbours', () => {
  const index = buildSiteIndex(
    [
      story('w1', '2025-01-01T10:00:00+03:00', 'World'),
      story('s1', '2025-01-02T10:00:00+03:00', 'Sport'),
      story('w2', '2025-01-03T10:00:00+03:00', 'World'),
      story('w3', '2025-02-04T10:00:00+03:00', 'World', ['w1', 'unpublished', 's1']),
    ],
    MOSCOW,
  );
  const get = (slug: string) => index.bySlug.get(slug)!;

  it('gives the older story as previous and the newer as next within the section', () => {
    const { previous, next } = sectionNeighbours(index, get('w2'));
    expect(previous?.slug).toBe('w1');
    expect(next?.slug).toBe('w3');
  });

  it('has no previous for the oldest and no next for the newest', () => {
    expect(sectionNeighbours(index, get('w1')).previous).toBeUndefined();
    expect(sectionNeighbours(index, get('w3')).next).toBeUndefined();
  });

  it('gives the neighbouring days, months and years that have stories', () => {
    const day = index.dayByKey.get('2025-01-02')!;
    expect(archiveNeighbours(index.days, day).previous?.key).toBe('2025-01-01');
    expect(archiveNeighbours(index.days, day).next?.key).toBe('2025-01-03');
    const february = index.monthByKey.get('2025-02')!;
    expect(archiveNeighbours(index.months, february).previous?.key).toBe('2025-01');
    expect(archiveNeighbours(index.months, february).next).toBeUndefined();
    expect(archiveNeighbours(index.years, index.yearByKey.get('2025')!)).toEqual({
      previous: undefined,
      next: undefined,
    });
  });

  it('keeps only related stories that are published, in the editor order', () => {
    expect(slugs(relatedArticles(index, get('w3')))).toEqual(['w1', 's1']);
  });

  it('lists more from the section newest first, without the story and what is excluded', () => {
    expect(slugs(moreFromSection(index, get('w1'), 5))).toEqual(['w3', 'w2']);
    expect(slugs(moreFromSection(index, get('w1'), 1))).toEqual(['w2']);
    expect(slugs(moreFromSection(index, get('w1'), 5, [get('w3')]))).toEqual(['w2']);
  });
});

describe('moreFromSection in a long section', () => {
  // s0 is the newest, s19 the oldest.
  const section = Array.from({ length: 20 }, (_, i) =>
    story(`s${i}`, new Date(Date.UTC(2025, 0, 20 - i, 12)).toISOString()),
  );
  const index = buildSiteIndex(section, MOSCOW);
  const get = (slug: string) => index.bySlug.get(slug)!;

  it('takes the stories published just before the story, newest first', () => {
    expect(slugs(moreFromSection(index, get('s5'), 3))).toEqual(['s6', 's7', 's8']);
    expect(slugs(moreFromSection(index, get('s5'), 3, [get('s6'), get('s8')]))).toEqual([
      's7',
      's9',
      's10',
    ]);
  });

  it('takes the nearest newer stories when too few are older', () => {
    expect(slugs(moreFromSection(index, get('s18'), 3))).toEqual(['s16', 's17', 's19']);
    expect(slugs(moreFromSection(index, get('s19'), 3))).toEqual(['s16', 's17', 's18']);
  });

  it('is not changed by a newer story added to the section', () => {
    const withNewest = buildSiteIndex(
      [...section, story('newest', '2025-02-01T12:00:00Z')],
      MOSCOW,
    );
    for (const slug of ['s0', 's5', 's16']) {
      expect(slugs(moreFromSection(withNewest, withNewest.bySlug.get(slug)!, 3))).toEqual(
        slugs(moreFromSection(index, get(slug), 3)),
      );
    }
  });
});

describe('topics, authors and sources', () => {
  const index = buildSiteIndex(
    [
      story('oldest', '2024-01-01T10:00:00Z', 'World', [], {
        tags: ['velmora', 'Elections'],
        authors: ['Anna Petrova'],
        source: 'TASS',
      }),
      story('newest', '2025-03-01T10:00:00Z', 'World', [], {
        tags: ['Velmora'],
        authors: ['Anna Petrova', 'Ben Okafor'],
      }),
      story('middle', '2024-06-01T10:00:00Z', 'Sport', [], {
        tags: ['VELMORA', 'Zürich'],
        source: 'TASS',
      }),
    ],
    MOSCOW,
  );
  const listed = (taxonomy: 'topic' | 'author' | 'source') =>
    index.taxonomies[taxonomy].groups.map(({ slug, name, articles }) => [
      slug,
      name,
      slugs(articles),
    ]);

  it('groups topics letter case aside, A–Z, each newest first, whatever the input order', () => {
    // Three spellings, one story each: the newest story's wins.
    expect(listed('topic')).toEqual([
      ['elections', 'Elections', ['oldest']],
      ['velmora', 'Velmora', ['newest', 'middle', 'oldest']],
      ['zurich', 'Zürich', ['middle']],
    ]);
  });

  it('groups authors and sources, each newest first', () => {
    expect(listed('author')).toEqual([
      ['anna-petrova', 'Anna Petrova', ['newest', 'oldest']],
      ['ben-okafor', 'Ben Okafor', ['newest']],
    ]);
    expect(listed('source')).toEqual([['tass', 'TASS', ['middle', 'oldest']]]);
  });

  it('finds each by URL name', () => {
    expect(index.taxonomies.topic.bySlug.get('zurich')?.name).toBe('Zürich');
    expect(index.taxonomies.author.bySlug.get('ben-okafor')?.articles).toHaveLength(1);
    expect(index.taxonomies.source.bySlug.has('newsroom-wire')).toBe(false);
  });

  it('orders names in the site’s language', () => {
    const names = ['Zürich', 'Ärzte', 'Ost'];
    const stories = names.map((name, i) =>
      story(`s${i}`, `2025-01-0${i + 1}T10:00:00Z`, 'World', [], { tags: [name] }),
    );
    const order = (locale: string) =>
      buildSiteIndex(stories, MOSCOW, locale).taxonomies.topic.groups.map(({ name }) => name);
    expect(order('en')).toEqual(['Ärzte', 'Ost', 'Zürich']);
    // Swedish puts Ä after Z.
    expect(order('sv')).toEqual(['Ost', 'Zürich', 'Ärzte']);
  });
});

describe('notes', () => {
  const index = buildSiteIndex(
    [
      story('old-story', '2024-01-01T10:00:00Z', 'World', [], {
        notes: [
          note('update', '2025-05-01T12:00:00Z', 'Old story, second note.'),
          note('correction', '2024-01-02T10:00:00Z', 'Old story, first note.'),
        ],
      }),
      story('new-story', '2025-04-01T10:00:00Z', 'World', [], {
        notes: [
          note('correction', '2025-05-01T15:00:00+03:00', 'New story, correction at noon UTC.'),
          note('update', '2025-05-01T12:00:00Z', 'New story, update at the same moment.'),
          note('update', '2025-04-02T10:00:00Z', 'New story, first note.'),
        ],
      }),
      story('no-notes', '2025-06-01T10:00:00Z'),
    ],
    MOSCOW,
  );

  it('lists every note newest first; at one moment the newer story’s first, each story’s in its order', () => {
    expect(
      index.notes.map(({ note: { type, text }, article, number }) => [
        article.slug,
        number,
        type,
        text,
      ]),
    ).toEqual([
      ['new-story', 3, 'correction', 'New story, correction at noon UTC.'],
      ['new-story', 2, 'update', 'New story, update at the same moment.'],
      ['old-story', 2, 'update', 'Old story, second note.'],
      ['new-story', 1, 'update', 'New story, first note.'],
      ['old-story', 1, 'correction', 'Old story, first note.'],
    ]);
  });

  it('has no notes for a site without any', () => {
    expect(buildSiteIndex([story('a', '2025-01-01T10:00:00Z')], MOSCOW).notes).toEqual([]);
  });
});
