import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleDraft, ClaimSeed } from '../domain/article-rules';
import type { QuoteSelector } from '../domain/anchoring';
// The cleaner alone, not the extraction index: that would load every stage of the extractor into the
// loader's main thread, which never extracts (the workers do).
import { cleanArticleText } from '../domain/extraction/clean';
import { SourceKind, Stance } from '../domain/types';

/** A seed file that cannot be loaded; the message names the file and the reason. */
export class SeedError extends Error {
  override name = 'SeedError';
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

const ARTICLE_FIELDS = new Set(['title', 'slug', 'url', 'publisher', 'publishedAt', 'language', 'body', 'claims']);
const CLAIM_FIELDS = new Set(['text', 'quote', 'source', 'stance', 'checkworthiness']);
const SOURCE_FIELDS = new Set(['name', 'kind', 'affiliation']);
const QUOTE_FIELDS = new Set(['exact', 'prefix', 'suffix', 'start']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: Json, allowed: Set<string>, where: string): void {
  const unknown = Object.keys(value).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw new Error(`${where}has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
}

function optionalString(value: Json, key: string, where: string): string | null {
  const field = value[key];
  if (field === undefined || field === null) return null;
  if (typeof field !== 'string') throw new Error(`${where}${key} must be a string`);
  return field;
}

function requiredString(value: Json, key: string, where: string): string {
  const field = optionalString(value, key, where);
  if (field === null) throw new Error(`${where}${key} is required`);
  return field;
}

function parseDate(raw: string | null, where: string): Date | null {
  if (raw === null) return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new Error(`${where}publishedAt is not an ISO 8601 date: "${raw}"`);
  return date;
}

function parseQuote(raw: unknown, where: string): string | QuoteSelector {
  if (typeof raw === 'string') return raw;
  if (!isObject(raw)) throw new Error(`${where}quote must be a string or { exact, prefix?, suffix? }`);
  only(raw, QUOTE_FIELDS, `${where}quote `);
  const start = raw.start;
  if (start !== undefined && start !== null && !Number.isInteger(start)) throw new Error(`${where}quote.start must be an integer`);
  return {
    exact: requiredString(raw, 'exact', `${where}quote.`),
    prefix: optionalString(raw, 'prefix', `${where}quote.`),
    suffix: optionalString(raw, 'suffix', `${where}quote.`),
    start: (start as number | undefined) ?? null,
  };
}

function parseClaim(raw: unknown, index: number): ClaimSeed {
  const where = `claims[${index}].`;
  if (!isObject(raw)) throw new Error(`claims[${index}] must be an object`);
  only(raw, CLAIM_FIELDS, where);
  const missing = ['text', 'quote', 'source', 'stance'].filter((field) => raw[field] === undefined || raw[field] === null);
  if (missing.length > 0) throw new Error(`claims[${index}] is missing ${missing.join(', ')}`);
  const source = raw.source;
  if (!isObject(source)) throw new Error(`${where}source must be an object { name, kind, affiliation? }`);
  only(source, SOURCE_FIELDS, `${where}source `);
  const kind = optionalString(source, 'kind', `${where}source.`) ?? SourceKind.UNKNOWN;
  const checkworthiness = raw.checkworthiness;
  if (checkworthiness !== undefined && checkworthiness !== null && typeof checkworthiness !== 'number') {
    throw new Error(`${where}checkworthiness must be a number`);
  }
  return {
    text: requiredString(raw, 'text', where),
    quote: parseQuote(raw.quote, where),
    source: {
      name: requiredString(source, 'name', `${where}source.`),
      kind: kind as SourceKind,
      affiliation: optionalString(source, 'affiliation', `${where}source.`),
    },
    stance: requiredString(raw, 'stance', where) as Stance,
    checkworthiness: (checkworthiness as number | undefined) ?? null,
  };
}

/** Parses an article in the seed JSON format (see seeds/README.md); unknown fields are errors. */
export function parseSeedJson(text: string): ArticleDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`malformed JSON: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new Error('a seed file holds one JSON object');
  only(raw, ARTICLE_FIELDS, '');
  const claims = raw.claims;
  if (claims !== undefined && claims !== null && !Array.isArray(claims)) throw new Error('claims must be an array');
  return {
    title: requiredString(raw, 'title', ''),
    body: requiredString(raw, 'body', ''),
    slug: optionalString(raw, 'slug', ''),
    url: optionalString(raw, 'url', ''),
    publisher: optionalString(raw, 'publisher', ''),
    publishedAt: parseDate(optionalString(raw, 'publishedAt', ''), ''),
    language: optionalString(raw, 'language', ''),
    claims: Array.isArray(claims) ? claims.map(parseClaim) : null,
  };
}

const FRONT_MATTER_FIELDS = new Set(['title', 'slug', 'url', 'publisher', 'date', 'publishedat', 'published', 'language', 'lang']);

/**
 * Parses a plain article: optional front matter (url, publisher, date, language, slug), the first line
 * as the title, the rest as the body with the website around it removed. Claims are extracted later.
 */
export function parsePlainArticle(text: string): ArticleDraft {
  const cleaned = cleanArticleText(text);
  const meta = Object.fromEntries(Object.entries(cleaned.frontMatter).map(([key, value]) => [key.toLowerCase(), value]));
  const unknown = Object.keys(meta).filter((key) => !FRONT_MATTER_FIELDS.has(key));
  if (unknown.length > 0) throw new Error(`front matter has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  const title = meta.title ?? cleaned.title;
  if (!title) throw new Error('no title: the first line of a plain article is its title');
  return {
    title,
    body: cleaned.body,
    slug: meta.slug ?? null,
    url: meta.url ?? null,
    publisher: meta.publisher ?? null,
    publishedAt: parseDate(meta.date ?? meta.publishedat ?? meta.published ?? null, 'front matter '),
    language: meta.language ?? meta.lang ?? null,
    claims: null,
  };
}

/** Reads one seed file (.json in the seed format; .txt/.md plain articles) into an article draft. */
export async function readSeedFile(file: string): Promise<ArticleDraft> {
  const extension = path.extname(file).toLowerCase();
  const content = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new SeedError(file, error.code === 'ENOENT' ? 'no such file or folder' : error.message);
  });
  if (content.includes(0)) throw new SeedError(file, 'binary data, not a text article');
  const text = content.toString('utf8');
  try {
    if (extension === '.json') return parseSeedJson(text);
    if (extension === '.txt' || extension === '.md') return parsePlainArticle(text);
    throw new Error(`unsupported file type "${extension}" (use .json, .txt or .md)`);
  } catch (error) {
    throw new SeedError(file, (error as Error).message);
  }
}

