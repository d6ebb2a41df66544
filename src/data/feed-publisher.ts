/**
 * The publisher as feeds name it: the author of a feed as a whole (Atom
 * wants one), and of a story that names no author and no source.
 */
import type { FeedPerson } from '../lib/feeds/model.ts';
import { pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';

/** The publisher, with the front page as its page. */
export function feedPublisher(base: URL): FeedPerson {
  return { name: siteSettings.publisher, url: pathToUrl('/', base) };
}
