import { describe, expect, it } from 'vitest';
import { decodeCopy, WIRE_COPY_MAX_BYTES } from '../../../src/lib/wire/decode-copy.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

describe('decodeCopy', () => {
  it('reads UTF-8, with or without a byte-order mark, as it is', () => {
    expect(decodeCopy(utf8('Headline\r\n“Quoted” – dash\n'))).toEqual({
      ok: true,
      text: 'Headline\r\n“Quoted” – dash\n',
    });
    // The mark is left for the parser, which drops it with the rest of what editors add.
    expect(decodeCopy(bytes([0xef, 0xbb, 0xbf], 'Headline\n'))).toEqual({
      ok: true,
      text: '\uFEFFHeadline\n',
    });
    expect(decodeCopy(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('keeps a U+FFFD the file spells out, and places the bad byte after it', () => {
    const result = decodeCopy(bytes('Line one\nA \uFFFD here, ', [0x93], 'there\n'));
    expect(result).toEqual({
      ok: false,
      problem: {
        place: { line: 2, column: 11 },
        ruleId: 'not-utf-8',
        message:
          'the file is not valid UTF-8 at this character (Word\'s "Windows" encoding is the usual cause); save it as UTF-8 and import it again',
      },
    });
  });

  it.each([
    ['a Windows-1252 quote', bytes('Headline\r\n\r\nSaid ', [0x93], 'no\n'), 3, 6],
    ['a cut-off sequence at the end', bytes('Headline\n', [0xe2, 0x80]), 2, 1],
    ['a byte-order mark before line 1', bytes([0xef, 0xbb, 0xbf], 'Ab', [0xc0, 0xaf]), 1, 3],
    ['an old Mac line end', bytes('One\rTwo ', [0xff]), 2, 5],
  ])('places %s that is not UTF-8', (_, input, line, column) => {
    const result = decodeCopy(input);
    expect(!result.ok && result.problem).toMatchObject({
      place: { line, column },
      ruleId: 'not-utf-8',
    });
  });

  it.each([
    ['little-endian', [0xff, 0xfe, 0x48, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x48]],
  ])('asks for UTF-8 instead of %s UTF-16', (_, input) => {
    expect(decodeCopy(new Uint8Array(input))).toEqual({
      ok: false,
      problem: {
        ruleId: 'not-utf-8',
        message: 'the file is in UTF-16; save it as UTF-8 and import it again',
      },
    });
  });

  it.each([
    ['a picture renamed .txt', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 3, 1],
    ['UTF-16 without a byte-order mark', bytes([0x48, 0, 0x69, 0]), 1, 2],
    ['text with a NUL in it', bytes('Headline\nWorld\0\n'), 2, 6],
  ])('refuses %s as binary, at its first NUL byte', (_, input, line, column) => {
    expect(decodeCopy(input)).toEqual({
      ok: false,
      problem: {
        place: { line, column },
        ruleId: 'wire-binary',
        message:
          'the file holds a NUL byte, so it is binary data or UTF-16 rather than text; export the copy as plain text in UTF-8 and import it again',
      },
    });
  });

  it('refuses a file just over the size limit, whose size reads as more than the limit', () => {
    expect(decodeCopy(utf8('x'.repeat(WIRE_COPY_MAX_BYTES))).ok).toBe(true);
    expect(decodeCopy(utf8('x'.repeat(WIRE_COPY_MAX_BYTES + 1)))).toEqual({
      ok: false,
      problem: {
        ruleId: 'wire-too-large',
        message:
          'the file is 1.1 MB, more than the 1 MB that wire copy may have; check that this is the file of copy you meant',
      },
    });
  });
});
