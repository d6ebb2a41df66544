/**
 * The site index: the build's stories grouped for its pages, by section, by
 * year, month and day in the site's time zone, and by topic, author and
 * source; every correction and update on the site; the neighbours of a
 * story, a day, a month or a year, and what a story page offers below the
 * story.
 *
 * `buildSiteIndex` makes every grouping in one pass, so that thousands of
 * pages share it instead of each filtering the whole list again.
 */
import type { ArticleMeta, ArticleNote, Section } from './articles/schema.ts';
import { sortNewestFirst } from './publication.ts';
import { dayToIso, instantToDay, pad, type CalendarDay } from './dates.ts';
import { articleToNames, groupByName, TAXONOMIES, type NameGroup } from './taxonomy.ts';
import type { Taxonomy } from './urls.ts';

/** The fields the groupings read; pages pass the build's stored articles. */
export type SiteIndexEntry = Pick<
  ArticleMeta,
  'slug' | 'section' | 'published' | 'related' | 'tags' | 'authors' | 'source' | 'notes'
>;

/** A section and its stories, newest first. */
export interface SectionGroup<T> {
  section: Section;
  articles: T[];
}

/** A calendar day in the site's zone that has stories, newest first. */
export interface DayGroup<T> {
  /** `2019-05-22`. */
  key: string;
  day: CalendarDay;
  articles: T[];
  /** Where it stands in `SiteIndex.days`. */
  position: number;
}

/** A month that has stories: its days, newest first. */
export interface MonthGroup<T> {
  /** `2019-05`. */
  key: string;
  year: number;
  /** 1 to 12. */
  month: number;
  count: number;
  days: DayGroup<T>[];
  /** Where it stands in `SiteIndex.months`. */
  position: number;
}

/** A year that has stories: its months, newest first. */
export interface YearGroup<T> {
  /** `2019`. */
  key: string;
  year: number;
  count: number;
  months: MonthGroup<T>[];
  /** Where it stands in `SiteIndex.years`. */
  position: number;
}

/** The older and the newer neighbour of something in a newest-first list. */
export interface Neighbours<T> {
  /** The one before it in time (older). */
  previous: T | undefined;
  /** The one after it in time (newer). */
  next: T | undefined;
}

/** The topics, the authors or the sources of the site. */
export interface NameIndex<T> {
  /** A–Z in the site's language, each with its stories newest first. */
  groups: NameGroup<T>[];
  /** By URL name. */
  bySlug: Map<string, NameGroup<T>>;
}

/** A correction or update, with the story it is about. */
export interface NoteEntry<T> {
  note: ArticleNote;
  article: T;
  /**
   * Its number among its story's notes, oldest first, from 1: a note
   * added later does not change the numbers of the earlier ones.
   */
  number: number;
}

/** Every grouping the site's pages need, computed in one pass. */
export interface SiteIndex<T extends SiteIndexEntry> {
  /** Every story, newest first. */
  articles: T[];
  bySlug: Map<string, T>;
  /** Sections in alphabetical order of their names, each newest first. */
  sections: SectionGroup<T>[];
  sectionBySlug: Map<string, SectionGroup<T>>;
  /** Years, newest first. */
  years: YearGroup<T>[];
  yearByKey: Map<string, YearGroup<T>>;
  monthByKey: Map<string, MonthGroup<T>>;
  dayByKey: Map<string, DayGroup<T>>;
  /** Months of every year and days of every month, newest first, for neighbours. */
  months: MonthGroup<T>[];
  days: DayGroup<T>[];
  /** Where each story stands in its section's list, by slug. */
  sectionPosition: Map<string, number>;
  /** Topics (tags, letter case aside), authors and sources, each A–Z. */
  taxonomies: Record<Taxonomy, NameIndex<T>>;
  /**
   * Every correction and update, newest first; at the same moment, the
   * newer story's first, and a story's own in its order.
   */
  notes: NoteEntry<T>[];
  timeZone: string;
}

