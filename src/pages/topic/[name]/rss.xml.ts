/**
 * `/topic/<name>/rss.xml`: a topic's newest stories, standfirsts only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { nameFeedPaths, nameFeedResponse } from '../../../data/list-routes.ts';

export const getStaticPaths = (() => nameFeedPaths('topic')) satisfies GetStaticPaths;

/** The feed. */
export const GET: APIRoute<{ slug: string }> = (context) => nameFeedResponse('topic', context);
