import { toGlobalId } from '../../domain/global-id';
import {
  Acknowledged, checkAccounted, checkAcknowledged, checkConflicts, checkHistories, ConflictAnswer, MutationKind, Snapshot,
} from './consistency';

/**
 * A review storm: reviewers and editors, each a client in a loop that reads a claim and sends
 * startReview, submitReview or setClaimState with the version it read (sometimes an old one), some with
 * an idempotency key sent to two servers at once. Every answer is recorded, so the checks can hold the
 * database to what the clients were told.
 */

/** A small seeded PRNG (mulberry32), so a run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StormActor {
  /** The reviewer's row id, as the events record it. */
  id: number;
  token: string;
}

export interface StormOptions {
  /** The servers; actor i talks to urls[i % urls.length], and its keyed duplicate to the next one. */
  urls: string[];
  reviewers: StormActor[];
  editors: StormActor[];
  /** Row ids of the claims to fight over. */
  claims: number[];
  /** Mutations each actor sends before it stops; null runs until `stop()` or the server dies. */
  mutationsPerActor: number | null;
  /** Each client draws its choices from its own generator seeded from this, so a run replays whatever the interleaving. */
  seed: number;
  /** Sees every answer as it arrives (the crash test counts acknowledgements to time its kill). */
  onAnswer?: (answer: Answer) => void;
}

/** One mutation as sent and answered. `outcome` is 'ok', an `extensions.code`, or NETWORK when no answer came. */
export interface Answer {
  claimId: number;
  kind: MutationKind;
  actorId: number;
  expectedVersion: number;
  key: string | null;
  /** Index of the server that answered. */
  server: number;
  status: number;
  outcome: string;
  version?: number;
  currentVersion?: number | null;
  retryAfterSeconds?: number;
  message?: string;
}

const SELECTION = '{ id version state }';
const MUTATION: Record<MutationKind, string> = {
  startReview: `mutation($input: StartReviewInput!) { startReview(input: $input) ${SELECTION} }`,
  submitReview: `mutation($input: SubmitReviewInput!) { submitReview(input: $input) ${SELECTION} }`,
  setClaimState: `mutation($input: SetClaimStateInput!) { setClaimState(input: $input) ${SELECTION} }`,
};
const FINAL = new Set(['VERIFIED', 'FALSE', 'MISLEADING', 'UNVERIFIABLE']);
/** The answers that mean "nothing was done, try again later"; a client waits and resends. */
export const RETRYABLE = new Set(['SERVER_BUSY', 'RATE_LIMITED', 'REQUEST_TIMEOUT']);
/** How often a client resends a request answered with a retryable error before giving up. */
const RETRIES = 20;

interface GraphQLAnswer {
  data?: Record<string, { version?: number; state?: string } | null> | null;
  errors?: { message: string; extensions?: { code?: string; currentVersion?: number; retryAfterSeconds?: number } }[];
}

class ServerGone extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A short random pause, or what `Retry-After` asked for when that is longer. */
function retryPause(retryAfterSeconds: number | undefined): number {
  return Math.max(50 + Math.floor(Math.random() * 200), (retryAfterSeconds ?? 0) * 1000);
}

/** Runs a storm until every actor has sent its mutations, or `stop()` is called, or the servers die. */
export class Storm {
  readonly answers: Answer[] = [];
  private stopped = false;
  private readonly claimIds: string[];

  constructor(private readonly options: StormOptions) {
    this.claimIds = options.claims.map((id) => toGlobalId('Claim', id));
  }

  /** Lets every client finish the request it is in, then stop. */
  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<Answer[]> {
    const { reviewers, editors } = this.options;
    await Promise.all([
      ...reviewers.map((actor, i) => this.client(actor, i, false)),
      ...editors.map((actor, i) => this.client(actor, reviewers.length + i, true)),
    ]);
    return this.answers;
  }

  private async client(actor: StormActor, index: number, editor: boolean): Promise<void> {
    const { mutationsPerActor, urls } = this.options;
    const random = prng(this.options.seed * 1009 + index);
    const home = index % urls.length;
    let sent = 0;
    try {
      while (!this.stopped && (mutationsPerActor === null || sent < mutationsPerActor)) {
        const claimIndex = Math.floor(random() * this.claimIds.length);
        const claimId = this.options.claims[claimIndex];
        const claim = await this.read(urls[home], this.claimIds[claimIndex], actor.token);
        if (editor) {
          const state = FINAL.has(claim.state) ? 'IN_REVIEW' : random() < 0.5 ? 'VERIFIED' : 'DISPUTED';
          const to = state === claim.state ? 'FALSE' : state;
          sent += 1;
          await this.send(home, actor, 'setClaimState', claimId, claim.version, null, { state: to, note: `Set to ${to} by the desk` });
          continue;
        }
        const roll = random();
        const verdict = random() < 0.6 ? 'SUPPORTED' : 'REFUTED';
        const review = {
          verdict, confidence: 0.8, rationale: `Checked by reviewer ${actor.id}`,
          evidence: [{ url: `https://example.org/evidence/${actor.id}/${sent}`, stance: verdict === 'SUPPORTED' ? 'SUPPORTS' : 'REFUTES' }],
        };
        if (roll < 0.15) {
          sent += 1;
          await this.send(home, actor, 'startReview', claimId, claim.version, null, {});
        } else if (roll < 0.55) {
          sent += 1;
          await this.send(home, actor, 'submitReview', claimId, claim.version, null, review);
        } else if (roll < 0.75 && (mutationsPerActor === null || sent + 2 <= mutationsPerActor)) {
          // A double click that reaches two servers at once: one write, one replay.
          const key = `storm-${actor.id}-${sent}-${Math.floor(random() * 1e9)}`;
          sent += 2;
          await Promise.all([
            this.send(home, actor, 'submitReview', claimId, claim.version, key, review),
            this.send((home + 1) % urls.length, actor, 'submitReview', claimId, claim.version, key, review),
          ]);
        } else {
          // A client holding an old copy of the claim.
          sent += 1;
          const stale = Math.max(1, claim.version - 1 - Math.floor(random() * 3));
          await this.send(home, actor, 'submitReview', claimId, stale, null, review);
        }
      }
    } catch (error) {
      if (!(error instanceof ServerGone)) throw error;
    }
  }

