import { describe, expect, it } from 'vitest';
import {
  articleToNames,
  DIGITS_INITIAL,
  groupByInitial,
  groupByName,
  nameComparer,
  nameToInitial,
  nameToSlug,
  type TaxonomyEntry,
} from '../../src/lib/taxonomy.ts';

/** A story with just the fields the grouping reads, named by `id`. */
interface Story extends TaxonomyEntry {
  id: string;
}

function story(id: string, tags: string[], authors: string[] = [], source?: string): Story {
  return { id, tags, authors, source };
}

const ids = (stories: readonly Story[]) => stories.map((item) => item.id);
const topics = (stories: readonly Story[]) =>
  groupByName(stories, (item) => articleToNames(item, 'topic'), 'en');

describe('nameToSlug', () => {
  it('makes URL names as sections do', () => {
    expect(nameToSlug('Sergei Naryshkin')).toBe('sergei-naryshkin');
    expect(nameToSlug('AT&T')).toBe('at-t');
    expect(nameToSlug('Straße in København')).toBe('strasse-in-kobenhavn');
  });

  it('gives no URL name for a name without Latin letters or digits', () => {
    expect(nameToSlug('!!!')).toBe('');
    expect(nameToSlug('Москва')).toBe('');
  });
});

describe('articleToNames', () => {
  const item = story('a', ['SVR', 'CIA'], ['Anna Petrova', 'Ben Okafor'], 'TASS');

  it('gives the tags, the authors or the source', () => {
    expect(articleToNames(item, 'topic')).toEqual(['SVR', 'CIA']);
    expect(articleToNames(item, 'author')).toEqual(['Anna Petrova', 'Ben Okafor']);
    expect(articleToNames(item, 'source')).toEqual(['TASS']);
  });

  it('gives no source for a story without one', () => {
    expect(articleToNames(story('b', []), 'source')).toEqual([]);
  });
});

