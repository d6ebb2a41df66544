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
