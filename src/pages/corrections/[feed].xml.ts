/**
 * `/corrections/rss.xml`: the newest corrections and updates, each an item
 * that links to its story. The route is named `[feed].xml` (its one path
 * has `feed` = `rss`) so that it has a cache key (see `src/data/list-routes.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { correctionsFeedPaths, correctionsFeedResponse } from '../../data/list-routes.ts';

export const getStaticPaths = (() => correctionsFeedPaths()) satisfies GetStaticPaths;

/** The feed. */
export const GET: APIRoute = (context) => correctionsFeedResponse(context);
