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
    ['an empty file', '', 'in.txt:1:1: the file holds no text; wire copy starts with'],
    [
      'a file of blank lines and spaces',
      '\n \u00A0\r\n\t\n',
      'in.txt:1:1: the file holds no text; wire copy starts with',
    ],
    [
      'a headline alone',
      'Headline\n',
      'in.txt:1:1: the copy ends at line 1 without a time line; wire copy starts with',
    ],
    [
      'a section alone',
      'World\n',
      'in.txt:1:1: the copy ends at line 1 without a time line; wire copy starts with',
    ],
    [
      'no time line',
      'Headline\nWorld\n',
      'in.txt:2:1: the copy ends at line 2 without a time line; wire copy starts with',
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

  describe('finds the header from its time line, so a missing line is named', () => {
    const REST = '\nThe standfirst\n\nGENEVA, May 22. /TASS/. Lead.\n';
    it.each([
      [
        'no headline',
        `World\nMay 22, 2019, 8:36 UTC+3\n${REST}`,
        'in.txt:1:1: the headline is missing: the copy opens with the section "World" and then the time line (line 2); put the headline on its own line above the section',
      ],
      [
        'a blank first line where the headline was',
        `\nRussian Politics & Diplomacy\nMay 22, 2019, 8:36 UTC+3\n${REST}`,
        'in.txt:2:1: the headline is missing: the copy opens with the section "Russian Politics & Diplomacy" and then the time line (line 3); put the headline on its own line above the section',
      ],
      [
        'no headline and no section',
        `\n  May 22, 2019, 8:36 UTC+3\n${REST}`,
        "in.txt:2:3: the headline and the section are missing: the copy opens with the time line; put the headline and then the section's name above it, each on its own line",
      ],
      [
        'no section',
        `Talks resume in Geneva after a pause of three months\n\nMay 22, 2019, 8:36 UTC+3\n${REST}`,
        'in.txt:3:1: the section is missing: line 3 is the time line, right after the headline "Talks resume in Geneva after a pause of three months"; put the section\'s name on the line between them',
      ],
      [
        'a headline wrapped over two lines',
        `Talks resume in Geneva after\na pause of three months\nWorld\nMay 22, 2019, 8:36 UTC+3\n${REST}`,
        'in.txt:2:1: the copy has three lines before its time line (line 4), where wire copy has two, the headline and the section; join a headline written over two lines into one, or remove the extra line',
      ],
    ])('with %s', (_, copy, error) => {
      expect(errorsOf(parseWireCopy('in.txt', copy))).toEqual([error]);
    });

    it('reads copy that opens with blank lines', () => {
      const result = parseWireCopy('in.txt', `\n\n${HEADER}GENEVA, May 22. /TASS/. Lead.\n`);
      expect(result.ok && result.story.headline).toBe('Talks resume in Geneva');
    });

    it('still says what is wrong with a third line that is not a time line', () => {
      const copy = 'Talks resume\nWorld\nMay 22 at 8:36\n\nGENEVA, May 22. /TASS/. Lead.\n';
      expect(errorsOf(parseWireCopy('in.txt', copy))).toEqual([
        'in.txt:3:1: "May 22 at 8:36" is not a time line; write the month, the day, optionally the year, the time on the 24-hour clock and the offset from UTC, as May 22, 8:36 UTC+3 or May 22, 2019, 18:05 UTC',
      ]);
    });
  });

  it('reads copy pasted from Word or a PDF as the text it shows', () => {
    const copy =
      '\uFEFFSecu\u00ADrity chief\u200B sees \u201Cprospects\u201D\u00A0for talks\r\n\r\n' +
      'World\u2060\r\nMay\u00A022,\u00A02019, 8:36 UTC\u22123\r\n\r\n' +
      'The stand\u2028first\u0007\r\n\r\n' +
      'GENEVA, May 22. /TASS/. One\u000Btwo\u000Cthree\u2029four\u0085five\uFEFF.\r\n';
    const result = parseWireCopy('in.txt', copy);
    expect(result.ok && result.story).toMatchObject({
      headline: 'Security chief sees \u201Cprospects\u201D for talks',
      section: 'World',
      published: { iso: '2019-05-22T08:36:00-03:00' },
      standfirst: 'The stand first',
      dateline: { place: 'GENEVA', source: 'TASS' },
    });
    expect(paragraphsOf(result).map((paragraph) => paragraph.text)).toEqual([
      'One two three four five.',
    ]);
  });

  it('quotes at most the start of a long line in a problem', () => {
    const line = `May 22 at ${'8:36 '.repeat(200_000)}`;
    const errors = errorsOf(
      parseWireCopy('in.txt', `Talks resume\nWorld\n${line}\n\nStandfirst\n\nLead.\n`),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^in\.txt:3:1: "May 22 at 8:36 8:36 [^"\n]{30,60}…" is not a time line; /,
    );
    expect(errors[0]!.length).toBeLessThan(400);
  });
});
