import { consensusState, latestByReviewer } from '../../src/domain/consensus';
import { ClaimEventKind, Role, Verdict } from '../../src/domain/types';
import { IdempotencyKey } from '../../src/entities';
import { prng } from '../../src/scripts/harness/storm';
import { createTestApp, GqlResult, TestApp } from '../support/app';
import { claimRows, httpClient, rowIdOf } from '../support/verification';

const REVIEWERS = 24;
const EDITORS = 2;
const CLAIMS = 8;
const TASKS_PER_REVIEWER = 12;
/** How often a client tries a mutation that met a CONFLICT, reloading the claim each time. */
const ATTEMPTS = 2;
const TASKS_PER_EDITOR = 8;
/** Tasks start spread over this window, so that versions are read at different moments: some fresh, some not. */
const SPREAD_MS = 1000;

const MUTATION = {
  startReview: 'mutation($input: StartReviewInput!) { startReview(input: $input) { id version state } }',
  submitReview: 'mutation($input: SubmitReviewInput!) { submitReview(input: $input) { id version state } }',
  setClaimState: 'mutation($input: SetClaimStateInput!) { setClaimState(input: $input) { id version state } }',
};
type Kind = keyof typeof MUTATION;

/** One mutation as sent and answered. */
interface Sent {
  claim: string;
  kind: Kind;
  expectedVersion: number;
  /** Requests sharing an idempotency key: the first use and its retries. */
  group: string | null;
  status: number;
  outcome: 'ok' | string;
  version?: number;
  currentVersion?: unknown;
  message?: string;
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrent reviewers over HTTP', () => {
  let app: TestApp;
  let gql: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    // A quorum of 4 keeps most claims open (IN_REVIEW or DISPUTED) for longer; the unanimous claim still closes.
    // Hundreds of writes queue at once here: a generous queue deadline lets every one run, since this test is
    // about consistency under contention (the deadline itself is tested in test/integration/write-lane.test.ts).
    app = await createTestApp({ seed: true, env: { REVIEW_QUORUM: '4', WRITE_QUEUE_TIMEOUT_MS: '600000' } });
    gql = httpClient((await app.server.listen(0, '127.0.0.1')).url);
  });
  afterAll(async () => {
    await app.close();
  });

  it(`keeps version, history and answers in agreement under ${REVIEWERS} reviewers writing at once`, async () => {
    const reviewers = await Promise.all(Array.from({ length: REVIEWERS }, (_, i) => app.reviewer(Role.REVIEWER, `Reviewer ${i + 1}`)));
    const editors = await Promise.all(Array.from({ length: EDITORS }, (_, i) => app.reviewer(Role.EDITOR, `Editor ${i + 1}`)));
    const { body: page } = await gql(`{ claims(first: ${CLAIMS}) { edges { node { id version } } } }`);
    const claims = (page.data!.claims.edges as { node: { id: string; version: number } }[]).map((edge) => edge.node.id);
    expect(claims).toHaveLength(CLAIMS);

    const random = prng(20251128);
    const sent: Sent[] = [];
    let inFlight = 0;
    let maxInFlight = 0;

    async function read(claim: string): Promise<{ version: number; state: string }> {
      const { body } = await gql(`query($id: ID!) { claim(id: $id) { version state } }`, { id: claim });
      return body.data!.claim;
    }

    async function send(kind: Kind, input: Record<string, unknown> & { claimId: string; expectedVersion: number }, token: string, group: string | null): Promise<Sent> {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const { status, body } = await gql(MUTATION[kind], { input }, token);
        const error = (body as GqlResult).errors?.[0];
        const answer: Sent = {
          claim: input.claimId, kind, expectedVersion: input.expectedVersion, group, status,
          outcome: error ? String(error.extensions?.code) : 'ok',
          version: body.data?.[kind]?.version,
          currentVersion: error?.extensions?.currentVersion,
          message: error?.message,
        };
        sent.push(answer);
        return answer;
      } finally {
        inFlight -= 1;
      }
    }

    // Claim 0 gets unanimous SUPPORTED verdicts, claim 1 a split jury, the rest mostly agree.
    function verdictFor(claimIndex: number, reviewerIndex: number): Verdict {
      if (claimIndex === 0) return Verdict.SUPPORTED;
      if (claimIndex === 1) return reviewerIndex % 2 === 0 ? Verdict.SUPPORTED : Verdict.REFUTED;
      return random() < 0.75 ? Verdict.SUPPORTED : Verdict.MISLEADING;
    }

    // A reviewer's client reads the claim, sends its mutation, and on CONFLICT reloads and tries again (up to ATTEMPTS).
    const reviewerTask = async (reviewerIndex: number, taskIndex: number) => {
      const { token } = reviewers[reviewerIndex];
      const claimIndex = Math.floor(random() * CLAIMS);
      const claim = claims[claimIndex];
      const roll = random();
      const verdict = verdictFor(claimIndex, reviewerIndex);
      const staleBy = 1 + Math.floor(random() * 3);
      const review = {
        claimId: claim, verdict, confidence: 0.7,
        rationale: `Reviewer ${reviewerIndex + 1}, task ${taskIndex}`,
        evidence: [{ url: `https://example.org/r${reviewerIndex}/t${taskIndex}`, stance: verdict === Verdict.SUPPORTED ? 'SUPPORTS' : 'REFUTES' }],
      };
      await sleep(random() * SPREAD_MS);
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const current = await read(claim);
        let answers: Sent[];
        if (roll < 0.15) {
          answers = [await send('startReview', { claimId: claim, expectedVersion: current.version }, token, null)];
        } else if (roll < 0.55) {
          answers = [await send('submitReview', { ...review, expectedVersion: current.version }, token, null)];
        } else if (roll < 0.7) {
          // A client holding an old copy of the claim: it does not retry.
          await send('submitReview', { ...review, expectedVersion: Math.max(1, current.version - staleBy) }, token, null);
          return;
        } else {
          // The same request sent twice at once (a double click), then once more after both answered.
          const group = `r${reviewerIndex}-t${taskIndex}-a${attempt}`;
          const input = { ...review, expectedVersion: current.version, idempotencyKey: group };
          answers = await Promise.all([send('submitReview', input, token, group), send('submitReview', input, token, group)]);
          answers.push(await send('submitReview', input, token, group));
        }
        if (!answers.some((answer) => answer.outcome === 'CONFLICT')) return;
      }
    };

    const editorTask = async (editorIndex: number) => {
      const claim = claims[Math.floor(random() * CLAIMS)];
      await sleep(random() * SPREAD_MS);
      const current = await read(claim);
      const reopen = !['UNVERIFIED', 'IN_REVIEW'].includes(current.state);
      await send('setClaimState', {
        claimId: claim, expectedVersion: current.version, state: reopen ? 'IN_REVIEW' : 'VERIFIED',
        note: reopen ? 'Reopened for another look' : 'Settled by the desk',
      }, editors[editorIndex].token, null);
    };

    // Claim 0 starts final, so reviews of it meet INVALID_TRANSITION until an editor reopens it.
    await send('setClaimState', { claimId: claims[0], expectedVersion: 1, state: 'VERIFIED', note: 'Settled before the rush' }, editors[0].token, null);
    const started = Date.now();
    await Promise.all([
      ...reviewers.flatMap((_, r) => Array.from({ length: TASKS_PER_REVIEWER }, (_, t) => reviewerTask(r, t))),
      ...editors.flatMap((_, e) => Array.from({ length: TASKS_PER_EDITOR }, () => editorTask(e))),
    ]);
    const elapsed = Date.now() - started;

    // Every answer is a success, a CONFLICT or an INVALID_TRANSITION; nothing internal, nothing busy.
    const unexpected = sent.filter((s) => s.status !== 200 || !['ok', 'CONFLICT', 'INVALID_TRANSITION'].includes(s.outcome));
    expect(unexpected).toEqual([]);
    expect(sent.filter((s) => /SQLITE_BUSY|database is locked/i.test(s.message ?? ''))).toEqual([]);
    for (const conflict of sent.filter((s) => s.outcome === 'CONFLICT')) {
      expect(Number.isInteger(conflict.currentVersion)).toBe(true);
      expect(conflict.currentVersion).not.toBe(conflict.expectedVersion);
    }

    // An accepted write answers with exactly the version it produced.
    const accepted = new Map<string, { total: number; reviews: number }>(claims.map((c) => [c, { total: 0, reviews: 0 }]));
    const count = (s: Sent) => {
      const tally = accepted.get(s.claim)!;
      tally.total += 1;
      if (s.kind === 'submitReview') tally.reviews += 1;
    };
    for (const s of sent.filter((x) => x.group === null && x.outcome === 'ok')) {
      expect(s.version).toBe(s.expectedVersion + 1);
      count(s);
    }
    // A key's first use is accepted once; every other use of it is a replay that writes nothing.
    // Requests of one key carry the same input, so they all succeed or all fail.
    let replays = 0;
    let succeededGroups = 0;
    const groups = new Map<string, Sent[]>();
    for (const s of sent.filter((x) => x.group !== null)) groups.set(s.group!, [...(groups.get(s.group!) ?? []), s]);
    for (const members of groups.values()) {
      const ok = members.filter((m) => m.outcome === 'ok');
      expect([0, members.length]).toContain(ok.length);
      if (ok.length === 0) continue;
      succeededGroups += 1;
      count(ok[0]);
      replays += ok.length - 1;
      for (const m of ok) expect(m.version).toBeGreaterThanOrEqual(m.expectedVersion + 1);
      expect(ok.some((m) => m.version === m.expectedVersion + 1)).toBe(true);
    }

    // Per claim: version − 1 = events after creation = accepted writes; reviews = accepted submissions.
    for (const claim of claims) {
      const rows = await claimRows(app.db, claim);
      const tally = accepted.get(claim)!;
      expect(rows.events.map((e) => e.version)).toEqual(Array.from({ length: rows.claim.version }, (_, i) => i + 1));
      expect({ claim, eventsAfterCreation: rows.events.length - 1, accepted: tally.total })
        .toEqual({ claim, eventsAfterCreation: rows.claim.version - 1, accepted: rows.claim.version - 1 });
      expect(rows.reviews).toHaveLength(tally.reviews);
      expect(rows.events.filter((e) => e.kind === ClaimEventKind.REVIEW_SUBMITTED)).toHaveLength(tally.reviews);
      for (let i = 1; i < rows.events.length; i++) expect(rows.events[i].fromState).toBe(rows.events[i - 1].toState);
      expect(rows.events[rows.events.length - 1].toState).toBe(rows.claim.state);
      // When a review was the last word, the state is the consensus of every reviewer's latest review.
      if (rows.events[rows.events.length - 1].kind === ClaimEventKind.REVIEW_SUBMITTED) {
        const latest = latestByReviewer(rows.reviews.map((r) => ({ ...r, reviewerId: String(r.reviewerId) })));
        expect(rows.claim.state).toBe(consensusState(latest.map((r) => r.verdict), app.config.reviewQuorum));
      }
    }
    const keys = await app.db.reader.getRepository(IdempotencyKey).count();
    expect(keys).toBe(succeededGroups);
    expect(new Set(sent.map((s) => rowIdOf(s.claim))).size).toBe(CLAIMS);

    const total = { accepted: 0, conflicts: 0, invalid: 0 };
    for (const tally of accepted.values()) total.accepted += tally.total;
    total.conflicts = sent.filter((s) => s.outcome === 'CONFLICT').length;
    total.invalid = sent.filter((s) => s.outcome === 'INVALID_TRANSITION').length;
    expect(total.accepted + replays + total.conflicts + total.invalid).toBe(sent.length);

    process.stdout.write(
      `concurrency [${app.db.kind}]: ${REVIEWERS} reviewers + ${EDITORS} editors on ${CLAIMS} claims: ` +
      `sent ${sent.length} mutations (max ${maxInFlight} in flight), accepted ${total.accepted}, replays ${replays}, ` +
      `conflicts ${total.conflicts}, invalid transitions ${total.invalid}, ${elapsed} ms\n`,
    );

    // The run exercised every path it claims to test.
    expect(sent.length).toBeGreaterThanOrEqual(400);
    expect(total.accepted).toBeGreaterThanOrEqual(CLAIMS);
    expect(replays).toBeGreaterThan(0);
    expect(total.conflicts).toBeGreaterThan(0);
    expect(total.invalid).toBeGreaterThan(0);

  });
});
