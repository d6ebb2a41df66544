/**
 * The places `parseArticle` returns beside an article: where the values that
 * checks across files report on are written, so that those checks can name
 * a line without the file's text.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle, type ArticlePlaces } from '../../../src/lib/articles/parse.ts';

/** The places of a file that must parse. */
function placesOf(text: string, path = 'content/2019/05/story.md'): ArticlePlaces {
  const result = parseArticle(path, text);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.places;
}

const FRONT_MATTER = [
  '---',
  'title: Security chief speaks',
  'slug: security-chief-speaks',
  'section: World',
  'published: 2019-05-22T08:36:00+03:00',
  'related:',
  '  - cia-director-visit',
  '  - cia-director-visit',
  '  - svr-annual-report',
  'image:',
  '  src: ./naryshkin.jpg',
  '  alt: Sergei Naryshkin',
  '---',
].join('\n');

describe('places in the front matter', () => {
  it('gives the slug, section and lead image values, and the first item of each related slug', () => {
    expect(placesOf(`${FRONT_MATTER}\nBody.\n`)).toStrictEqual({
      slug: { line: 3, column: 7 },
      section: { line: 4, column: 10 },
      related: [
        { line: 7, column: 5 },
        { line: 9, column: 5 },
      ],
      tags: [],
      authors: [],
      imageSrc: { line: 11, column: 8 },
      bodyImages: [],
    });
  });

  it('gives no slug place when the slug comes from the file name, and no image place without an image', () => {
    const places = placesOf(
      '---\ntitle: A\nsection: World\npublished: 2019-05-22T08:36:00+03:00\n---\nBody.\n',
    );
    expect(places).toStrictEqual({
      section: { line: 3, column: 10 },
      related: [],
      tags: [],
      authors: [],
      bodyImages: [],
    });
  });

  it('gives each tag and author, the first of a tag written twice, and the source', () => {
    const places = placesOf(
      [
        '---',
        'title: A',
        'section: World',
        'published: 2019-05-22T08:36:00+03:00',
        'source: TASS',
        'tags: [SVR, CIA, SVR, Velmora]',
        'author:',
        '  - Jane Doe',
        '  - John Roe',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(places.source).toStrictEqual({ line: 5, column: 9 });
    expect(places.tags).toStrictEqual([
      { line: 6, column: 8 },
      { line: 6, column: 13 },
      { line: 6, column: 23 },
    ]);
    expect(places.authors).toStrictEqual([
      { line: 8, column: 5 },
      { line: 9, column: 5 },
    ]);
  });

  it('gives the author value when the author is one name', () => {
    const places = placesOf(
      '---\ntitle: A\nsection: World\npublished: 2019-05-22T08:36:00+03:00\nauthor: Jane Doe\n---\nBody.\n',
    );
    expect(places.authors).toStrictEqual([{ line: 5, column: 9 }]);
    expect(places.source).toBeUndefined();
  });

  it('gives the updated value when the file writes one', () => {
    const places = placesOf(
      '---\ntitle: A\nsection: World\npublished: 2019-05-22T08:36:00+03:00\nupdated: 2019-05-23T08:00:00+03:00\n' +
        'updates:\n  - { at: 2019-05-22T09:00:00+03:00, text: Adds a quote. }\n---\nBody.\n',
    );
    expect(places.updated).toStrictEqual({ line: 5, column: 10 });
    expect(places.updatedFrom).toBe('updated');
  });

  it('gives the at of the latest correction or update when updated is taken from it', () => {
    const places = placesOf(
      [
        '---',
        'title: A',
        'section: World',
        'published: 2019-05-22T08:36:00+03:00',
        'corrections:',
        '  - at: 2019-05-22T09:00:00+03:00',
        '    text: A name was misspelt.',
        'updates:',
        '  - at: 2019-05-22T09:30:00+03:00',
        '    text: Adds a quote.',
        '  - at: 2019-05-22T07:30:00Z',
        '    text: Adds a second quote.',
        '---',
        'Body.',
      ].join('\n'),
    );
    // 07:30Z is 10:30 at +03:00: the second update is the latest.
    expect(places.updated).toStrictEqual({ line: 11, column: 9 });
    expect(places.updatedFrom).toBe('updates');
  });

  it('counts lines the same with a byte-order mark and CRLF', () => {
    const crlf = `\uFEFF${FRONT_MATTER}\nBody ![A](./a.png).\n`.replace(/\n/g, '\r\n');
    const places = placesOf(crlf);
    expect(places.imageSrc).toStrictEqual({ line: 11, column: 8 });
    expect(places.bodyImages).toStrictEqual([{ line: 14, column: 11 }]);
  });
});

describe('places of body images', () => {
  const head = '---\ntitle: A\nsection: World\npublished: 2019-05-22T08:36:00+03:00\n';

  it('places each image at its path, in the order of bodyImages', () => {
    const text = [
      `${head}---`,
      'A photo ![Harbour](./photo.png) and a map <img src="img/map.png" alt="Map">.',
      '',
      '<div>',
      '<p>A chart: <img',
      '  alt="Chart" src="./chart.svg"></p>',
      '</div>',
      '',
      '![By reference][scan]',
      '',
      '[scan]: ./scan.png',
      '',
    ].join('\n');
    const result = parseArticle('content/2019/05/story.md', text);
    expect(result.ok && result.article.bodyImages).toStrictEqual([
      './photo.png',
      'img/map.png',
      './chart.svg',
      './scan.png',
    ]);
    expect(result.ok && result.places.bodyImages).toStrictEqual([
      { line: 6, column: 20 },
      { line: 6, column: 53 },
      { line: 10, column: 20 },
      { line: 15, column: 9 },
    ]);
  });

  it('places an image where the body shows it, not where the same path is written before', () => {
    const text = [
      `${head}image:\n  src: ./photo.png\n  alt: A photo.\n---`,
      'The file ./photo.png is shown below.',
      '',
      '![Photo](./photo.png)',
      '',
    ].join('\n');
    expect(placesOf(text).bodyImages).toStrictEqual([{ line: 11, column: 10 }]);
  });

  it('places an image shown twice at its first showing', () => {
    const text = `${head}---\n![One](./a.png)\n\n![Two](./a.png)\n`;
    expect(placesOf(text).bodyImages).toStrictEqual([{ line: 6, column: 8 }]);
  });

  it('places a path the body keeps percent-encoded at the path as written', () => {
    const text = `${head}---\nSee ![Map](<./my map.png>).\n`;
    const result = parseArticle('content/2019/05/story.md', text);
    expect(result.ok && result.article.bodyImages).toStrictEqual(['./my%20map.png']);
    expect(result.ok && result.places.bodyImages).toStrictEqual([{ line: 6, column: 13 }]);
  });
});
