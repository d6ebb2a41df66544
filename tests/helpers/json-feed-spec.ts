/**
 * The JSON Feed 1.1 specification's fields and types, as checks: what a
 * feed must have (`version`, `title`, `items`; each item an `id` and
 * `content_html` or `content_text`), the type of every field it may have,
 * URLs that are absolute, and dates in RFC 3339. Keys the specification
 * does not name are reported unless they start with `_` (its extensions).
 * See https://www.jsonfeed.org/version/1.1/.
 */

/** The version URL of JSON Feed 1.1. */
export const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';

type Check = (value: unknown, where: string, problems: string[]) => void;

/** RFC 3339 `date-time`: full date, time, and `Z` or an offset. */
const RFC_3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const string: Check = (value, where, problems) => {
  if (typeof value !== 'string') problems.push(`${where} must be a string`);
};

const url: Check = (value, where, problems) => {
  if (typeof value !== 'string') return void problems.push(`${where} must be a string (a URL)`);
  if (!URL.canParse(value)) problems.push(`${where} must be an absolute URL: ${value}`);
};

const date: Check = (value, where, problems) => {
  if (typeof value !== 'string' || !RFC_3339.test(value)) {
    problems.push(`${where} must be an RFC 3339 date-time: ${String(value)}`);
  }
};

const boolean: Check = (value, where, problems) => {
  if (typeof value !== 'boolean') problems.push(`${where} must be a boolean`);
};

const number: Check = (value, where, problems) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${where} must be a number`);
  }
};

function arrayOf(check: Check): Check {
  return (value, where, problems) => {
    if (!Array.isArray(value)) return void problems.push(`${where} must be an array`);
    value.forEach((element, index) => check(element, `${where}[${index}]`, problems));
  };
}

/** An object with the given optional fields and required ones. */
function object(
  fields: Record<string, Check>,
  required: readonly string[] = [],
  extra?: (value: Record<string, unknown>, where: string, problems: string[]) => void,
): Check {
  return (value, where, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void problems.push(`${where} must be an object`);
    }
    const record = value as Record<string, unknown>;
    for (const key of required) {
      if (!(key in record)) problems.push(`${where} lacks the required "${key}"`);
    }
    for (const [key, field] of Object.entries(record)) {
      const check = fields[key];
      if (check) check(field, `${where}.${key}`, problems);
      else if (!key.startsWith('_'))
        problems.push(`${where} has "${key}", which JSON Feed 1.1 does not define`);
    }
    extra?.(record, where, problems);
  };
}

const author = object({ name: string, url, avatar: url }, [], (record, where, problems) => {
  // "at least one of name, url or avatar"
  if (!('name' in record || 'url' in record || 'avatar' in record)) {
    problems.push(`${where} must have a name, url or avatar`);
  }
});

const attachment = object(
  {
    url,
    mime_type: string,
    title: string,
    size_in_bytes: number,
    duration_in_seconds: number,
  },
  ['url', 'mime_type'],
);

const item = object(
  {
    id: string,
    url,
    external_url: url,
    title: string,
    content_html: string,
    content_text: string,
    summary: string,
    image: url,
    banner_image: url,
    date_published: date,
    date_modified: date,
    authors: arrayOf(author),
    tags: arrayOf(string),
    language: string,
    attachments: arrayOf(attachment),
  },
  ['id'],
  (record, where, problems) => {
    if (!('content_html' in record || 'content_text' in record)) {
      problems.push(`${where} must have content_html or content_text`);
    }
  },
);

const feed = object(
  {
    version: (value, where, problems) => {
      if (value !== JSON_FEED_1_1) problems.push(`${where} must be "${JSON_FEED_1_1}"`);
    },
    title: string,
    home_page_url: url,
    feed_url: url,
    description: string,
    user_comment: string,
    next_url: url,
    icon: url,
    favicon: url,
    authors: arrayOf(author),
    language: string,
    expired: boolean,
    hubs: arrayOf(object({ type: string, url }, ['type', 'url'])),
    items: arrayOf(item),
  },
  ['version', 'title', 'items'],
);

/**
 * What in a parsed document breaks JSON Feed 1.1, each problem with the
 * path of the field (`feed.items[3].date_published must be …`); empty for
 * a valid feed.
 */
export function jsonFeedProblems(document: unknown): string[] {
  const problems: string[] = [];
  feed(document, 'feed', problems);
  return problems;
}
