import fs from 'node:fs';
import path from 'node:path';
import { loadSeeds, readSeedFile, SEEDS_DIR, seedFiles } from '../../seeding';
import { generateArticle } from '../../../bench/generate';
import { loadConfig, parseDatabaseUrl } from '../../config';
import { createAppContext, createContext } from '../../context';
import { Database } from '../../db/database';
import { prepareArticle } from '../../domain/article-rules';
import { Role } from '../../domain/types';
import { createLogger } from '../../logger';
import { extractClaimsFor } from '../../services/extract-claims';
import { StormActor } from './storm';

/** What a storm needs: the claims to fight over and the people who fight. */
export interface StormFixture {
  claims: number[];
  reviewers: StormActor[];
  editors: StormActor[];
}

/** Migrates the database, loads the bundled seeds and creates reviewers and editors with fresh tokens. */
export async function prepareStorm(url: string, counts: { reviewers: number; editors: number; claims: number }): Promise<StormFixture> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), database: parseDatabaseUrl(url) };
  const db = await Database.open(config.database);
  try {
    const ctx = createContext(createAppContext(config, db, createLogger('silent')), null);
    const failed: string[] = [];
    await loadSeeds(ctx, await seedFiles([SEEDS_DIR]), (o) => o.status === 'failed' && failed.push(o.error!));
    if (failed.length > 0) throw new Error(`the bundled seeds did not load: ${failed.join('; ')}`);
    const create = async (role: Role, name: string): Promise<StormActor> => {
      const { reviewer, token } = await ctx.services.reviewers.create(ctx, { name, role });
      return { id: reviewer.id, token };
    };
    const reviewers: StormActor[] = [];
    for (let i = 1; i <= counts.reviewers; i++) reviewers.push(await create(Role.REVIEWER, `Storm reviewer ${i}`));
    const editors: StormActor[] = [];
    for (let i = 1; i <= counts.editors; i++) editors.push(await create(Role.EDITOR, `Storm editor ${i}`));
    const rows = (await db.reader.query(`SELECT id FROM claim ORDER BY id LIMIT ${Math.floor(counts.claims)}`)) as { id: number }[];
    return { claims: rows.map((row) => Number(row.id)), reviewers, editors };
  } finally {
    await db.close();
  }
}

/**
 * Writes `count` generated plain-text articles (bench/generate.ts) into `dir` for `npm run seed`, and returns
 * how many claims each must be stored with, by title, computed by the same extractor the loader runs.
 */
export async function writeGeneratedArticles(dir: string, count: number, sentences: number): Promise<Map<string, number>> {
  fs.mkdirSync(dir, { recursive: true });
  const expected = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const { title, body } = generateArticle(i, sentences);
    const file = path.join(dir, `article-${String(i).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, `${title}\n\n${body}\n`);
    const prepared = prepareArticle(await readSeedFile(file), { maxBodyBytes: Number.MAX_SAFE_INTEGER });
    if (!prepared.ok) throw new Error(`generated article ${i} is not valid: ${JSON.stringify(prepared.problems)}`);
    expected.set(prepared.article.title, (prepared.article.claims ?? extractClaimsFor(prepared.article)).length);
  }
  return expected;
}
