/**
 * Where the names a story carries lead: each tag to its topic's page, each
 * author and the source to theirs, by the name's URL name (`nameToSlug`, so
 * tags that differ only in letter case lead to one topic).
 */
import { nameToSlug } from './taxonomy.ts';
import { taxonomyToPath, type Taxonomy } from './urls.ts';

/**
 * The page of a topic, author or source named as a story writes it, or
 * undefined for a name that makes no URL name (the build refuses those).
 *
 * @example nameToPath('topic', 'Sergei Naryshkin') // '/topic/sergei-naryshkin/'
 * @example nameToPath('source', 'TASS') // '/source/tass/'
 */
export function nameToPath(taxonomy: Taxonomy, name: string): string | undefined {
  const slug = nameToSlug(name);
  return slug ? taxonomyToPath(taxonomy, slug) : undefined;
}
