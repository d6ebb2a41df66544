/**
 * The bytes of a file of wire copy as text, or why they are not text the
 * importer can read: too large to be a story, UTF-16, not UTF-8 (Word's
 * "Windows" encoding), or binary (a picture or a document renamed `.txt`).
 * Where the file goes wrong at some character, the problem says where.
 */
import type { Place } from '../articles/problems.ts';

/** The largest file taken for wire copy: a long story is some 50 kB. */
export const WIRE_COPY_MAX_BYTES = 1_000_000;

/** Why a file's bytes are not wire copy, and where in the file when that is known. */
export interface DecodeProblem {
  place?: Place;
  ruleId: string;
  message: string;
}

/** The outcome of decoding one file. */
export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

/**
 * Decodes a file of wire copy as UTF-8 (a byte-order mark is fine).
 *
 * @example decodeCopy(new TextEncoder().encode('Headline\n')) // { ok: true, text: 'Headline\n' }
 */
export function decodeCopy(bytes: Uint8Array): DecodeResult {
  const tooLarge = copySizeProblem(bytes.length);
  if (tooLarge) return fail(tooLarge);
  // FF FE or FE FF: the byte-order mark Windows Notepad and Word write for "Unicode" text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail({
      ruleId: 'not-utf-8',
      message: 'the file is in UTF-16; save it as UTF-8 and import it again',
    });
  }
  // Text never holds a NUL byte; pictures, documents and UTF-16 without a byte-order mark do.
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail({
      place: placeAfter(
        new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, nul)),
      ),
      ruleId: 'wire-binary',
      message:
        'the file holds a NUL byte, so it is binary data or UTF-16 rather than text; export the copy as plain text in UTF-8 and import it again',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail({
      place: firstInvalidByte(bytes),
      ruleId: 'not-utf-8',
      message:
        'the file is not valid UTF-8 at this character (Word\'s "Windows" encoding is the usual cause); save it as UTF-8 and import it again',
    });
  }
  return { ok: true, text };
}

/**
 * Why a file of `size` bytes is too large for wire copy, or `undefined`
 * when it is not; a reader can ask before reading the file at all.
 */
export function copySizeProblem(size: number): DecodeProblem | undefined {
  if (size <= WIRE_COPY_MAX_BYTES) return undefined;
  return {
    ruleId: 'wire-too-large',
    message: `the file is ${megabytes(size)} MB, more than the ${megabytes(WIRE_COPY_MAX_BYTES)} MB that wire copy may have; check that this is the file of copy you meant`,
  };
}

function fail(problem: DecodeProblem): DecodeResult {
  return { ok: false, problem };
}

/** Megabytes to one decimal, rounded up so that a file just over the limit does not read as at it. */
function megabytes(bytes: number): string {
  return String(Math.ceil(bytes / 100_000) / 10);
}

/**
 * Where the first byte that is not UTF-8 stands. A lenient decoder turns
 * each bad sequence into U+FFFD; the first U+FFFD that the file does not
 * spell out itself (as EF BF BD) is the place.
 */
function firstInvalidByte(bytes: Uint8Array): Place {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let offset = 0;
  let from = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', from)) {
    // Everything before this U+FFFD decoded as written, so it re-encodes to the same bytes.
    offset += encoder.encode(text.slice(from, index)).length;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) {
      return placeAfter(text.slice(0, index));
    }
    offset += 3;
    from = index + 1;
  }
  // Not reached for bytes a strict decoder refused; the start of the file is a safe answer.
  return { line: 1, column: 1 };
}

/** The line and column of the character that follows `prefix`, as an editor counts them. */
function placeAfter(prefix: string): Place {
  const lines = prefix.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
