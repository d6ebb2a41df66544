import { describe, expect, it } from 'vitest';
import {
  IMAGE_EXTENSIONS,
  bodyImagePath,
  hasImageExtension,
  isLocalImageUrl,
  isRemoteImage,
  resolveArticlePath,
} from '../../../src/lib/articles/images.ts';

describe('isRemoteImage', () => {
  it('counts https: URLs as remote and everything else as a file', () => {
    expect(isRemoteImage('https://example.org/photo.jpg')).toBe(true);
    expect(isRemoteImage('./photo.jpg')).toBe(false);
    expect(isRemoteImage('http://example.org/photo.jpg')).toBe(false);
  });
});

describe('hasImageExtension', () => {
  it('accepts the types the image service processes, in any case', () => {
    for (const extension of IMAGE_EXTENSIONS) {
      expect(hasImageExtension(`./photo.${extension}`)).toBe(true);
      expect(hasImageExtension(`./photo.${extension.toUpperCase()}`)).toBe(true);
    }
  });

  it('refuses TIFF, documents and names without an extension', () => {
    expect(hasImageExtension('./scan.tiff')).toBe(false);
    expect(hasImageExtension('./scan.tif')).toBe(false);
    expect(hasImageExtension('./notes.pdf')).toBe(false);
    expect(hasImageExtension('./photo')).toBe(false);
    expect(hasImageExtension('./photos.png/photo')).toBe(false);
  });
});

describe('isLocalImageUrl', () => {
  it('counts relative paths as files beside the article', () => {
    expect(isLocalImageUrl('./chart.svg')).toBe(true);
    expect(isLocalImageUrl('img/map.png')).toBe(true);
    expect(isLocalImageUrl('../shared/photo.png')).toBe(true);
  });

  it('counts URLs, site paths, fragments, queries and nothing as addresses', () => {
    for (const url of [
      'https://example.org/a.png',
      'data:image/png;base64,AA',
      '/a.png',
      '#a',
      '?a',
      '',
    ]) {
      expect(isLocalImageUrl(url)).toBe(false);
    }
  });
});

describe('resolveArticlePath', () => {
  it('resolves a path against the article file’s folder', () => {
    expect(resolveArticlePath('content/2026/02/a.md', './skyline.png')).toBe(
      'content/2026/02/skyline.png',
    );
    expect(resolveArticlePath('content/2026/02/a.md', '../shared/b.png')).toBe(
      'content/2026/shared/b.png',
    );
  });
});

describe('bodyImagePath', () => {
  it('decodes the URL a body keeps before resolving it', () => {
    expect(bodyImagePath('content/2026/02/a.md', 'img/my%20map.png')).toBe(
      'content/2026/02/img/my map.png',
    );
  });
});
