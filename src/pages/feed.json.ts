/**
 * `/feed.json`: the newest stories of every section, full text, as JSON Feed
 * (the same items as the site's other formats; see `src/data/feeds.ts`).
 */
import type { APIRoute } from 'astro';
import { siteFeedResponse } from '../data/feeds.ts';

/** The site-wide feed. */
export const GET: APIRoute = (context) => siteFeedResponse('json', context);
