import { describe, expect, it } from 'vitest';
import { sectionToFeedText } from '../../src/lib/section-feed.ts';

describe('sectionToFeedText', () => {
  it('names the section, then the site', () => {
    expect(sectionToFeedText({ name: 'Business & Economy' }, 'Newsroom Wire')).toEqual({
      title: 'Business & Economy | Newsroom Wire',
      description: 'The latest Business & Economy stories from Newsroom Wire.',
    });
  });
});
