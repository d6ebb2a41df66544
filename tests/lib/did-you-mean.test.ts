import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_KEYS } from '../../src/lib/articles/schema.ts';
import { nearestKey } from '../../src/lib/did-you-mean.ts';

describe('nearestKey', () => {
  it('suggests the known key a typo was meant to be', () => {
    expect(nearestKey('sumary', FRONT_MATTER_KEYS)).toBe('summary');
    expect(nearestKey('titel', FRONT_MATTER_KEYS)).toBe('title');
    expect(nearestKey('Tags', FRONT_MATTER_KEYS)).toBe('tags');
    expect(nearestKey('publised', FRONT_MATTER_KEYS)).toBe('published');
  });

  it('suggests nothing when no known key is close', () => {
    expect(nearestKey('colour', FRONT_MATTER_KEYS)).toBeUndefined();
    expect(nearestKey('category', FRONT_MATTER_KEYS)).toBeUndefined();
  });

  it('allows more edits in a longer name: a third of its length', () => {
    expect(nearestKey('yr', ['year', 'out'])).toBe('year');
    expect(nearestKey('forcefull', ['force'])).toBeUndefined();
    expect(nearestKey('forcefully', ['forcefully-overwrite'])).toBeUndefined();
    expect(nearestKey('overwriting', ['overwrite'])).toBe('overwrite');
  });

  it('suggests nothing from an empty list', () => {
    expect(nearestKey('title', [])).toBeUndefined();
  });
});
