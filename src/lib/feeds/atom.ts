/**
 * `buildAtom(items, channel)`: an Atom 1.0 document as a string, the same
 * feed as `buildRss` writes from the same items (see `model.ts`). Pure.
 *
 * Atom says what kind of text each field holds, so the standfirst is written
 * as `type="text"` and the full text as `type="html"`; titles and
 * categories are text. Each entry names its authors with their pages, the
 * feed its publisher (Atom wants an author for every entry, and a story may
 * name none), its icon and logo, and its `updated`: the latest publication
 * or update among its entries, so that an unchanged feed is the same bytes.
 * See https://www.rfc-editor.org/rfc/rfc4287.
 */
import { xmlAttributes, xmlElement } from '../xml.ts';
import {
  instantToRfc3339,
  itemsToKeep,
  itemsToLatestChange,
  itemToCategories,
  itemToChanged,
  type FeedChannel,
  type FeedItem,
  type FeedPerson,
} from './model.ts';

const NAMESPACES = {
  xmlns: 'http://www.w3.org/2005/Atom',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/**
 * The `updated` of a feed without entries (a site with no stories yet):
 * Atom requires one, and a fixed moment keeps the empty feed the same bytes
 * on every build.
 */
const NEVER_UPDATED = { epochMs: 0, offsetMinutes: 0 };

/** Builds an Atom 1.0 document: the newest `channel.limit` entries, newest first. */
export function buildAtom(items: readonly FeedItem[], channel: FeedChannel): string {
  const kept = itemsToKeep(items, channel.limit);
  const updated = itemsToLatestChange(kept) ?? NEVER_UPDATED;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed${xmlAttributes({ ...NAMESPACES, 'xml:lang': channel.language })}>`,
    xmlElement('id', channel.selfUrl),
    xmlElement('title', channel.title),
    xmlElement('subtitle', channel.description),
    link({ rel: 'alternate', type: 'text/html', href: channel.link }),
    link({ rel: 'self', type: 'application/atom+xml', href: channel.selfUrl }),
    xmlElement('updated', instantToRfc3339(updated)),
    personToXml('author', channel.publisher),
    xmlElement('icon', channel.icon.url),
    xmlElement('logo', channel.logo.url),
    ...kept.map(entryToXml),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryToXml(item: FeedItem): string {
  const parts = [
    xmlElement('id', item.link),
    xmlElement('title', item.title),
    link({ rel: 'alternate', type: 'text/html', href: item.link }),
    xmlElement('published', instantToRfc3339(item.published)),
    xmlElement('updated', instantToRfc3339(itemToChanged(item))),
    ...item.authors.map((author) => personToXml('author', author)),
    ...itemToCategories(item).map((term) => `<category${xmlAttributes({ term })}/>`),
    xmlElement('summary', item.description, { type: 'text' }),
    ...(item.contentHtml === undefined
      ? []
      : [xmlElement('content', item.contentHtml, { type: 'html' })]),
  ];
  if (item.image) {
    const attributes: Record<string, string> = { url: item.image.url, medium: 'image' };
    if (item.image.type) attributes['type'] = item.image.type;
    parts.push(
      `<media:content${xmlAttributes(attributes)}>${xmlElement('media:description', item.image.alt)}</media:content>`,
    );
  }
  return `<entry>\n${parts.join('\n')}\n</entry>`;
}

/** `<author><name>…</name><uri>…</uri></author>`, the page left out when there is none. */
function personToXml(element: 'author', person: FeedPerson): string {
  const uri = person.url ? xmlElement('uri', person.url) : '';
  return `<${element}>${xmlElement('name', person.name)}${uri}</${element}>`;
}

function link(attributes: Record<string, string>): string {
  return `<link${xmlAttributes(attributes)}/>`;
}