  private async post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: GraphQLAnswer }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer };
    } catch {
      throw new ServerGone(url);
    }
  }

  private async read(url: string, claimId: string, token: string): Promise<{ version: number; state: string }> {
    for (let attempt = 0; ; attempt++) {
      const { body } = await this.post(url, 'query($id: ID!) { claim(id: $id) { version state } }', { id: claimId }, token);
      const claim = body.data?.claim;
      if (claim && claim.version !== undefined && claim.state !== undefined) return { version: claim.version, state: claim.state };
      const error = body.errors?.[0]?.extensions;
      if (!RETRYABLE.has(String(error?.code)) || attempt >= RETRIES) {
        throw new Error(`reading claim ${claimId} failed: ${JSON.stringify(body.errors ?? body)}`);
      }
      await sleep(retryPause(error?.retryAfterSeconds));
    }
  }

  private async send(
    server: number, actor: StormActor, kind: MutationKind, claimId: number, expectedVersion: number, key: string | null,
    fields: Record<string, unknown>,
  ): Promise<void> {
    const input = { ...fields, claimId: toGlobalId('Claim', claimId), expectedVersion, ...(key ? { idempotencyKey: key } : {}) };
    for (let attempt = 0; ; attempt++) {
      const answer: Answer = { claimId, kind, actorId: actor.id, expectedVersion, key, server, status: 0, outcome: 'NETWORK' };
      try {
        const { status, body } = await this.post(this.options.urls[server], MUTATION[kind], { input }, actor.token);
        const error = body.errors?.[0];
        Object.assign(answer, {
          status,
          outcome: error ? String(error.extensions?.code) : 'ok',
          version: body.data?.[kind]?.version,
          currentVersion: error?.extensions?.currentVersion ?? null,
          retryAfterSeconds: error?.extensions?.retryAfterSeconds,
          message: error?.message,
        });
      } finally {
        this.answers.push(answer);
        this.options.onAnswer?.(answer);
      }
      if (!RETRYABLE.has(answer.outcome)) return;
      if (attempt >= RETRIES) {
        answer.outcome = `${answer.outcome}_GAVE_UP`;
        return;
      }
      // Nothing was written: a client waits as told and sends the same request again.
      await sleep(retryPause(answer.retryAfterSeconds));
    }
  }
}

/** The answers the checks hold the database to: successes (acknowledged) and CONFLICTs. */
export function acknowledgedOf(answers: Answer[]): Acknowledged[] {
  return answers
    .filter((a) => a.outcome === 'ok' && a.version !== undefined)
    .map((a) => ({ claimId: a.claimId, kind: a.kind, actorId: a.actorId, expectedVersion: a.expectedVersion, version: a.version! }));
}

export function conflictsOf(answers: Answer[]): ConflictAnswer[] {
  return answers
    .filter((a) => a.outcome === 'CONFLICT')
    .map((a) => ({ claimId: a.claimId, expectedVersion: a.expectedVersion, currentVersion: a.currentVersion ?? null }));
}

/** Counts of a storm's answers by outcome, for summaries. */
export function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.outcome] = (counts[answer.outcome] ?? 0) + 1;
  return counts;
}

/**
 * Everything a finished storm (no crash: every answer known) must satisfy: each answer a success, a
 * CONFLICT, an INVALID_TRANSITION or a retryable refusal the client then resent; each success durable and
 * each event owned by exactly one success; each CONFLICT true; each keyed pair one write and one replay,
 * or two refusals.
 */
export function stormViolations(answers: Answer[], snapshot: Snapshot, stormClaims: number[]): string[] {
  const violations: string[] = [];
  for (const a of answers) {
    // A retryable refusal is an answer by design; checkAccounted holds it to having written nothing.
    if (!['ok', 'CONFLICT', 'INVALID_TRANSITION'].includes(a.outcome) && !RETRYABLE.has(a.outcome)) {
      violations.push(`${a.kind} on claim ${a.claimId} was answered ${a.outcome} (HTTP ${a.status}): ${a.message ?? 'no answer'}`);
    }
  }
  const acks = acknowledgedOf(answers);
  const inStorm = new Set(stormClaims);
  violations.push(...checkHistories(snapshot.claims, snapshot.events));
  violations.push(...checkAcknowledged(acks, snapshot.claims, snapshot.events));
  violations.push(...checkAccounted(acks, snapshot.events.filter((event) => inStorm.has(event.claimId))));
  violations.push(...checkConflicts(conflictsOf(answers), snapshot.claims, snapshot.events));
  const pairs = new Map<string, Answer[]>();
  for (const a of answers) if (a.key !== null && !RETRYABLE.has(a.outcome)) pairs.set(a.key, [...(pairs.get(a.key) ?? []), a]);
  for (const [key, pair] of pairs) {
    const ok = pair.filter((a) => a.outcome === 'ok').length;
    if (ok !== 0 && ok !== pair.length) violations.push(`idempotency key ${key}: ${pair.map((a) => a.outcome).join(' and ')}`);
  }
  return violations;
}
