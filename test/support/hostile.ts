import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { toGlobalId } from '../../src/domain/global-id';
import { Role } from '../../src/domain/types';
import { createTestApp, TestApp } from './app';
import { evidence, MUTATIONS, MutationName, rowIdOf } from './verification';

/** How long a request may take before the server counts as hung: generous, it only catches a stalled server. */
export const ANSWER_WITHIN_MS = 10_000;

/** Callers with a token; `revoked` is an EDITOR whose token was revoked. */
export type Caller = 'viewer' | 'reviewer' | 'reviewer2' | 'editor' | 'revoked';

/** What the cases can point at: seeded rows and the tokens of reviewers of each role. */
export interface Fixture {
  tokens: Record<Caller, string>;
  /** An UNVERIFIED claim nobody touched (version 1). */
  claim: { id: string; version: number };
  /** More UNVERIFIED claims at version 1, one per case that would change a claim if it were wrongly accepted. */
  spare: string[];
  /** A claim two reviewers verified: final. */
  finalClaim: { id: string; version: number };
  /** A claim in review, with one review submitted under `idempotencyKey`. */
  keyedClaim: { id: string; version: number; idempotencyKey: string; input: Record<string, unknown> };
  article: { id: string; slug: string; title: string; body: string; publisher: string | null };
  sourceId: string;
  /** How many claims the database holds. */
  totalClaims: number;
  reviewId: string;
  reviewerId: string;
  viewerId: string;
  revokedId: string;
}

export interface HostileRequest {
  method?: string;
  /** Path and query string; `/graphql` when absent. */
  path?: string;
  headers?: Record<string, string>;
  /** Sent as is. */
  body?: string | Buffer;
  /** Sent as JSON with `content-type: application/json` (unless headers say otherwise). */
  json?: unknown;
  /** Sends `Authorization: Bearer <token of this caller>`. */
  as?: Caller;
}

/** One row of a table: a hostile request and the answer the service must give. */
export interface HostileCase {
  /** What is sent, said as a sentence fragment: "a truncated JSON object". */
  name: string;
  request: HostileRequest | ((f: Fixture) => HostileRequest);
  status: number;
  /** The first error's `extensions.code` (any of them when a list); null for an answer without errors. */
  code: Code | readonly Code[];
  /** The first error's message must match. */
  message?: RegExp;
  /** Extensions the first error must carry besides its code. */
  extensions?: (f: Fixture) => Record<string, unknown>;
  /** Another answer that is just as right, where the rules allow either. */
  or?: { status: number; code: Code | readonly Code[] };
  /** Sends the request this many times in a row; the last answer is the one checked. */
  repeat?: number;
  /** A problem with the answer's data, or undefined when it is right. */
  data?: (data: any, f: Fixture) => string | undefined;
}

/** An `extensions.code`, or null for an answer without errors. */
export type Code = string | null;

/** A malformed body may be refused as either; both say the request is at fault. */
export const BODY_REFUSED: readonly Code[] = ['BAD_REQUEST', 'BAD_USER_INPUT'];

