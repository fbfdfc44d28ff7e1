import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { GraphQLFormattedError } from 'graphql';
import { Config, DatabaseTarget, loadConfig } from '../../src/config';
import type { Context } from '../../src/context';
import { Database } from '../../src/db/database';
import type { Reviewer } from '../../src/entities';
import { Role } from '../../src/domain/types';
import { createServer, AppServer } from '../../src/server';
import { loadSeeds, SEEDS_DIR, SeedOutcome, seedFiles } from '../../src/seeding';

/** A GraphQL response as a client sees it. */
export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestApp {
  config: Config;
  db: Database;
  server: AppServer;
  ctx(reviewer?: Reviewer | null): Context;
  /** Runs an operation through Apollo's whole pipeline, as `reviewer` (anonymous when omitted). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, reviewer?: Reviewer | null): Promise<GqlResult<T>>;
  /** Creates a reviewer with a fresh token. */
  reviewer(role: Role, name?: string): Promise<{ reviewer: Reviewer; token: string }>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or, when DATABASE_URL points
 * at PostgreSQL, a new database on that server that is dropped afterwards.
 */
export async function freshDatabase(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const base = loadConfig({ ...process.env, LOG_LEVEL: 'silent' }).database;
  if (base.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-test-'));
    return {
      target: { kind: 'sqlite', file: path.join(dir, 'test.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `claimgraph_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new Client({ connectionString: base.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: base.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Loads seed files and returns every file's outcome, in order (a few files: the loader itself keeps none). */
export async function seedOutcomes(ctx: Parameters<typeof loadSeeds>[0], files: string[], options: { revise?: boolean } = {}): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  await loadSeeds(ctx, files, (outcome) => outcomes.push(outcome), options);
  return outcomes;
}

export async function createTestApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { target, drop } = await freshDatabase();
  const config: Config = {
    ...loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env }),
    database: target,
  };
  const db = await Database.open(target, { limits: config });
  const server = await createServer({ config, db });
  if (options.seed) {
    const outcomes = await seedOutcomes(server.context(), await seedFiles([SEEDS_DIR]));
    const failed = outcomes.filter((o) => o.status === 'failed');
    if (failed.length > 0) throw new Error(`seeds failed: ${failed.map((o) => o.error).join('; ')}`);
  }
  return {
    config,
    db,
    server,
    ctx: (reviewer = null) => server.context(reviewer),
    async gql(query, variables, reviewer = null) {
      const response = await server.apollo.executeOperation({ query, variables }, { contextValue: server.context(reviewer) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GqlResult<any>;
    },
    async reviewer(role, name = `${role.toLowerCase()} ${Math.random().toString(36).slice(2, 6)}`) {
      return server.context().services.reviewers.create(server.context(), { name, role });
    },
    async close() {
      await server.close();
      await db.close();
      await drop();
    },
  };
}

/** The `extensions.code` of each error, for compact assertions. */
export function codes(result: GqlResult): string[] {
  return (result.errors ?? []).map((error) => String(error.extensions?.code));
}
