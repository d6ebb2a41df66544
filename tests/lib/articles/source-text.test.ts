import { describe, expect, it } from 'vitest';
import { cleanSourceText, dropForbiddenCharacters } from '../../../src/lib/articles/source-text.ts';

describe('cleanSourceText', () => {
  it('drops a byte-order mark and turns CRLF and CR into LF, keeping line numbers', () => {
    expect(cleanSourceText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('keeps a byte-order mark that is not at the start', () => {
    expect(cleanSourceText('a\uFEFF')).toBe('a\uFEFF');
  });

  it('drops the control characters and noncharacters HTML and XML forbid, keeping tabs', () => {
    expect(cleanSourceText('a\u0000b\u0007c\u0085d\uFFFEe\uFDD0f\tg')).toBe('abcdef\tg');
  });
});

describe('dropForbiddenCharacters', () => {
  it('drops lone surrogates but keeps pairs', () => {
    expect(dropForbiddenCharacters('a\uD800b\uDC00c\uD83D\uDE00')).toBe('abc\uD83D\uDE00');
  });

  it('drops the noncharacters at the end of every plane', () => {
    expect(dropForbiddenCharacters('a\u{1FFFE}b\u{10FFFF}c\u{2FFFF}d')).toBe('abcd');
    expect(dropForbiddenCharacters('\u{1F600}\u{10FFFD}')).toBe('\u{1F600}\u{10FFFD}');
  });

  it('leaves no lone surrogate when a dropped character sat between two halves', () => {
    expect(dropForbiddenCharacters('\uD83D\u0000\uDE00')).toBe('\uD83D\uDE00');
  });

  it('keeps tabs, line breaks, no-break spaces and line separators', () => {
    expect(dropForbiddenCharacters('a\tb\nc\u00A0d\u2028e')).toBe('a\tb\nc\u00A0d\u2028e');
  });
});
