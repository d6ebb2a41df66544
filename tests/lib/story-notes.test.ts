import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { ArticleNote } from '../../src/lib/articles/schema.ts';
import { noteToLabel, notesToHeading, notesToHtml } from '../../src/lib/story-notes.ts';
import { instant } from '../helpers/instant.ts';

const correction: ArticleNote = {
  type: 'correction',
  at: instant('2019-05-23T07:00:00Z'),
  text: 'An earlier version gave the wrong date for the meeting.',
};
const update: ArticleNote = {
  type: 'update',
  at: instant('2019-05-24T12:30:00+03:00'),
  text: 'Adds the ministry’s response.',
};

describe('noteToLabel', () => {
  it('labels a correction and an update', () => {
    expect(noteToLabel('correction')).toBe('Correction');
    expect(noteToLabel('update')).toBe('Update');
  });
});

describe('notesToHeading', () => {
  it('names what the notes are, one or several of a type, or both types', () => {
    expect(notesToHeading([correction])).toBe('Correction');
    expect(notesToHeading([correction, correction])).toBe('Corrections');
    expect(notesToHeading([update])).toBe('Update');
    expect(notesToHeading([update, update])).toBe('Updates');
    expect(notesToHeading([update, correction])).toBe('Corrections and updates');
  });
});

describe('notesToHtml', () => {
  it('writes nothing for a story without notes', () => {
    expect(notesToHtml([], 'Europe/Moscow')).toBe('');
  });

  it('writes a heading, then each note in the order given with its label and its time in the zone', () => {
    const html = parse(notesToHtml([update, correction], 'Europe/Moscow'));
    expect(html.querySelector('section > h2')?.text).toBe('Corrections and updates');
    const notes = html.querySelectorAll('section > p');
    expect(notes.map((note) => note.text)).toEqual([
      'Update, May 24, 2019, 12:30 (UTC+3): Adds the ministry’s response.',
      'Correction, May 23, 2019, 10:00 (UTC+3): An earlier version gave the wrong date for the meeting.',
    ]);
    expect(notes.map((note) => note.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2019-05-24T12:30:00+03:00',
      '2019-05-23T07:00:00Z',
    ]);
    expect(notes[0]?.querySelector('strong')?.text).toBe('Update, May 24, 2019, 12:30 (UTC+3):');
  });

  it('writes the text as text: markup in a note shows as written', () => {
    const html = notesToHtml(
      [{ ...correction, text: 'The <img src=x onerror=alert(1)> tag & "quotes" were wrong.' }],
      'Europe/Moscow',
    );
    expect(html).not.toContain('<img');
    expect(parse(html).querySelector('p')?.text).toContain(
      'The <img src=x onerror=alert(1)> tag & "quotes" were wrong.',
    );
  });
});
