import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context';
import { slugify } from '../domain/text';
import { Article } from '../entities';
import { AppError, ConflictError } from '../errors';
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

/**
 * Loads seed files one article per transaction; a bad file is reported and the others still load. With
 * `revise`, a file whose slug is stored with another text becomes that article's next revision.
 */
export async function loadSeeds(
  ctx: Context,
  files: string[],
  onOutcome: (outcome: SeedOutcome) => void = () => {},
  options: { revise?: boolean } = {},
): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const file of files) {
    let outcome: SeedOutcome;
    try {
      const draft = await readSeedFile(file);
      const result = await ctx.services.articles.ingest(ctx, draft).catch(async (error: unknown) => {
        if (!(options.revise && error instanceof ConflictError)) throw error;
        const stored = await ctx.db.reader.getRepository(Article).findOneByOrFail({ slug: draft.slug?.trim() || slugify(draft.title.trim()) });
        const revised = await ctx.services.revisions.revise(ctx, {
          articleId: stored.globalId, expectedRevision: stored.revision, body: draft.body, title: draft.title,
          note: `Revised from ${path.basename(file)}`, claims: draft.claims,
        });
        return { article: revised.article, created: false, revised: true, claimsAdded: revised.claimsAdded };
      });
      const status = 'revised' in result ? 'revised' : result.created ? 'added' : 'skipped';
      outcome = { file, status, claims: result.claimsAdded, slug: result.article.slug };
    } catch (error) {
      if (!(error instanceof SeedError || error instanceof AppError)) throw error;
      outcome = { file, status: 'failed', claims: 0, error: error instanceof SeedError ? error.message : `${file}: ${error.message}` };
    }
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** Loads the bundled seeds when the database has no article yet, so a new install has claims to query. */
export async function seedIfEmpty(ctx: Context): Promise<void> {
  if ((await ctx.db.reader.getRepository(Article).count()) > 0) return;
  const outcomes = await loadSeeds(ctx, await seedFiles([SEEDS_DIR]));
  for (const outcome of outcomes) {
    if (outcome.status === 'failed') ctx.logger.error({ file: outcome.file, error: outcome.error }, 'seed failed');
  }
  const added = outcomes.filter((o) => o.status === 'added');
  ctx.logger.info({ articles: added.length, claims: added.reduce((n, o) => n + o.claims, 0) }, 'loaded the bundled seeds');
}
