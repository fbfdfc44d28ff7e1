import { spawn } from 'node:child_process';
import fs from 'node:fs';
import sqlite3 from 'sqlite3';
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl } from '../../src/config';
import { Database } from '../../src/db/database';
import { Role } from '../../src/domain/types';
import { Reviewer } from '../../src/entities';
import { ErrorCode, ServerBusyError } from '../../src/errors';
import { checkArticles, checkSqliteFile, readSnapshot } from '../../src/scripts/harness/consistency';
import { prepareStorm, writeGeneratedArticles } from '../../src/scripts/harness/fixture';
import { Child, PROJECT_ROOT, runCli, ServerProcess, startSeed, startServer } from '../../src/scripts/harness/processes';
import { acknowledgedOf, Answer, Storm, stormViolations, tally } from '../../src/scripts/harness/storm';
import { scratchDatabase, ScratchDatabase } from '../../src/scripts/harness/targets';

const REVIEWERS = 24;
const EDITORS = 2;
const CLAIMS = 16;
const MUTATIONS_PER_ACTOR = 40;
const ARTICLES = 60;

const onSqlite = parseDatabaseUrl(process.env.DATABASE_URL?.trim() || 'sqlite:x.db').kind === 'sqlite';
if (!onSqlite) {
  process.stdout.write('multi-process.test.ts: skipped, it runs two server processes on one SQLite file and DATABASE_URL is PostgreSQL (multi-process-postgres.test.ts covers that)\n');
}
const describeOnSqlite = onSqlite ? describe : describe.skip;

describeOnSqlite('two server processes, a seed and the CLI on one SQLite file', () => {
  let scratch: ScratchDatabase;
  let work: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    scratch = await scratchDatabase('sqlite:x.db', 'multi');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-multi-'));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await scratch?.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('loses no update, answers no SQLITE_BUSY and tells the truth in every CONFLICT while a seed and the CLI write too', async () => {
    const fixture = await prepareStorm(scratch.url, { reviewers: REVIEWERS, editors: EDITORS, claims: CLAIMS });
    const articlesDir = path.join(work, 'articles');
    const expectedClaims = await writeGeneratedArticles(articlesDir, ARTICLES, 12);
    const env = { REVIEW_QUORUM: '5' };
    servers.push(...await Promise.all([startServer(scratch.url, env, 'server A'), startServer(scratch.url, env, 'server B')]));

    const storm = new Storm({ urls: servers.map((s) => s.url), ...fixture, mutationsPerActor: MUTATIONS_PER_ACTOR, seed: 20261207 });
    const started = Date.now();
    const stormDone = storm.run();
    // While both servers take the storm: a third process loads articles, a fourth adds a reviewer.
    const seed = startSeed(scratch.url, [articlesDir]);
    const cli = await runCli(scratch.url, ['reviewer', 'add', '--name', 'Added during the storm', '--role', 'REVIEWER', '--quiet']);
    const seedExit = await seed.exited;
    const answers: Answer[] = await stormDone;
    const elapsed = Date.now() - started;

    // No answer tells of a busy database; every answer is a success, a CONFLICT or an INVALID_TRANSITION.
    expect(answers.filter((a) => /SQLITE_BUSY|database is locked/i.test(a.message ?? ''))).toEqual([]);

    const db = await Database.open(parseDatabaseUrl(scratch.url), { migrate: false });
    try {
      const snapshot = await readSnapshot(db);
      const acks = acknowledgedOf(answers);
      expect(stormViolations(answers, snapshot, fixture.claims)).toEqual([]);
      expect(checkArticles(snapshot, expectedClaims)).toEqual([]);
      expect(await checkSqliteFile(db)).toEqual([]);

      // No process keeps a read open forever: with both servers still up, a checkpoint copies the whole WAL back.
      const checkpoint = await passiveCheckpoint(scratch.url);
      expect({ busy: checkpoint.busy, uncopied: checkpoint.log - checkpoint.checkpointed }).toEqual({ busy: 0, uncopied: 0 });

      // The seed loaded every article whole, and the reviewer the CLI added can sign in on either server.
      expect({ exit: seedExit.code, output: seedExit.code === 0 ? '' : seed.tail }).toEqual({ exit: 0, output: '' });
      const titles = new Set(snapshot.articles.map((a) => a.title));
      expect([...expectedClaims.keys()].filter((t) => !titles.has(t))).toEqual([]);
      expect({ exit: cli.code, output: cli.code === 0 ? '' : cli.output }).toEqual({ exit: 0, output: '' });
      const token = cli.stdout.trim();
      for (const server of servers) {
        const response = await fetch(server.url, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { name role } }' }),
        });
        expect(((await response.json()) as { data?: unknown }).data).toEqual({ me: { name: 'Added during the storm', role: 'REVIEWER' } });
      }

      const counts = tally(answers);
      const byServer = servers.map((_, i) => answers.filter((a) => a.outcome === 'ok' && a.server === i).length);
      process.stdout.write(
        `multi-process [sqlite]: 2 servers, ${REVIEWERS} reviewers + ${EDITORS} editors on ${CLAIMS} claims, a seed of ${ARTICLES} articles and the CLI: ` +
        `${answers.length} mutations in ${(elapsed / 1000).toFixed(1)} s (${Math.round(answers.length / (elapsed / 1000))}/s), ` +
        `${new Set(acks.map((a) => `${a.claimId}:${a.expectedVersion + 1}`)).size} writes (${byServer.join(' + ')} successes by server, replays included), ${counts.CONFLICT ?? 0} conflicts, ` +
        `${counts.INVALID_TRANSITION ?? 0} invalid transitions, ${counts.SERVER_BUSY ?? 0} SERVER_BUSY and ${counts.RATE_LIMITED ?? 0} RATE_LIMITED (resent), lost 0\n`,
      );
      // The storm reached both servers and every path it claims to test.
      expect(byServer.every((n) => n > 0)).toBe(true);
      expect(counts.CONFLICT ?? 0).toBeGreaterThan(0);
      expect(answers.filter((a) => a.key !== null && a.outcome === 'ok').length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 300_000);
});