/** The messages no hostile request may draw from a production server. */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\n\s+at \S|\bat [\w.$<>]+ \([^)]*:\d+:\d+\)|stacktrace/i],
  ['a call stack overflow', /Maximum call stack/i],
  ['SQL', /SQLITE_[A-Z]+|QueryFailedError|\bSELECT\b[^"]{0,200}\bFROM\b|\bINSERT INTO\b|syntax error at or near|violates .* constraint/i],
  ['a schema suggestion', /Did you mean/i],
  ['a file path', /node_modules|\/work\/|(?:\/[\w.-]+)+\.(?:ts|js)\b|\bsrc\/\w+/],
];

/** An answer as the client saw it. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

/** A GraphQL request as a JSON POST. */
export function gql(query: string, variables?: Record<string, unknown>, as?: Caller): HostileRequest {
  return { json: variables === undefined ? { query } : { query, variables }, as };
}

/** A mutation of CONTRACT.md with its input as a variable. */
export function mutate(name: MutationName, input: unknown, as?: Caller): HostileRequest {
  return { json: { query: MUTATIONS[name], variables: { input } }, as };
}

/** A raw POST body with a content type. */
export function post(body: string | Buffer, contentType?: string, headers: Record<string, string> = {}): HostileRequest {
  return { body, headers: contentType === undefined ? headers : { 'content-type': contentType, ...headers } };
}

/** Row counts and a hash of every table's rows: equal fingerprints mean nothing was written. */
export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * The service on a seeded database, with reviewers of each role, running in a process of its own (so a
 * request that stalls it cannot stall the test), restarted when a request leaves it hung or dead.
 * Registers its own beforeAll/afterAll; call it at the top of a test file.
 */
export function hostileServer(options: { env?: Record<string, string> } = {}) {
  const env = { NODE_ENV: 'production', RATE_LIMIT_ANONYMOUS_COST: '0', RATE_LIMIT_TOKEN_COST: '0', ...options.env };
  let app: TestApp;
  let child: ChildProcess | null = null;
  let port = 0;
  let stderr = '';
  const fixture = {} as Fixture;
  const troubles: string[] = [];

  async function start(): Promise<void> {
    const target = app.config.database;
    const databaseUrl = target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url;
    stderr = '';
    const started = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'hostile-server.ts')], {
      cwd: path.join(__dirname, '../..'),
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' },
      // Its stdin closes when this process ends, however it ends: the server then exits too.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = started;
    started.stderr!.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      started.stdout!.on('data', (chunk) => {
        out += String(chunk);
        const match = /listening (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      started.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening: ${stderr}`)));
    });
    started.once('exit', () => {
      if (child === started) child = null;
    });
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  // A hung server cannot read its stdin closing: kill it when this process exits.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  beforeAll(async () => {
    app = await createTestApp({ seed: true, env });
    await prepareFixture(app, fixture);
    await start();
  });
  afterAll(async () => {
    await stop();
    process.off('exit', killOnExit);
    await app?.close();
  });

  /** Sends one request; a hung server is stopped and started again, and the trouble is returned. */
  async function send(request: HostileRequest): Promise<Answer | { trouble: string }> {
    if (!child) {
      troubles.push('the server process had exited');
      await start();
    }
    const answer = await exchange(port, request, request.as && fixture.tokens[request.as]);
    if ('trouble' in answer) {
      const trouble = child ? answer.trouble : `the server process exited (${stderr.trim().split('\n').slice(-3).join(' | ')})`;
      troubles.push(trouble);
      await stop();
      await start();
      return { trouble };
    }
    return answer;
  }

  async function fingerprint(): Promise<Fingerprint> {
    const db = app.db.reader;
    const tables: { name: string }[] = app.db.kind === 'sqlite'
      ? await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      : await db.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
    const result: Fingerprint = {};
    for (const { name } of tables) {
      const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM "${name}"`);
      const lines = rows.map((row) => JSON.stringify(row));
      // By id where the table has one; any table without an id in a stable order all the same.
      const ids = rows.map((row) => Number(row.id));
      const order = ids.every((id) => Number.isFinite(id))
        ? lines.map((line, i) => ({ line, key: ids[i] })).sort((a, b) => a.key - b.key).map((x) => x.line)
        : [...lines].sort();
      result[name] = { rows: rows.length, hash: createHash('sha256').update(order.join('\n')).digest('hex') };
    }
    return result;
  }

  /**
   * One describe block per category: each row is a test named after what it sends and what it must get,
   * and a last test checks that the server still answers at once and that nothing was written.
   */
  function category(name: string, rows: readonly HostileCase[], options: { probeAs?: Caller } = {}): void {
    describe(name, () => {
      let before: Fingerprint;
      let troublesBefore = 0;
      beforeAll(async () => {
        before = await fingerprint();
        troublesBefore = troubles.length;
      });

      it.each(rows.map((row) => [`${row.name} → ${expectation(row)}`, row] as const))('%s', async (_title, row) => {
        const request = typeof row.request === 'function' ? row.request(fixture) : row.request;
        const failures: string[] = [];
        let answer = await send(request);
        for (let n = 1; n < (row.repeat ?? 1) && !('trouble' in answer); n += 1) {
          if (answer.status >= 500) failures.push(`request ${n} of ${row.repeat} got HTTP ${answer.status}`);
          answer = await send(request);
        }
        failures.push(...('trouble' in answer ? [answer.trouble] : problemsWith(answer, row, fixture)));
        expect(failures).toEqual([]);
      });

      it(`still answers a simple query${options.probeAs ? ` from ${/^[aeiou]/i.test(options.probeAs) ? 'an' : 'a'} ${options.probeAs.toUpperCase()}` : ''} at once afterwards, and nothing was written`, async () => {
        const answer = await send(gql('{ claims(first: 1) { totalCount edges { node { id } } } }', undefined, options.probeAs));
        expect('trouble' in answer ? answer.trouble : answer.status).toBe(200);
        expect(((answer as Answer).json?.errors ?? []).map((error) => error.extensions?.code)).toEqual([]);
        expect(troubles.slice(troublesBefore)).toEqual([]);
        expect(await fingerprint()).toEqual(before);
      });
    });
  }

  return { fixture, send, fingerprint, category, app: () => app };
}

type Expected = Pick<HostileCase, 'status' | 'code'>;

function accepted(expected: Expected): readonly Code[] {
  return Array.isArray(expected.code) ? expected.code : [expected.code as Code];
}

function expectation(row: HostileCase): string {
  const one = (expected: Expected) => `${expected.status} ${accepted(expected).map((code) => code ?? 'no error').join(' or ')}`;
  return row.or ? `${one(row)}, or ${one(row.or)}` : one(row);
}

/** Everything wrong with an answer, as readable lines; empty when it is the one the row expects. */
export function problemsWith(answer: Answer, row: HostileCase, fixture: Fixture): string[] {
  const problems: string[] = [];
  const errors = answer.json?.errors ?? [];
  const first = errors[0];
  const code = first?.extensions?.code;
  const got = `${answer.status} ${code ?? (errors.length ? 'without a code' : 'no error')}` +
    (first ? `: "${first.message.slice(0, 160)}"` : answer.json ? '' : `: ${JSON.stringify(answer.text.slice(0, 160))}`);
  const matches = (expected: Expected) => {
    const wanted = accepted(expected);
    return answer.status === expected.status && (errors.length === 0 ? wanted.includes(null) : wanted.includes(String(code)));
  };
  if (!matches(row) && !(row.or && matches(row.or))) problems.push(`expected ${expectation(row)}, got ${got}`);
  if (!answer.json) problems.push('the answer is not JSON');
  for (const error of errors) {
    if (typeof error.extensions?.code !== 'string') problems.push(`an error without extensions.code: "${error.message.slice(0, 100)}"`);
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') problems.push(`an INTERNAL_SERVER_ERROR: "${error.message.slice(0, 100)}"`);
  }
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  for (const [what, pattern] of LEAKS) {
    const leaked = pattern.exec(answer.text);
    if (leaked) problems.push(`the answer leaks ${what}: ${JSON.stringify(answer.text.slice(Math.max(0, leaked.index - 40), leaked.index + 80))}`);
  }
  if (answer.status === 401 && !/^Bearer\b/i.test(String(answer.headers['www-authenticate'] ?? ''))) {
    problems.push('a 401 without WWW-Authenticate: Bearer');
  }
  if (answer.status === 429 && !/^\d+$/.test(String(answer.headers['retry-after'] ?? ''))) {
    problems.push('a 429 without Retry-After in seconds');
  }
  if (first && row.message && !row.message.test(first.message)) problems.push(`message "${first.message.slice(0, 200)}" does not match ${row.message}`);
  if (row.data && answer.json && errors.length === 0) {
    const wrong = row.data(answer.json.data, fixture);
    if (wrong) problems.push(wrong);
  }
  if (first && row.extensions) {
    const extensions = row.extensions(fixture);
    for (const [key, value] of Object.entries(extensions)) {
      if (JSON.stringify(first.extensions?.[key]) !== JSON.stringify(value)) {
        problems.push(`extensions.${key} is ${JSON.stringify(first.extensions?.[key])}, expected ${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

/** One HTTP exchange with a deadline; the answer, or what went wrong on the wire. */
function exchange(port: number, request: HostileRequest, token?: string): Promise<Answer | { trouble: string }> {
  return new Promise((resolve) => {
    const body = request.json !== undefined
      ? Buffer.from(JSON.stringify(request.json), 'utf8')
      : request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = {};
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    Object.assign(headers, request.headers);
    if (body !== undefined && !Object.keys(headers).some((h) => ['transfer-encoding', 'content-length'].includes(h.toLowerCase()))) {
      headers['content-length'] = String(body.length);
    }
    let settled = false;
    const finish = (result: Answer | { trouble: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    // A connection of its own for every case, so a case that leaves its socket in a strange state cannot break the next.
    const req = http.request({ host: '127.0.0.1', port, method: request.method ?? 'POST', path: request.path ?? '/graphql', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => finish({ trouble: `the answer broke off: ${error.message}` }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'] = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ trouble: `no answer within ${ANSWER_WITHIN_MS / 1000} s` });
    }, ANSWER_WITHIN_MS);
    // A server may answer (413, 400) before reading a large body and close the connection: the answer counts.
    req.on('error', (error) => setTimeout(() => finish({ trouble: `no answer: ${error.message}` }), 200));
    req.end(body);
  });
}

/** Seeds the rows the cases point at; every write happens here, before the server under test starts. */
async function prepareFixture(app: TestApp, fixture: Fixture): Promise<void> {
  const viewer = await app.reviewer(Role.VIEWER, 'Vera Viewer');
  const reviewer = await app.reviewer(Role.REVIEWER, 'Rui Reviewer');
  const reviewer2 = await app.reviewer(Role.REVIEWER, 'Rita Reviewer');
  const editor = await app.reviewer(Role.EDITOR, 'Eva Editor');
  const revoked = await app.reviewer(Role.EDITOR, 'Otto Former');
  await app.ctx().services.reviewers.revoke(app.ctx(), revoked.reviewer.id);
  fixture.tokens = { viewer: viewer.token, reviewer: reviewer.token, reviewer2: reviewer2.token, editor: editor.token, revoked: revoked.token };

  const ok = async (query: string, variables: Record<string, unknown>, as: typeof reviewer | null = null) => {
    const result = await app.gql(query, variables, as?.reviewer ?? null);
    if (result.errors) throw new Error(`fixture: ${JSON.stringify(result.errors)}`);
    return result.data as Record<string, any>;
  };
  fixture.totalClaims = (await ok('{ claims { totalCount } }', {})).claims.totalCount;
  const page = await ok('{ claims(first: 12, filter: { states: [UNVERIFIED] }) { edges { node { id version article { id slug title body publisher } source { id } } } } }', {});
  const [plain, toFinal, toKey, ...spare] = page.claims.edges.map((e: { node: any }) => e.node);
  fixture.spare = spare.map((claim: { id: string }) => claim.id);
  fixture.claim = { id: plain.id, version: plain.version };
  fixture.article = plain.article;
  fixture.sourceId = plain.source.id;
  fixture.reviewerId = (await ok('{ me { id } }', {}, reviewer)).me.id;
  fixture.viewerId = (await ok('{ me { id } }', {}, viewer)).me.id;
  fixture.revokedId = toGlobalId('Reviewer', revoked.reviewer.id);

  const verdict = (claimId: string, expectedVersion: number, idempotencyKey?: string) => ({
    claimId, expectedVersion, verdict: 'SUPPORTED', confidence: 0.9,
    rationale: 'The minutes record the vote.', evidence: evidence('https://example.org/minutes'), idempotencyKey,
  });
  const first = (await ok(MUTATIONS.submitReview, { input: verdict(toFinal.id, toFinal.version) }, reviewer)).submitReview;
  const final = (await ok(MUTATIONS.submitReview, { input: verdict(toFinal.id, first.version) }, reviewer2)).submitReview;
  if (final.state !== 'VERIFIED') throw new Error(`fixture: expected a VERIFIED claim, got ${final.state}`);
  fixture.finalClaim = { id: toFinal.id, version: final.version };

  const input = verdict(toKey.id, toKey.version, 'hostile-retry-1');
  const keyed = (await ok(MUTATIONS.submitReview, { input }, reviewer)).submitReview;
  fixture.keyedClaim = { id: toKey.id, version: keyed.version, idempotencyKey: 'hostile-retry-1', input };
  fixture.reviewId = keyed.reviews[0].id;
  if (rowIdOf(fixture.reviewId) <= 0) throw new Error('fixture: no review');
}
