/**
 * The site's settings: one typed object, validated when it is loaded.
 *
 * The public base URL can be overridden at build time with the `SITE_URL`
 * environment variable (see `astro.config.mjs`).
 */
import { z } from 'zod';

/** What a site setting may hold. */
export const SiteSettingsSchema = z.strictObject({
  /** The site's name, shown in the header and feeds. @example Newsroom Wire */
  title: z.string().min(1),
  /** One sentence about the site, for feeds and search engines. */
  description: z.string().min(1),
  /** BCP 47 language of the stories. @example en */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
  /** Public base URL, without a trailing path. @example https://news.example.org */
  url: z.url({ protocol: /^https?$/ }),
  /** The newsroom's IANA time zone: dates are shown and archived by day in it. */
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'is not an IANA time zone such as Europe/Moscow' }),
  /** The publisher named in structured data and feeds. */
  publisher: z.string().min(1),
  /** Stories on one page of a section front. */
  sectionPageSize: z.number().int().positive(),
  /** Items in each RSS feed. */
  feedSize: z.number().int().positive(),
});

/** The site's settings, as validated. */
export type SiteSettings = z.output<typeof SiteSettingsSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The settings as written, before `SITE_URL` is applied. */
export const siteSettings: SiteSettings = SiteSettingsSchema.parse({
  title: 'Newsroom Wire',
  description:
    'News from the wire: politics, business, science, culture and sport, as it is filed.',
  language: 'en',
  url: 'http://localhost:4321',
  timeZone: 'Europe/Moscow',
  publisher: 'Newsroom Wire',
  sectionPageSize: 20,
  feedSize: 50,
});
