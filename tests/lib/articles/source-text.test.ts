import { describe, expect, it } from 'vitest';
import { cleanSourceText } from '../../../src/lib/articles/source-text.ts';

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
