import { describe, expect, it } from 'vitest';
import { QUOTE_MAX_LENGTH, quoteCopy } from '../../../src/lib/wire/quote-copy.ts';

describe('quoteCopy', () => {
  it('quotes short text whole', () => {
    expect(quoteCopy('World')).toBe('"World"');
    expect(quoteCopy('x'.repeat(QUOTE_MAX_LENGTH))).toBe(`"${'x'.repeat(QUOTE_MAX_LENGTH)}"`);
  });

  it('cuts long text, never between the halves of a character outside the BMP', () => {
    expect(quoteCopy('x'.repeat(QUOTE_MAX_LENGTH + 1))).toBe(`"${'x'.repeat(QUOTE_MAX_LENGTH)}…"`);
    const emoji = `${'x'.repeat(QUOTE_MAX_LENGTH - 1)}🗞 and more`;
    expect(quoteCopy(emoji)).toBe(`"${'x'.repeat(QUOTE_MAX_LENGTH - 1)}…"`);
  });
});
