import { describe, expect, it } from 'vitest';
import { findDateline } from '../../../src/lib/wire/dateline.ts';

describe('findDateline', () => {
  it.each([
    ['DUSHANBE, May 22. /TASS/. Director said', 'DUSHANBE', 'TASS', 5, 22],
    ['NEW YORK, May 22. /TASS/. Stocks rose', 'NEW YORK', 'TASS', 5, 22],
    ['ST. PETERSBURG, June 7. /TASS/. The forum closed', 'ST. PETERSBURG', 'TASS', 6, 7],
    ['RIO DE JANEIRO, Dec. 3. /Xinhua/. The bank held', 'RIO DE JANEIRO', 'Xinhua', 12, 3],
    ["N'DJAMENA, May 22 /TASS/. Talks began", "N'DJAMENA", 'TASS', 5, 22],
    ['SÃO PAULO, May 22. /TASS/. Prices rose', 'SÃO PAULO', 'TASS', 5, 22],
  ])('reads the dateline of "%s"', (paragraph, place, source, month, day) => {
    const result = findDateline(paragraph);
    expect(result).toMatchObject({ found: true, dateline: { place, source, month, day } });
    expect(result.found && 'dateline' in result && result.dateline.rest).toBe(
      paragraph.replace(/^.*?\/\.? /, ''),
    );
  });

  it('reads a dateline without an agency, leaving the source out', () => {
    const result = findDateline('WASHINGTON, May 22. The Senate voted');
    expect(result).toEqual({
      found: true,
      dateline: {
        place: 'WASHINGTON',
        month: 5,
        day: 22,
        monthIndex: 12,
        rest: 'The Senate voted',
      },
    });
  });

  it.each([
    'US, Russia agree to talks. The agreement was signed',
    'Director of the SVR said. /TASS/.',
    'MOSCOW, May 22 the president said',
    'Moscow, May 22. /TASS/. Lowercase places are not datelines',
  ])('finds no dateline in "%s"', (paragraph) => {
    expect(findDateline(paragraph)).toEqual({ found: false });
  });

  it('reports a month it cannot read when the agency marks the opening as a dateline', () => {
    expect(findDateline('DUSHANBE, Mai 22. /TASS/. Text')).toEqual({
      found: true,
      problem: {
        index: 10,
        ruleId: 'wire-dateline-month',
        message: `the dateline's "Mai" is not a month; write it as DUSHANBE, May 22. /TASS/.`,
      },
    });
  });
});
