import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { parseDatabaseUrl } from '../../config';

/** A throwaway database: a new SQLite file in a temp folder, or a new database on the PostgreSQL server named. */
export interface ScratchDatabase {
  url: string;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/** Creates a scratch database next to `baseUrl`: on its PostgreSQL server, or (for SQLite) in a temp folder. */
export async function scratchDatabase(baseUrl: string | undefined, label: string): Promise<ScratchDatabase> {
  const base = parseDatabaseUrl(baseUrl?.trim() || 'sqlite:data/claimgraph.db');
  if (base.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimgraph-${label}-`));
    return { url: `sqlite:${path.join(dir, 'claimgraph.db')}`, kind: 'sqlite', drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `claimgraph_${label.replace(/[^a-z0-9]/gi, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = new Client({ connectionString: base.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    drop: async () => {
      const client = new Client({ connectionString: base.url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
