/**
 * `/source/<name>/rss.xml`: a source's newest stories, standfirsts only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { nameFeedPaths, nameFeedResponse } from '../../../data/list-routes.ts';

export const getStaticPaths = (() => nameFeedPaths('source')) satisfies GetStaticPaths;

/** The feed. */
export const GET: APIRoute<{ slug: string }> = (context) => nameFeedResponse('source', context);