/** PRAGMA wal_checkpoint(PASSIVE) from a connection of its own: how many WAL frames there are and how many it copied. */
async function passiveCheckpoint(url: string): Promise<{ busy: number; log: number; checkpointed: number }> {
  const target = parseDatabaseUrl(url);
  const db = new sqlite3.Database(target.kind === 'sqlite' ? target.file : '');
  try {
    return await new Promise((resolve, reject) => db.get('PRAGMA wal_checkpoint(PASSIVE)', (error, row: { busy: number; log: number; checkpointed: number }) => (error ? reject(error) : resolve(row))));
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

/** Another process that takes SQLite's write lock (BEGIN IMMEDIATE) and keeps it until told to commit. */
async function lockHolder(file: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1]);
    db.exec('PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE', (error) => {
      if (error) throw error;
      process.stdout.write('locked\\n');
      process.stdin.once('data', () => db.exec('COMMIT', () => db.close(() => process.exit(0))));
    });`;
  const holder = new Child(spawn(process.execPath, ['-e', script, file], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] }), 'lock holder');
  while (!holder.stdout.includes('locked')) {
    if (!holder.running) throw new Error(`the lock holder stopped: ${holder.tail}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    async release() {
      holder.child.stdin?.write('commit\n');
      await holder.exited;
    },
  };
}

describeOnSqlite('a write while another process holds the SQLite write lock', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  const file = () => parseDatabaseUrl(scratch.url);
  const addReviewer = (name: string) => db.write((manager) => manager.getRepository(Reviewer).insert({ name, role: Role.REVIEWER, tokenHash: `hash of ${name}`, revokedAt: null }));
  const reviewersNamed = (name: string) => db.reader.getRepository(Reviewer).countBy({ name });

  beforeEach(async () => {
    scratch = await scratchDatabase('sqlite:x.db', 'lock');
    db = await Database.open(file(), { writeLockDeadlineMs: 1500 });
  });
  afterEach(async () => {
    await db.close();
    await scratch.drop();
  });

  it('waits, trying again, and goes through once the lock is released', async () => {
    const target = file();
    const holder = await lockHolder(target.kind === 'sqlite' ? target.file : '');
    let begins = 0;
    db.onStatements((sql) => {
      if (sql === 'BEGIN IMMEDIATE') begins += 1;
    });
    const order: string[] = [];
    const write = addReviewer('Patient writer').then(() => order.push('written'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('released');
    await holder.release();
    await write;
    expect(order).toEqual(['released', 'written']);
    expect(begins).toBeGreaterThan(1);
    expect(await reviewersNamed('Patient writer')).toBe(1);
  });

  it('answers SERVER_BUSY and writes nothing when the lock is held past the deadline, then works again', async () => {
    const target = file();
    const holder = await lockHolder(target.kind === 'sqlite' ? target.file : '');
    const refused = await addReviewer('Impatient writer').then(() => null, (error: unknown) => error);
    await holder.release();
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect((refused as ServerBusyError).extensions.code).toBe(ErrorCode.SERVER_BUSY);
    expect(await reviewersNamed('Impatient writer')).toBe(0);
    await addReviewer('Later writer');
    expect(await reviewersNamed('Later writer')).toBe(1);
  });
});
