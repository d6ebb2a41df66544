import { describe, expect, it } from 'vitest';
import { problemToString } from '../../../src/lib/articles/problems.ts';
import { parseWireCopy, type WireParseResult } from '../../../src/lib/wire/parse-wire-copy.ts';

const HEADER = 'Talks resume in Geneva\n\nWorld\nMay 22, 2019, 8:36 UTC+3\n\nThe standfirst\n\n';

function paragraphsOf(result: WireParseResult): { text: string; isHeadline: boolean }[] {
  if (!result.ok) throw new Error(result.problems.map(problemToString).join('\n'));
  return result.story.paragraphs.map(({ text, isHeadline }) => ({ text, isHeadline }));
}

function errorsOf(result: WireParseResult): string[] {
  return result.ok ? [] : result.problems.map(problemToString);
}

describe('parseWireCopy', () => {
  it('reads CRLF copy with a byte-order mark and joins wrapped lines of a paragraph', () => {
    const copy =
      `\uFEFF${HEADER}GENEVA, May 22. /TASS/. First line\n  wrapped here.\n\nLast.\n`.replace(
        /\n/g,
        '\r\n',
      );
    const result = parseWireCopy('in.txt', copy);
    expect(result.ok && result.story).toMatchObject({
      headline: 'Talks resume in Geneva',
      section: 'World',
      standfirst: 'The standfirst',
      dateline: { place: 'GENEVA', source: 'TASS' },
    });
    expect(paragraphsOf(result).map((paragraph) => paragraph.text)).toEqual([
      'First line wrapped here.',
      'Last.',
    ]);
  });

  it('takes a short stand-alone line between paragraphs for a related headline', () => {
    const copy = `${HEADER}GENEVA, May 22. /TASS/. Lead.\n\nLavrov and Pompeo to meet in Sochi\n\nMiddle.\n\n"Nyet" to sanctions, says Moscow\n\nEnd.\n`;
    expect(paragraphsOf(parseWireCopy('in.txt', copy))).toEqual([
      { text: 'Lead.', isHeadline: false },
      { text: 'Lavrov and Pompeo to meet in Sochi', isHeadline: true },
      { text: 'Middle.', isHeadline: false },
      { text: '"Nyet" to sanctions, says Moscow', isHeadline: true },
      { text: 'End.', isHeadline: false },
    ]);
  });

  it.each([
    ['ends a sentence', 'He said it was possible.'],
    ['ends a quoted sentence', 'He said, "It is possible."'],
    ['introduces what follows', 'The list reads as follows:'],
    ['is shorter than three words', 'Background'],
    ['starts in lower case', 'and then the talks began'],
    ['is wrapped over two lines', 'Lavrov and Pompeo\nto meet in Sochi'],
    ['is too long for a headline', `Lavrov ${'and Pompeo '.repeat(15)}meet`],
  ])('keeps a paragraph that %s as a paragraph', (_, middle) => {
    const copy = `${HEADER}GENEVA, May 22. /TASS/. Lead.\n\n${middle}\n\nEnd.\n`;
    expect(
      paragraphsOf(parseWireCopy('in.txt', copy)).map((paragraph) => paragraph.isHeadline),
    ).toEqual([false, false, false]);
  });

  it('never takes the first or last paragraph for a headline', () => {
    const copy = `${HEADER}Talks resume in Geneva on Monday\n\nMiddle.\n\nMore talks next week in Vienna\n`;
    expect(
      paragraphsOf(parseWireCopy('in.txt', copy)).every((paragraph) => !paragraph.isHeadline),
    ).toBe(true);
  });

  it('drops a first paragraph that holds only the dateline', () => {
    const copy = `${HEADER}GENEVA, May 22. /TASS/.\n\nThe talks resumed.\n\nEnd.\n`;
    const result = parseWireCopy('in.txt', copy);
    expect(result.ok && result.story.dateline).toEqual({ place: 'GENEVA', source: 'TASS' });
    expect(paragraphsOf(result).map((paragraph) => paragraph.text)).toEqual([
      'The talks resumed.',
      'End.',
    ]);
  });

  it('places a dateline problem on the line and column where the month is written', () => {
    const copy = `${HEADER}    GENEVA,\n    Mai 22. /TASS/. Text.\n`;
    expect(errorsOf(parseWireCopy('in.txt', copy))).toEqual([
      `in.txt:9:5: the dateline's "Mai" is not a month; write it as DUSHANBE, May 22. /TASS/.`,
    ]);
  });

  it('reports every problem of the header at once', () => {
    const copy = `${'x'.repeat(301)}\n\nМир\nMay 22, 24:00 UTC+3\n\nStandfirst\n\nBody.\n`;
    expect(errorsOf(parseWireCopy('in.txt', copy))).toEqual([
      'in.txt:1:1: the headline is 301 characters long; the limit is 300, so shorten it',
      'in.txt:3:1: the section "Мир" has no Latin letters or digits to make a URL name from; use a name with some, as World',
      'in.txt:4:1: the time line "May 22, 24:00 UTC+3" gives no year; import with --year YYYY, or write the year into the line, as May 22, 2019, 8:36 UTC+3',
      'in.txt:4:9: 24:00 is not a time of day; write it on the 24-hour clock, from 0:00 to 23:59',
    ]);
  });

  it('asks for a headline in Latin letters, since the file name is made from it', () => {
    const copy = 'Переговоры в Женеве\n\nWorld\nMay 22, 2019, 8:36 UTC+3\n\nStandfirst\n\nBody.\n';
    expect(errorsOf(parseWireCopy('in.txt', copy))).toEqual([
      'in.txt:1:1: the headline has no Latin letters or digits to make the file name from; write it in Latin letters',
    ]);
  });

  it.each([
    ['an empty file', '\n\n', 'in.txt:1:1: the file is empty; wire copy starts with'],
    [
      'a headline alone',
      'Headline\n',
      'in.txt:1:1: the copy ends before its section; wire copy starts with',
    ],
    [
      'no time line',
      'Headline\nWorld\n',
      'in.txt:2:1: the copy ends before its time line; wire copy starts with',
    ],
    [
      'nothing after the time line',
      'Headline\nWorld\nMay 22, 2019, 8:36 UTC+3\n',
      'in.txt:3:1: the copy has nothing after the time line; wire copy starts with',
    ],
    [
      'a standfirst and no body',
      'Headline\nWorld\nMay 22, 2019, 8:36 UTC+3\n\nStandfirst\n',
      "in.txt:5:1: the copy has a standfirst but no body after it; add the story's paragraphs, separated by blank lines",
    ],
  ])('explains the form of wire copy for %s', (_, copy, start) => {
    const errors = errorsOf(parseWireCopy('in.txt', copy));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