describe('groupByName', () => {
  it('makes tags that differ only in letter case one topic, with every story in the given order', () => {
    const groups = topics([
      story('newest', ['velmora']),
      story('middle', ['Velmora', 'elections']),
      story('oldest', ['VELMORA']),
    ]);
    expect(groups.map(({ slug, articles }) => [slug, ids(articles)])).toEqual([
      ['elections', ['middle']],
      ['velmora', ['newest', 'middle', 'oldest']],
    ]);
  });

  it('shows a topic in the spelling most of its stories use, not the newest', () => {
    const [group] = topics([
      story('newest', ['velmora']),
      story('b', ['Velmora']),
      story('c', ['Velmora']),
    ]);
    expect(group?.name).toBe('Velmora');
  });

  it('shows the newest story’s spelling when two are used equally often', () => {
    expect(topics([story('new', ['EU']), story('old', ['eu'])])[0]?.name).toBe('EU');
    expect(topics([story('new', ['eu']), story('old', ['EU'])])[0]?.name).toBe('eu');
    expect(
      topics([story('1', ['Eu']), story('2', ['EU']), story('3', ['EU']), story('4', ['Eu'])])[0]
        ?.name,
    ).toBe('Eu');
  });

  it('lists a story that spells one topic two ways once, counting its first spelling', () => {
    const groups = topics([
      story('both', ['nato', 'NATO']),
      story('other', ['NATO']),
      story('third', ['nato']),
    ]);
    expect(groups).toHaveLength(1);
    expect(ids(groups[0]!.articles)).toEqual(['both', 'other', 'third']);
    // nato: both, third; NATO: other. A second spelling in one story does not count.
    expect(groups[0]!.name).toBe('nato');
  });

  it('counts the stories of each name', () => {
    const groups = topics([
      story('a', ['shipping', 'ports']),
      story('b', ['Shipping']),
      story('c', ['lighthouses', 'shipping']),
    ]);
    expect(groups.map(({ name, articles }) => [name, articles.length])).toEqual([
      ['lighthouses', 1],
      ['ports', 1],
      ['shipping', 3],
    ]);
  });

  it('leaves out names that make no URL name', () => {
    expect(topics([story('a', ['!!!', 'Москва', 'Moscow'])]).map(({ slug }) => slug)).toEqual([
      'moscow',
    ]);
  });

  it('groups authors and sources by URL name too', () => {
    const stories = [
      story('a', [], ['Anna Petrova', 'Ben Okafor'], 'TASS'),
      story('b', [], ['Anna Petrova'], 'Newsroom Wire'),
      story('c', [], [], 'TASS'),
    ];
    const authors = groupByName(stories, (item) => articleToNames(item, 'author'), 'en');
    expect(authors.map(({ name, articles }) => [name, ids(articles)])).toEqual([
      ['Anna Petrova', ['a', 'b']],
      ['Ben Okafor', ['a']],
    ]);
    const sources = groupByName(stories, (item) => articleToNames(item, 'source'), 'en');
    expect(sources.map(({ name, slug, articles }) => [name, slug, ids(articles)])).toEqual([
      ['Newsroom Wire', 'newsroom-wire', ['b']],
      ['TASS', 'tass', ['a', 'c']],
    ]);
  });

  it('sorts A–Z by the alphabet, case, accents and punctuation aside, numbers by value', () => {
    const names = ['zebra', 'Éire', 'apple', 'G20', 'eagle', '#MeToo', 'G7', 'Apricot', 'Ölfus'];
    const groups = topics(names.map((name) => story(name, [name])));
    expect(groups.map(({ name }) => name)).toEqual([
      'apple',
      'Apricot',
      'eagle',
      'Éire',
      'G7',
      'G20',
      '#MeToo',
      'Ölfus',
      'zebra',
    ]);
  });

  it('orders names the collation finds equal by URL name, whatever the input order', () => {
    const forward = topics([story('a', ['Co-op']), story('b', ['Coop'])]);
    const backward = topics([story('b', ['Coop']), story('a', ['Co-op'])]);
    expect(forward.map(({ name }) => name)).toEqual(['Co-op', 'Coop']);
    expect(backward.map(({ name }) => name)).toEqual(['Co-op', 'Coop']);
    const compare = nameComparer('en');
    expect(compare({ name: 'Coop', slug: 'coop' }, { name: 'Co-op', slug: 'co-op' })).toBe(1);
  });
});

describe('nameToInitial', () => {
  it('files a name under its first Latin letter, accents dropped', () => {
    expect(nameToInitial('velmora')).toBe('V');
    expect(nameToInitial('Éire')).toBe('E');
    expect(nameToInitial('Øresund')).toBe('O');
    expect(nameToInitial('ßtest')).toBe('S');
  });

  it('passes over punctuation, and files digits together', () => {
    expect(nameToInitial('#MeToo')).toBe('M');
    expect(nameToInitial('"Quoted"')).toBe('Q');
    expect(nameToInitial('2024 elections')).toBe(DIGITS_INITIAL);
  });

  it('files another alphabet’s letter as itself', () => {
    expect(nameToInitial('москва 2024')).toBe('М');
  });
});

describe('groupByInitial', () => {
  it('splits a sorted list by initial, digits first, keeping the order within each', () => {
    const names = ['apple', 'Apricot', 'Éire', 'eagle', '7 days', '#MeToo', 'G7', 'Москва 1'];
    const sorted = topics(names.map((name) => story(name, [name])));
    const groups = groupByInitial(sorted, 'en');
    expect(
      groups.map(({ initial, id, items }) => [initial, id, items.map(({ name }) => name)]),
    ).toEqual([
      ['0–9', 'initial-0-9', ['7 days']],
      ['A', 'initial-a', ['apple', 'Apricot']],
      ['E', 'initial-e', ['eagle', 'Éire']],
      ['G', 'initial-g', ['G7']],
      ['M', 'initial-m', ['#MeToo']],
      ['М', 'initial-6', ['Москва 1']],
    ]);
  });

  it('gives no groups for no names', () => {
    expect(groupByInitial([], 'en')).toEqual([]);
  });
});
