/**
 * How a story's corrections and updates read: the label of each, the
 * heading over them, and the HTML feeds carry after the body. The story page
 * shows the same labels and heading (`StoryNotes.astro`).
 */
import type { ArticleNote } from './articles/schema.ts';
import { formatDateTime } from './dates.ts';
import { instantToDatetime } from './structured-data.ts';
import { textToHtml } from './xml.ts';

/** The `id` of a story page's notes, which the byline's update time links to. */
export const NOTES_ID = 'notes';

const NOTE_LABELS: Record<ArticleNote['type'], string> = {
  correction: 'Correction',
  update: 'Update',
};

/** `Correction` or `Update`. */
export function noteToLabel(type: ArticleNote['type']): string {
  return NOTE_LABELS[type];
}

/**
 * The heading over a story's notes, naming what they are: `Correction`,
 * `Corrections`, `Update`, `Updates`, or `Corrections and updates`.
 */
export function notesToHeading(notes: readonly Pick<ArticleNote, 'type'>[]): string {
  const corrections = notes.filter((note) => note.type === 'correction').length;
  const updates = notes.length - corrections;
  if (corrections && updates) return 'Corrections and updates';
  const count = corrections || updates;
  const label = noteToLabel(corrections ? 'correction' : 'update');
  return count > 1 ? `${label}s` : label;
}

/**
 * A story's notes as HTML for a feed item's content, to follow the body:
 * the heading, then each note in the order given (newest first) with its
 * label and its time in the site's zone. Empty for a story without notes.
 *
 * @example notesToHtml([{ type: 'correction', at, text: 'The vote was on Tuesday.' }], 'Europe/Moscow')
 * // '<section><h2>Correction</h2><p><strong>Correction, <time datetime="…">May 23, 2019, 10:00 (UTC+3)</time>:</strong> The vote was on Tuesday.</p></section>'
 */
export function notesToHtml(notes: readonly ArticleNote[], timeZone: string): string {
  if (notes.length === 0) return '';
  const items = notes.map(
    (note) =>
      `<p><strong>${noteToLabel(note.type)}, ` +
      `<time datetime="${textToHtml(instantToDatetime(note.at))}">${textToHtml(formatDateTime(note.at, timeZone))}</time>:` +
      `</strong> ${textToHtml(note.text)}</p>`,
  );
  return `<section><h2>${notesToHeading(notes)}</h2>${items.join('')}</section>`;
}
