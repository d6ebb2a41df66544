import { describe, expect, it } from 'vitest';
import { nameToPath } from '../../src/lib/story-links.ts';

describe('nameToPath', () => {
  it('leads a tag, an author and a source to their pages by URL name', () => {
    expect(nameToPath('topic', 'Sergei Naryshkin')).toBe('/topic/sergei-naryshkin/');
    expect(nameToPath('author', 'Anna Petrova')).toBe('/author/anna-petrova/');
    expect(nameToPath('source', 'TASS')).toBe('/source/tass/');
  });

  it('leads tags that differ only in letter case to one topic', () => {
    expect(nameToPath('topic', 'Wetlands')).toBe(nameToPath('topic', 'wetlands'));
  });

  it('gives no page for a name without a URL name', () => {
    expect(nameToPath('topic', 'Россия')).toBeUndefined();
  });
});
