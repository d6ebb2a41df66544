/**
 * The URLs Astro's image service gave a full build's image requests, kept
 * so that a publish renders the same pages without processing images:
 * each request (the transform's options and the properties its hash
 * covers) maps to the URL of the file the full build wrote.
 */

/** Image URLs by request key (`imageCallKey`). */
export type ImageUrls = Map<string, string>;

/** The file, in the publish state folder, that keeps them. */
export const IMAGE_URLS_FILE = 'image-urls.json';

/**
 * A request's key: its options (an imported image's metadata among them)
 * and the names of the properties the transform's hash covers, so that two
 * requests share a key when the build would give them one file.
 */
export function imageCallKey(options: unknown, hashProperties: readonly string[]): string {
  return stableJson([options, [...hashProperties].sort()]);
}

/** JSON with every object's keys sorted. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((name) => [name, record[name]]),
    );
  });
}
