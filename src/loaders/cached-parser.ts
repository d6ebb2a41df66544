/**
 * Parsing through the content store: a file whose text and pipeline version
 * are those of its stored entry (and whose body file and lead image are as
 * they were) is taken from the store, not parsed again. A file that is
 * parsed has its body written to its own file at once, so that only light
 * records stay in memory.
 */
import { existsSync } from 'node:fs';
import type { LoaderContext } from 'astro/loaders';
import type { SourceFile } from '../lib/article-files.ts';
import type { ParseResult } from '../lib/articles/parse.ts';
import { bodyHtmlFile, writeBodyHtml } from '../lib/build-cache/body-html.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { createAdaptiveParser } from '../lib/parse-pool.ts';
import { stampImage } from './image-stamp.ts';

/** An entry parsed in this sync, to be stored. */
export interface FreshEntry {
  /** The digest of the file's text and the pipeline version. */
  digest: string;
  article: StoredArticle;
}

/** A parser that answers from the store when it can. */
export interface CachedParser {
  parse(file: SourceFile): Promise<ParseResult<StoredArticle>>;
  /** The entries parsed (not taken from the store) so far, by source path. */
  fresh: Map<string, FreshEntry>;
  /** Stops the parse workers, if any started. */
  close(): Promise<void>;
}

/** Where the cached parser keeps bodies and what versions its entries. */
export interface CachedParserOptions {
  /** The project root, which source paths are relative to. */
  rootDir: string;
  /** Where body HTML files are kept. */
  htmlDir: string;
  /** The pipeline version (`pipelineVersion`). */
  version: string;
}

/** Creates a parser over the loader's store. */
export function createCachedParser(
  { store, generateDigest }: Pick<LoaderContext, 'store' | 'generateDigest'>,
  { rootDir, htmlDir, version }: CachedParserOptions,
): CachedParser {
  const parser = createAdaptiveParser();
  const fresh = new Map<string, FreshEntry>();

  const parse = async (file: SourceFile): Promise<ParseResult<StoredArticle>> => {
    const digest = generateDigest(`${version}\0${file.text}`);
    const cached = store.get<StoredArticle>(file.path);
    if (
      cached?.digest === digest &&
      existsSync(cached.data.bodyHtmlFile) &&
      cached.data.imageStamp === (await stampImage(rootDir, cached.data))
    ) {
      return { ok: true, article: cached.data, places: cached.data.places };
    }
    const result = await parser.parse(file);
    if (!result.ok) return result;
    const { bodyHtml, text: _text, ...meta } = result.article;
    const imageStamp = await stampImage(rootDir, meta);
    const article: StoredArticle = {
      ...meta,
      bodyHtmlFile: bodyHtmlFile(htmlDir, digest),
      ...(imageStamp && { imageStamp }),
      places: result.places,
    };
    await writeBodyHtml(article.bodyHtmlFile, bodyHtml);
    fresh.set(file.path, { digest, article });
    return { ok: true, article, places: result.places };
  };

  return { parse, fresh, close: () => parser.close() };
}
