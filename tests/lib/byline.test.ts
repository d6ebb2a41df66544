import { describe, expect, it } from 'vitest';
import { creditLine, creditToParts } from '../../src/lib/byline.ts';

describe('creditLine', () => {
  it('names the authors, then the source', () => {
    expect(creditLine({ authors: ['Anna Petrova'], source: undefined })).toBe('By Anna Petrova');
    expect(creditLine({ authors: ['Anna Petrova', 'Ben Okafor'], source: 'TASS' })).toBe(
      'By Anna Petrova and Ben Okafor, TASS',
    );
    expect(creditLine({ authors: ['A', 'B', 'C'], source: undefined })).toBe('By A, B and C');
    expect(creditLine({ authors: [], source: 'TASS' })).toBe('TASS');
    expect(creditLine({ authors: [], source: undefined })).toBe('');
  });
});

describe('creditToParts', () => {
  it('gives each name apart with the kind of page it has, between the words that join them', () => {
    expect(creditToParts({ authors: ['A', 'B', 'C'], source: 'TASS' })).toEqual([
      { text: 'By ' },
      { name: 'A', taxonomy: 'author' },
      { text: ', ' },
      { name: 'B', taxonomy: 'author' },
      { text: ' and ' },
      { name: 'C', taxonomy: 'author' },
      { text: ', ' },
      { name: 'TASS', taxonomy: 'source' },
    ]);
    expect(creditToParts({ authors: [], source: 'TASS' })).toEqual([
      { name: 'TASS', taxonomy: 'source' },
    ]);
    expect(creditToParts({ authors: [], source: undefined })).toEqual([]);
  });
});
