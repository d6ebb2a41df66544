/**
 * `/section/<section>/rss.xml`: the newest stories of one section, full
 * text, as RSS (the same items as the section's other formats; see
 * `src/data/feeds.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  sectionFeedResponse,
  sectionFeedRoutes,
  type SectionFeedProps,
} from '../../../data/feeds.ts';

export const getStaticPaths = (() => sectionFeedRoutes()) satisfies GetStaticPaths;

/** A section's feed. */
export const GET: APIRoute<SectionFeedProps> = (context) => sectionFeedResponse('rss', context);
