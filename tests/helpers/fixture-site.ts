import { join } from 'node:path';
import { loadCollection, parseSourceFile, type Collection } from '../../src/lib/collection.ts';

/**
 * How the fixture site is built: its clock and public URL. Tests compare
 * against these, so that "scheduled" and absolute links are predictable.
 */
export const FIXTURE_SITE = {
  /** The build's clock: articles after it are scheduled. */
  clock: '2026-06-01T00:00:00Z',
  /** The public base URL the fixture site is built for. */
  url: 'https://news.example.test',
} as const;

/**
 * The fixture site's articles as its build saw them: the built project's own
 * copy of the content (the fixture tree may have changed since), read with
 * the site's collection rules at the fixture clock.
 *
 * @param siteDir the built site's folder, `inject('siteDir')`
 */
export async function loadFixtureArticles(
  siteDir: string,
  includeUnpublished = false,
): Promise<Collection> {
  const root = join(siteDir, '..');
  return loadCollection({
    rootDir: root,
    contentDir: join(root, 'content'),
    now: Date.parse(FIXTURE_SITE.clock),
    includeUnpublished,
    parse: parseSourceFile,
  });
}
