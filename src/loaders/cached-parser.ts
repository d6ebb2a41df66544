/**
 * Parsing through the content store: a file whose text and pipeline version
 * are those of its stored entry (and whose body file and lead image are as
 * they were) is taken from the store, not parsed again; a file whose stamp
 * is the one it had when that entry was made is not even read. A file that
 * is parsed has its body written to its own file at once, so that only
 * light records stay in memory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import type { ImageFileState, SourceFile } from '../lib/article-files.ts';
import type { ParseResult } from '../lib/articles/parse.ts';
import { bodyHtmlFile, writeBodyHtml } from '../lib/build-cache/body-html.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { createAdaptiveParser } from '../lib/parse-pool.ts';
import { stampImage } from './image-stamp.ts';
import { stampFile, type SourceStamps } from './source-stamps.ts';

/** An entry parsed in this sync, to be stored. */
export interface FreshEntry {
  /** The digest of the file's text and the pipeline version. */
  digest: string;
  article: StoredArticle;
}

/** A parser that answers from the store when it can. */
export interface CachedParser {
  parse(file: SourceFile): Promise<ParseResult<StoredArticle>>;
  /** The stored entry of a file whose stamp is unchanged, without reading it. */
  reuse(path: string): Promise<ParseResult<StoredArticle> | undefined>;
  /** Inspects an image through the stamps: an unchanged file that passed is not read again. */
  inspectImage(
    path: string,
    inspect: (path: string) => Promise<ImageFileState>,
  ): Promise<ImageFileState>;
  /** The stamps of the files this sync took from the store or parsed, to save for the next. */
  stamps: SourceStamps;
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
  /** What the last sync knew of the files. */
  stamps: SourceStamps;
}

/** Creates a parser over the loader's store. */
export function createCachedParser(
  { store, generateDigest }: Pick<LoaderContext, 'store' | 'generateDigest'>,
  { rootDir, htmlDir, version, stamps }: CachedParserOptions,
): CachedParser {
  const parser = createAdaptiveParser();
  const fresh = new Map<string, FreshEntry>();
  const next: SourceStamps = { articles: new Map(), images: new Map() };
  /** Each file's stamp, taken before it is read: a write after that changes it again. */
  const stampsBeforeReading = new Map<string, string>();

  /** The stored entry for a digest, when its body file and lead image are as they were. */
  const storedEntry = async (path: string, digest: string) => {
    const cached = store.get<StoredArticle>(path);
    if (
      cached?.digest === digest &&
      existsSync(cached.data.bodyHtmlFile) &&
      cached.data.imageStamp === (await stampImage(rootDir, cached.data))
    ) {
      return cached.data;
    }
    return undefined;
  };

  const remember = (path: string, digest: string) => {
    const stamp = stampsBeforeReading.get(path);
    if (stamp) next.articles.set(path, { stamp, digest });
  };

  const reuse = async (path: string): Promise<ParseResult<StoredArticle> | undefined> => {
    const fileStamp = await stampFile(join(rootDir, path));
    if (!fileStamp) return undefined;
    const stamp = `${version}:${fileStamp}`;
    stampsBeforeReading.set(path, stamp);
    const known = stamps.articles.get(path);
    if (known?.stamp !== stamp) return undefined;
    const article = await storedEntry(path, known.digest);
    if (!article) return undefined;
    next.articles.set(path, known);
    return { ok: true, article, places: article.places };
  };

  const inspectImage = async (
    path: string,
    inspect: (path: string) => Promise<ImageFileState>,
  ): Promise<ImageFileState> => {
    const stamp = await stampFile(join(rootDir, path));
    if (stamp && stamps.images.get(path) === stamp) {
      next.images.set(path, stamp);
      return { kind: 'ok' };
    }
    const state = await inspect(path);
    // The stamp was taken before the bytes were read, so a later write changes it.
    if (stamp && state.kind === 'ok') next.images.set(path, stamp);
    return state;
  };

  const parse = async (file: SourceFile): Promise<ParseResult<StoredArticle>> => {
    const digest = generateDigest(`${version}\0${file.text}`);
    const stored = await storedEntry(file.path, digest);
    if (stored) {
      remember(file.path, digest);
      return { ok: true, article: stored, places: stored.places };
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
    remember(file.path, digest);
    return { ok: true, article, places: result.places };
  };

  return { parse, reuse, inspectImage, stamps: next, fresh, close: () => parser.close() };
}
