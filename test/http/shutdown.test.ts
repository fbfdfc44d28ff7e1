import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { Role } from '../../src/domain/types';
import { ClaimEvent } from '../../src/entities';
import { createServer } from '../../src/server';
import { freshDatabase } from '../support/app';
import { evidence, MUTATIONS, rowIdOf } from '../support/verification';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const WORKERS = 12;
const CLAIMS = 4;
const SUCCESSES_BEFORE_SIGNAL = 40;

type Outcome =
  | { kind: 'answer'; status: number; body: { data?: Record<string, any> | null; errors?: { extensions?: Record<string, any> }[] } }
  | { kind: 'transport'; code: string };

/** One POST on a connection of its own, so a closed listener shows as a refused connection. */
function post(port: number, query: string, variables: Record<string, unknown>, token?: string): Promise<Outcome> {
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ kind: 'answer', status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'transport', code: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'transport', code: error.code ?? error.message }));
    req.end(payload);
  });
}

/** Creates reviewers and claims in a fresh database, then closes it: the service starts on what is stored. */
async function prepare() {
  const fresh = await freshDatabase();
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database: fresh.target };
  const db = await Database.open(fresh.target, { limits: config });
  const server = await createServer({ config, db });
  const ctx = server.context();
  const editor = await ctx.services.reviewers.create(ctx, { name: 'Edith Editor', role: Role.EDITOR });
  const supporter = await ctx.services.reviewers.create(ctx, { name: 'Sam Supports', role: Role.REVIEWER });
  const refuter = await ctx.services.reviewers.create(ctx, { name: 'Rita Refutes', role: Role.REVIEWER });
  const body = Array.from({ length: CLAIMS }, (_, i) => `The ministry said exports of item ${i} rose by ${i + 3} percent.`).join(' ');
  const claims = Array.from({ length: CLAIMS }, (_, i) => ({
    text: `Exports of item ${i} rose by ${i + 3} percent`,
    quote: { exact: `exports of item ${i} rose by ${i + 3} percent` },
    source: { name: 'The ministry', kind: 'GOVERNMENT' },
    stance: 'ASSERTS',
  }));
  const ingested = await server.apollo.executeOperation(
    { query: 'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { claims(first: 10) { edges { node { id } } } } }', variables: { input: { title: 'Export figures', body, publisher: 'Trade Wire', claims } } },
    { contextValue: server.context(editor.reviewer) },
  );
  if (ingested.body.kind !== 'single' || ingested.body.singleResult.errors) throw new Error(JSON.stringify(ingested.body));
  const claimIds = (ingested.body.singleResult.data as any).ingestArticle.claims.edges.map((edge: any) => edge.node.id as string);
  await server.close();
  await db.close();
  return { fresh, config, claimIds, tokens: { editor: editor.token, supporter: supporter.token, refuter: refuter.token } };
}

/** Starts `src/main.ts` as operators do, and resolves with its port once it logs where it serves. */
function startService(databaseUrl: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; log: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ON_EMPTY: 'false', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      const url = (JSON.parse(line) as { url?: string }).url;
      if (url) resolve({ child, port: Number(new URL(url).port), log, exited });
    });
    void exited.then(({ code }) => reject(new Error(`the service exited (${code}) before serving:\n${log.join('\n')}`)));
  });
}

