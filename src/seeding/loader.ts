import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context';
import type { ArticleDraft } from '../domain/article-rules';
import { slugify } from '../domain/text';
import { Article } from '../entities';
import { AppError, ConflictError } from '../errors';
import type { PreparedIngest } from '../services/article.service';
import { readSeedFile, SeedError } from './format';

/** The project folder: the nearest one above this file with a package.json (this file may run from dist/). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** The folder of the bundled seeds. */
export const SEEDS_DIR = path.join(projectRoot(__dirname), 'seeds');

/** The seed files named, with folders expanded to the .json/.txt/.md files in them (README.md excluded). */
export async function seedFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of paths) {
    const stat = await fs.stat(entry).catch(() => null);
    // A missing path stays in the list, so it is reported with the others instead of stopping them.
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(entry)).sort();
      for (const name of names) {
        if (/\.(json|txt|md)$/i.test(name) && name.toLowerCase() !== 'readme.md') files.push(path.join(entry, name));
      }
    } else {
      files.push(entry);
    }
  }
  return files;
}

export interface SeedOutcome {
  file: string;
  /** `revised`: the slug held another text, stored now as a new revision (only with `revise`). */
  status: 'added' | 'skipped' | 'revised' | 'failed';
  claims: number;
  slug?: string;
  error?: string;
}

/** What a run of `loadSeeds` did, counted as it went: no per-file result is kept. */
export interface SeedSummary {
  added: number;
  skipped: number;
  revised: number;
  failed: number;
  /** Claims stored by the added and revised articles. */
  claims: number;
}

/** A file read and its article prepared (validated, claims extracted), or why it could not be. */
type Prepared = { draft: ArticleDraft; ingest: PreparedIngest } | { error: unknown };

/**
 * Loads seed files, one article per transaction, in the order given; a bad file is reported and the others
 * still load. While one article is stored the next few are read and their claims extracted in the worker
 * pool, so extraction and writing overlap; at most that many files are in memory at once, and outcomes
 * go to `onOutcome` as they happen instead of being kept. With `revise`, a file whose slug is stored with
 * another text becomes that article's next revision.
 */
export async function loadSeeds(
  ctx: Context,
  files: Iterable<string>,
  onOutcome: (outcome: SeedOutcome) => void = () => {},
  options: { revise?: boolean } = {},
): Promise<SeedSummary> {
  const summary: SeedSummary = { added: 0, skipped: 0, revised: 0, failed: 0, claims: 0 };
  // Enough articles ahead to keep every extraction worker busy while the write lane stores others.
  const lookahead = ctx.config.extractionWorkers * 2;
  // Prepared articles handed to the write lane before the first of them is answered: those that queue while
  // it is busy commit together (group commit), each article in its own savepoint, so it is still stored
  // whole or not at all. A revision reads the stored article first, so with `revise` one store at a time;
  // PostgreSQL has no lane (each write is a pooled transaction of its own, nothing shared): one at a time too.
  const storing = options.revise || ctx.db.kind !== 'sqlite' ? 1 : STORES_IN_FLIGHT;
  const pending = files[Symbol.iterator]();
  const ahead: { file: string; prepared: Promise<Prepared> }[] = [];
  const stores: Promise<SeedOutcome>[] = [];
  // Files are prepared as workers free up, not only when the loop below comes round, so extraction goes on
  // while it waits for a store; at most `lookahead` are being prepared and `lookahead + storing` held.
  let preparing = 0;
  const fill = () => {
    while (preparing < lookahead && ahead.length < lookahead + storing) {
      const next = pending.next();
      if (next.done) return;
      preparing += 1;
      const prepared = prepareFile(ctx, next.value);
      void prepared.then(() => {
        preparing -= 1;
        fill();
      });
      ahead.push({ file: next.value, prepared });
    }
  };
  const report = async () => {
    const outcome = await stores.shift()!;
    summary[outcome.status] += 1;
    summary.claims += outcome.claims;
    onOutcome(outcome);
  };
  fill();
  while (ahead.length > 0) {
    const { file, prepared } = ahead.shift()!;
    fill();
    const ready = await prepared;
    // Stores start in file order; outcomes are reported in that order too.
    const stored = storeFile(ctx, file, ready, options);
    // Awaited in turn below; until then its failure must not count as unhandled.
    stored.catch(() => undefined);
    stores.push(stored);
    if (stores.length >= storing) await report();
  }
  while (stores.length > 0) await report();
  return summary;
}

/** How many prepared articles may wait in the write lane at once. */
const STORES_IN_FLIGHT = 16;

/** Reads one file and prepares its article; never rejects, so files read ahead cannot fail unobserved. */
async function prepareFile(ctx: Context, file: string): Promise<Prepared> {
  try {
    const draft = await readSeedFile(file);
    return { draft, ingest: await ctx.services.articles.prepare(ctx, draft) };
  } catch (error) {
    return { error };
  }
}

/** Stores one prepared article in its own transaction (or revises the stored one), and says what happened. */
async function storeFile(ctx: Context, file: string, prepared: Prepared, options: { revise?: boolean }): Promise<SeedOutcome> {
  try {
    if ('error' in prepared) throw prepared.error;
    const { draft } = prepared;
    const result = await ctx.services.articles.store(ctx, prepared.ingest).catch(async (error: unknown) => {
      if (!(options.revise && error instanceof ConflictError)) throw error;
      const stored = await ctx.db.reader.getRepository(Article).findOneByOrFail({ slug: draft.slug?.trim() || slugify(draft.title.trim()) });
      const revised = await ctx.services.revisions.revise(ctx, {
        articleId: stored.globalId, expectedRevision: stored.revision, body: draft.body, title: draft.title,
        note: `Revised from ${path.basename(file)}`, claims: draft.claims,
      });
      return { article: revised.article, created: false, revised: true, claimsAdded: revised.claimsAdded };
    });
    const status = 'revised' in result ? 'revised' : result.created ? 'added' : 'skipped';
    return { file, status, claims: result.claimsAdded, slug: result.article.slug };
  } catch (error) {
    if (!(error instanceof SeedError || error instanceof AppError)) throw error;
    return { file, status: 'failed', claims: 0, error: error instanceof SeedError ? error.message : `${file}: ${error.message}` };
  }
}

/** Loads the bundled seeds when the database has no article yet, so a new install has claims to query. */
export async function seedIfEmpty(ctx: Context): Promise<void> {
  if ((await ctx.db.reader.getRepository(Article).count()) > 0) return;
  const summary = await loadSeeds(ctx, await seedFiles([SEEDS_DIR]), (outcome) => {
    if (outcome.status === 'failed') ctx.logger.error({ file: outcome.file, error: outcome.error }, 'seed failed');
  });
  ctx.logger.info({ articles: summary.added, claims: summary.claims }, 'loaded the bundled seeds');
}
