/**
 * `/author/<name>/rss.xml`: a author's newest stories, standfirsts only.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { nameFeedPaths, nameFeedResponse } from '../../../data/list-routes.ts';

export const getStaticPaths = (() => nameFeedPaths('author')) satisfies GetStaticPaths;

/** The feed. */
export const GET: APIRoute<{ slug: string }> = (context) => nameFeedResponse('author', context);
