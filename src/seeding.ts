import { loadSeeds, SEEDS_DIR, seedFiles } from '../seeds/loader';
import type { Context } from './context';
import { Article } from './entities';

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