/** `2019-05`. */
export function monthKey(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/**
 * Groups stories by section, by calendar day, month and year in
 * `timeZone`, and by topic, author and source, and lists every correction
 * and update. The input may be in any order; every list of stories comes
 * out newest first.
 *
 * @param locale the site's language, whose alphabet orders topics, authors and sources
 */
export function buildSiteIndex<T extends SiteIndexEntry>(
  input: readonly T[],
  timeZone: string,
  locale = 'en',
): SiteIndex<T> {
  const articles = sortNewestFirst([...input]);
  const bySlug = new Map<string, T>();
  const sectionBySlug = new Map<string, SectionGroup<T>>();
  const years: YearGroup<T>[] = [];
  const yearByKey = new Map<string, YearGroup<T>>();
  const months: MonthGroup<T>[] = [];
  const monthByKey = new Map<string, MonthGroup<T>>();
  const days: DayGroup<T>[] = [];
  const dayByKey = new Map<string, DayGroup<T>>();
  const sectionPosition = new Map<string, number>();

  // Newest first in, so every group is created and filled newest first.
  for (const article of articles) {
    bySlug.set(article.slug, article);

    let section = sectionBySlug.get(article.section.slug);
    if (!section) {
      section = { section: article.section, articles: [] };
      sectionBySlug.set(article.section.slug, section);
    }
    sectionPosition.set(article.slug, section.articles.length);
    section.articles.push(article);

    const day = instantToDay(article.published, timeZone);
    const yearKey = String(day.year);
    let year = yearByKey.get(yearKey);
    if (!year) {
      year = { key: yearKey, year: day.year, count: 0, months: [], position: years.length };
      yearByKey.set(yearKey, year);
      years.push(year);
    }
    year.count++;

    const thisMonthKey = monthKey(day.year, day.month);
    let month = monthByKey.get(thisMonthKey);
    if (!month) {
      month = {
        key: thisMonthKey,
        year: day.year,
        month: day.month,
        count: 0,
        days: [],
        position: months.length,
      };
      monthByKey.set(thisMonthKey, month);
      months.push(month);
      year.months.push(month);
    }
    month.count++;

    const dayKey = dayToIso(day);
    let dayGroup = dayByKey.get(dayKey);
    if (!dayGroup) {
      dayGroup = { key: dayKey, day, articles: [], position: days.length };
      dayByKey.set(dayKey, dayGroup);
      days.push(dayGroup);
      month.days.push(dayGroup);
    }
    dayGroup.articles.push(article);
  }

  const sections = [...sectionBySlug.values()].sort((a, b) =>
    a.section.name.localeCompare(b.section.name, 'en'),
  );
  const taxonomies = Object.fromEntries(
    TAXONOMIES.map((taxonomy) => {
      const groups = groupByName(articles, (article) => articleToNames(article, taxonomy), locale);
      return [taxonomy, { groups, bySlug: new Map(groups.map((group) => [group.slug, group])) }];
    }),
  ) as Record<Taxonomy, NameIndex<T>>;
  return {
    articles,
    bySlug,
    sections,
    sectionBySlug,
    years,
    yearByKey,
    monthByKey,
    dayByKey,
    months,
    days,
    sectionPosition,
    taxonomies,
    notes: listNotes(articles),
    timeZone,
  };
}

/**
 * Every note of the stories, newest first. The stories come newest first
 * and each story's notes newest first, so a stable sort by time leaves
 * notes of the same moment in the order the contract gives them.
 */
function listNotes<T extends SiteIndexEntry>(articles: readonly T[]): NoteEntry<T>[] {
  const notes: NoteEntry<T>[] = [];
  for (const article of articles) {
    article.notes.forEach((note, index) =>
      notes.push({ note, article, number: article.notes.length - index }),
    );
  }
  return notes.sort((a, b) => b.note.at.epochMs - a.note.at.epochMs);
}

/** The neighbours of position `index` in a newest-first list. */
export function neighboursAt<T>(list: readonly T[], index: number): Neighbours<T> {
  if (index < 0) return { previous: undefined, next: undefined };
  return { previous: list[index + 1], next: index > 0 ? list[index - 1] : undefined };
}

/** The older and newer stories of the same section. */
export function sectionNeighbours<T extends SiteIndexEntry>(
  index: SiteIndex<T>,
  article: T,
): Neighbours<T> {
  const group = index.sectionBySlug.get(article.section.slug);
  const position = index.sectionPosition.get(article.slug) ?? -1;
  return group ? neighboursAt(group.articles, position) : { previous: undefined, next: undefined };
}

/** Stories listed under "More from" the section below a story. */
export const MORE_FROM_SECTION = 5;

/** What a story page offers below the story. */
export interface StorySurroundings<T> {
  related: T[];
  previous: T | undefined;
  next: T | undefined;
  more: T[];
}

/**
 * The stories offered below a story: the editor's related ones, the
 * previous and next in its section, then more from the section, each story
 * once.
 */
export function storySurroundings<T extends SiteIndexEntry>(
  index: SiteIndex<T>,
  article: T,
  moreCount: number,
): StorySurroundings<T> {
  const related = relatedArticles(index, article);
  const { previous, next } = sectionNeighbours(index, article);
  const shown = [...related, ...(previous ? [previous] : []), ...(next ? [next] : [])];
  return { related, previous, next, more: moreFromSection(index, article, moreCount, shown) };
}

/**
 * The stories of the story's section published nearest before it (after it
 * when too few are older), newest first, leaving out the story itself and
 * any in `exclude` (those already shown beside it). Its neighbours in time,
 * not the section's newest: a story added then changes only the pages of
 * the few stories around it, not every story page of its section.
 */
export function moreFromSection<T extends SiteIndexEntry>(
  index: SiteIndex<T>,
  article: T,
  count: number,
  exclude: readonly T[] = [],
): T[] {
  const group = index.sectionBySlug.get(article.section.slug);
  const position = index.sectionPosition.get(article.slug);
  if (!group || position === undefined) return [];
  const skip = new Set([article.slug, ...exclude.map((other) => other.slug)]);
  const picked: number[] = [];
  const take = (from: number, step: 1 | -1) => {
    for (
      let at = from;
      at >= 0 && at < group.articles.length && picked.length < count;
      at += step
    ) {
      if (!skip.has(group.articles[at]!.slug)) picked.push(at);
    }
  };
  take(position + 1, 1);
  take(position - 1, -1);
  return picked.sort((a, b) => a - b).map((at) => group.articles[at]!);
}

/**
 * The editor's `related` stories that are published in this build, in the
 * editor's order; drafts and scheduled stories are not in the index.
 */
export function relatedArticles<T extends SiteIndexEntry>(index: SiteIndex<T>, article: T): T[] {
  return article.related.flatMap((slug) => index.bySlug.get(slug) ?? []);
}

/**
 * The year, month or day before and after `group` that have stories.
 *
 * @param groups `SiteIndex.years`, `.months` or `.days`, the list `group` is in
 */
export function archiveNeighbours<G extends { position: number }>(
  groups: readonly G[],
  group: G,
): Neighbours<G> {
  return neighboursAt(groups, group.position);
}
