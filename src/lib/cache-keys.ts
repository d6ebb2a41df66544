/**
 * Keys for incremental builds: a page whose key is unchanged since the last
 * build is copied from it instead of rendered again, so a key must cover
 * everything the page shows.
 */
import { createHash } from 'node:crypto';

/** A short, stable hash of a JSON-serialisable value. */
export function keyOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}