describe('graceful shutdown', () => {
  it('on SIGTERM, answers what it accepted, keeps every acknowledged change, refuses the rest cleanly and exits 0', async () => {
    const { fresh, config, claimIds, tokens } = await prepare();
    const databaseUrl = fresh.target.kind === 'sqlite' ? `sqlite:${fresh.target.file}` : fresh.target.url;
    const service = await startService(databaseUrl);

    const acknowledged: { claimId: string; version: number; state: string; kind: string; actor: string }[] = [];
    const refusals: string[] = [];
    const faults: string[] = [];
    let signalled = false;
    let requestNumber = 0;
    const inFlight = new Set<number>();
    let inFlightAtSignal = new Set<number>();
    let inFlightAnswered = 0;

    const worker = async (w: number) => {
      const claimId = claimIds[w % CLAIMS];
      let version = 1;
      let state = 'UNVERIFIED';
      for (let turn = 0; ; turn += 1) {
        const role = (['supporter', 'refuter', 'editor'] as const)[(w + turn) % 3];
        const [query, input, kind] = role === 'editor'
          ? [MUTATIONS.setClaimState, { claimId, expectedVersion: version, state: state === 'UNVERIFIED' ? 'IN_REVIEW' : 'UNVERIFIED', note: `editor turn ${w}.${turn}` }, 'STATE_CHANGED']
          : [MUTATIONS.submitReview, {
            claimId, expectedVersion: version, verdict: role === 'supporter' ? 'SUPPORTED' : 'REFUTED', confidence: 0.7,
            rationale: `Checked against the ministry tables (${w}.${turn})`, evidence: evidence('https://example.org/tables'), idempotencyKey: `w${w}-t${turn}`,
          }, 'REVIEW_SUBMITTED'];
        const id = (requestNumber += 1);
        inFlight.add(id);
        const outcome = await post(service.port, query, { input }, tokens[role]);
        inFlight.delete(id);
        if (outcome.kind === 'transport') {
          if (!signalled) faults.push(`before the signal: ${outcome.code}`);
          else if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(outcome.code)) refusals.push(outcome.code);
          else faults.push(`after the signal: ${outcome.code}`);
          return;
        }
        const codes = (outcome.body.errors ?? []).map((e) => String(e.extensions?.code));
        if (outcome.status === 503 && codes.join() === 'SERVER_BUSY' && signalled) {
          refusals.push('503');
          return;
        }
        const changed = outcome.body.data?.[role === 'editor' ? 'setClaimState' : 'submitReview'];
        if (outcome.status === 200 && changed) {
          acknowledged.push({ claimId, version: changed.version, state: changed.state, kind, actor: role });
          if (inFlightAtSignal.has(id)) inFlightAnswered += 1;
          version = changed.version;
          state = changed.state;
          if (acknowledged.length === SUCCESSES_BEFORE_SIGNAL && !signalled) {
            signalled = true;
            inFlightAtSignal = new Set(inFlight);
            service.child.kill('SIGTERM');
          }
        } else if (codes.join() === 'CONFLICT') {
          version = Number(outcome.body.errors![0].extensions!.currentVersion);
          state = 'UNKNOWN';
        } else if (codes.join() === 'INVALID_TRANSITION') {
          state = state === 'UNVERIFIED' ? 'IN_REVIEW' : 'UNVERIFIED';
        } else {
          faults.push(`HTTP ${outcome.status}: ${JSON.stringify(outcome.body)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const exit = await service.exited;

    expect(faults).toEqual([]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.log.join('\n')).toMatch(/"msg":"stopped"/);
    expect(acknowledged.length).toBeGreaterThanOrEqual(SUCCESSES_BEFORE_SIGNAL);
    // Each worker stops at its first refusal; requests the service had already taken were answered.
    expect(refusals).toHaveLength(WORKERS);
    expect(inFlightAtSignal.size).toBe(WORKERS - 1);
    expect(inFlightAnswered).toBeGreaterThan(0);

    const db = await Database.open(fresh.target, { limits: config, migrate: false });
    try {
      for (const change of acknowledged) {
        const event = await db.reader.getRepository(ClaimEvent).findOneBy({ claimId: rowIdOf(change.claimId), version: change.version });
        expect({ ...change, stored: event && { kind: event.kind, toState: event.toState } })
          .toEqual({ ...change, stored: { kind: change.kind, toState: change.state } });
      }
      for (const claimId of claimIds) {
        const events = await db.reader.getRepository(ClaimEvent).find({ where: { claimId: rowIdOf(claimId) }, order: { version: 'ASC' } });
        const [claim] = await db.reader.query(`SELECT version, state FROM claim WHERE id = ${rowIdOf(claimId)}`);
        expect(events.map((event) => event.version)).toEqual(Array.from({ length: claim.version }, (_, i) => i + 1));
        expect(events.at(-1)!.toState).toBe(claim.state);
      }
      if (fresh.target.kind === 'sqlite') {
        expect(await db.reader.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('exits at once on a second signal, without waiting for a request that never finishes', async () => {
    const fresh = await freshDatabase();
    const databaseUrl = fresh.target.kind === 'sqlite' ? `sqlite:${fresh.target.file}` : fresh.target.url;
    const service = await startService(databaseUrl, { SHUTDOWN_TIMEOUT_MS: '600000' });
    const stalled = net.connect(service.port, '127.0.0.1');
    try {
      // A request whose body never arrives: the service counts it as in flight and would wait for it.
      await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
      stalled.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
      stalled.on('error', () => undefined);
      const health = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: service.port, path: '/healthz', agent: false }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }));
      expect(health).toBe(200);

      const shuttingDown = new Promise<void>((resolve) => {
        const watch = setInterval(() => { if (service.log.some((line) => line.includes('shutting down'))) { clearInterval(watch); resolve(); } }, 10);
      });
      service.child.kill('SIGTERM');
      await shuttingDown;
      service.child.kill('SIGTERM');
      const exit = await service.exited;

      expect(exit).toEqual({ code: 1, signal: null });
      expect(service.log.join('\n')).toMatch(/second signal/);
      expect(service.log.join('\n')).not.toMatch(/"msg":"stopped"/);
    } finally {
      stalled.destroy();
      await fresh.drop();
    }
  });
});
