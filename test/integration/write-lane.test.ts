import { Source } from '../../src/entities';
import { toGlobalId } from '../../src/domain/global-id';
import { Role, SourceKind } from '../../src/domain/types';
import { ErrorCode } from '../../src/errors';
import { createTestApp, TestApp } from '../support/app';
import { claimRows, evidence, httpClient, MUTATIONS } from '../support/verification';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('Database.write', () => {
  it('keeps 40 concurrent transactions apart: every committed one is whole, every failed one leaves nothing', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => i);
    const outcomes = await Promise.allSettled(attempts.map((i) =>
      app.db.write(async (manager) => {
        await manager.insert(Source, { name: `first ${i}`, normalizedName: `first ${i}`, kind: SourceKind.UNKNOWN, affiliation: null });
        // Yield so that, without a lane, other transactions would interleave on the shared connection.
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        await manager.insert(Source, { name: `second ${i}`, normalizedName: `second ${i}`, kind: SourceKind.UNKNOWN, affiliation: null });
        if (i % 4 === 0) throw new Error(`transaction ${i} fails on purpose`);
        return i;
      }),
    ));
    const failed = attempts.filter((i) => i % 4 === 0);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(failed.length);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/fails on purpose/);
    }
    const names = new Set((await app.db.reader.getRepository(Source).find()).map((s) => s.name));
    for (const i of attempts) {
      const committed = i % 4 !== 0;
      expect(names.has(`first ${i}`)).toBe(committed);
      expect(names.has(`second ${i}`)).toBe(committed);
    }
  });

  it('lets save() and nested transactions run inside a write without breaking it', async () => {
    await expect(app.db.write(async (manager) => {
      await manager.getRepository(Source).save({ name: 'Saved', normalizedName: 'saved', kind: SourceKind.UNKNOWN, affiliation: null });
      await manager.transaction(async (inner) => {
        await inner.insert(Source, { name: 'Nested', normalizedName: 'nested', kind: SourceKind.UNKNOWN, affiliation: null });
      });
      throw new Error('roll everything back');
    })).rejects.toThrow('roll everything back');
    const rows = await app.db.reader.getRepository(Source).findBy([{ normalizedName: 'saved' }, { normalizedName: 'nested' }]);
    expect(rows).toEqual([]);
  });

  it('never shows a reader what an open transaction has not committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const writing = app.db.write(async (manager) => {
      await manager.insert(Source, { name: 'Pending', normalizedName: 'pending', kind: SourceKind.UNKNOWN, affiliation: null });
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await app.db.reader.getRepository(Source).countBy({ normalizedName: 'pending' })).toBe(0);
    release();
    await writing;
    expect(await app.db.reader.getRepository(Source).countBy({ normalizedName: 'pending' })).toBe(1);
  });
});

const onSqlite = /^postgres/i.test(process.env.DATABASE_URL ?? '') ? describe.skip : describe;

onSqlite('a mutation behind a full or slow write lane', () => {
  const SUBMIT = 'mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { version state } }';

  /** An app with one claim and a reviewer, its write lane held by a transaction that waits for `release`. */
  async function heldLane(env: Record<string, string>) {
    const busy = await createTestApp({ env });
    const { reviewer: editor } = await busy.reviewer(Role.EDITOR);
    const { token } = await busy.reviewer(Role.REVIEWER);
    const created = await busy.gql(MUTATIONS.ingestArticle, {
      input: {
        title: 'Tram fares', body: 'The council said tram fares will fall in June.', publisher: 'City Desk',
        claims: [{ text: 'Tram fares will fall in June', quote: { exact: 'tram fares will fall in June' }, source: { name: 'The council', kind: 'GOVERNMENT' }, stance: 'ASSERTS' }],
      },
    }, editor);
    const article = await busy.gql('query ($id: ID!) { article(id: $id) { claims(first: 1) { edges { node { id } } } } }', { id: created.data!.ingestArticle.id });
    const claimId: string = article.data!.article.claims.edges[0].node.id;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const holding = busy.db.write(() => gate);
    const { url } = await busy.server.listen(0, '127.0.0.1');
    const input = (key: string) => ({
      claimId, expectedVersion: 1, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'The council minutes list the new fares.',
      evidence: evidence('https://example.org/council-minutes'), idempotencyKey: key,
    });
    return { busy, token, claimId, release, holding, gql: httpClient(url), input };
  }

  it('is refused with SERVER_BUSY (HTTP 503) when WRITE_QUEUE_MAX writes already wait, and writes nothing', async () => {
    const { busy, token, claimId, release, holding, gql, input } = await heldLane({ WRITE_QUEUE_MAX: '1' });
    try {
      const queued = busy.db.write(async () => 'queued');
      const refused = await gql(SUBMIT, { input: input('full-lane') }, token);
      expect(refused.status).toBe(503);
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual([ErrorCode.SERVER_BUSY]);
      release();
      await holding;
      await expect(queued).resolves.toBe('queued');
      const rows = await claimRows(busy.db, claimId);
      expect(rows.claim.version).toBe(1);
      expect(rows.events).toHaveLength(1);
      expect(rows.reviews).toHaveLength(0);
      expect(rows.keys).toHaveLength(0);

      const retried = await gql(SUBMIT, { input: input('full-lane') }, token);
      expect(retried.body.data).toEqual({ submitReview: { version: 2, state: 'IN_REVIEW' } });
    } finally {
      release();
      await busy.close();
    }
  });

  it('is refused with SERVER_BUSY when it waits past WRITE_QUEUE_TIMEOUT_MS, and writes nothing even after the lane frees', async () => {
    const { busy, token, claimId, release, holding, gql, input } = await heldLane({ WRITE_QUEUE_TIMEOUT_MS: '50' });
    try {
      const refused = await gql(SUBMIT, { input: input('slow-lane') }, token);
      expect(refused.status).toBe(503);
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual([ErrorCode.SERVER_BUSY]);
      release();
      await holding;
      const rows = await claimRows(busy.db, claimId);
      expect(rows.claim.version).toBe(1);
      expect(rows.events).toHaveLength(1);
      expect(rows.reviews).toHaveLength(0);
    } finally {
      release();
      await busy.close();
    }
  });
});

onSqlite('group commit: the writes that queued behind one commit together', () => {
  const source = (name: string) => ({ name, normalizedName: name.toLowerCase(), kind: SourceKind.UNKNOWN, affiliation: null });

  /** Holds the lane with a write that waits for `release`, and records the size of every group it runs. */
  function holdLane() {
    const groups: number[] = [];
    app.db.onWriteGroups((writes) => groups.push(writes));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const holding = app.db.write(() => gate);
    return { groups, release, holding };
  }

  it('rolls a failing write back alone, with its own error, while its neighbours in the group commit', async () => {
    const { groups, release, holding } = holdLane();
    const writes = ['g1', 'g2', 'g3', 'g4', 'g5'].map((name) => app.db.write(async (manager) => {
      await manager.insert(Source, source(`${name} first`));
      if (name === 'g2') throw new Error('g2 fails on purpose after writing');
      // A statement the database refuses (the name is taken) after this write's first insert.
      await manager.insert(Source, source(name === 'g4' ? 'g1 first' : `${name} second`));
      return name;
    }));
    release();
    await holding;
    const outcomes = await Promise.allSettled(writes);
    expect(groups.slice(-2)).toEqual([1, 5]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/g2 fails on purpose/);
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    const names = new Set((await app.db.reader.getRepository(Source).find()).map((s) => s.name));
    for (const name of ['g1', 'g3', 'g5']) expect([names.has(`${name} first`), names.has(`${name} second`)]).toEqual([true, true]);
    for (const name of ['g2', 'g4']) expect([names.has(`${name} first`), names.has(`${name} second`)]).toEqual([false, false]);
  });

  it('answers each write only once a reader can see it: after the COMMIT that holds it', async () => {
    const { groups, release, holding } = holdLane();
    const seenWhenAnswered: number[] = [];
    const writes = Array.from({ length: 8 }, (_, i) => app.db.write(async (manager) => {
      await manager.insert(Source, source(`visible ${i}`));
    }).then(async () => {
      seenWhenAnswered.push(await app.db.reader.getRepository(Source).countBy({ normalizedName: `visible ${i}` }));
    }));
    release();
    await holding;
    await Promise.all(writes);
    expect(groups.slice(-1)).toEqual([8]);
    expect(seenWhenAnswered).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('fails every write of a group whose COMMIT is refused, and keeps none of them', async () => {
    const { groups, release, holding } = holdLane();
    const writes = ['c1', 'c2', 'c3', 'c4'].map((name) => app.db.write(async (manager) => {
      await manager.insert(Source, source(`commit ${name}`));
      if (name === 'c4') throw new Error('c4 fails on its own');
      if (name === 'c2') {
        // A foreign key checked only at COMMIT: this write succeeds, the group's COMMIT does not.
        await manager.query('PRAGMA defer_foreign_keys = ON');
        await manager.query(`INSERT INTO evidence (review_id, position, url, stance) VALUES (987654, 0, 'https://example.org/x', 'SUPPORTS')`);
      }
      return name;
    }));
    release();
    await holding;
    const outcomes = await Promise.allSettled(writes);
    expect(groups.slice(-1)).toEqual([4]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes.slice(0, 3)) expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    // A write that had already failed is answered with its own error, not the group's.
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/c4 fails on its own/);
    expect(await app.db.reader.getRepository(Source).countBy([{ normalizedName: 'commit c1' }, { normalizedName: 'commit c3' }, { normalizedName: 'commit c4' }])).toBe(0);
    await expect(app.db.write(async (manager) => manager.insert(Source, source('after the refused commit')))).resolves.toBeDefined();
  });

  it('keeps every mutation error code in a group: CONFLICT, INVALID_TRANSITION and NOT_FOUND each roll back alone', async () => {
    const { reviewer: editor } = await app.reviewer(Role.EDITOR);
    const { reviewer } = await app.reviewer(Role.REVIEWER);
    const created = await app.gql(MUTATIONS.ingestArticle, {
      input: {
        title: 'Ferry timetable', body: 'The port said ferries will run hourly. The mayor said fares will not change. The port said a new pier opens in May.',
        publisher: 'Harbour Desk',
        claims: [
          { text: 'Ferries will run hourly', quote: { exact: 'ferries will run hourly' }, source: { name: 'The port', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
          { text: 'Fares will not change', quote: { exact: 'fares will not change' }, source: { name: 'The mayor', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
          { text: 'A new pier opens in May', quote: { exact: 'a new pier opens in May' }, source: { name: 'The port', kind: 'GOVERNMENT' }, stance: 'ASSERTS' },
        ],
      },
    }, editor);
    const article = await app.gql('query ($id: ID!) { article(id: $id) { claims(first: 3) { edges { node { id } } } } }', { id: created.data!.ingestArticle.id });
    const [a, b, c] = article.data!.article.claims.edges.map((edge: { node: { id: string } }) => edge.node.id);
    await app.gql(MUTATIONS.setClaimState, { input: { claimId: c, expectedVersion: 1, state: 'VERIFIED', note: 'Confirmed by the port' } }, editor);
    const SUBMIT = 'mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { version state } }';
    const review = (claimId: string, expectedVersion: number) => ({
      input: { claimId, expectedVersion, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'The timetable says so.', evidence: evidence('https://example.org/timetable') },
    });

    const { groups, release, holding } = holdLane();
    const answers = Promise.all([
      app.gql(SUBMIT, review(a, 1), reviewer),
      app.gql(SUBMIT, review(b, 3), reviewer),
      app.gql(SUBMIT, review(c, 2), reviewer),
      app.gql(SUBMIT, review(toGlobalId('Claim', 999_999), 1), reviewer),
      app.gql(SUBMIT, review(b, 1), reviewer),
    ]);
    while (app.db.writesInLane < 6) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await holding;
    const [okA, conflict, invalid, missing, okB] = await answers;
    expect(groups.slice(-1)).toEqual([5]);
    expect(okA.data).toEqual({ submitReview: { version: 2, state: 'IN_REVIEW' } });
    expect(okB.data).toEqual({ submitReview: { version: 2, state: 'IN_REVIEW' } });
    expect(conflict.errors?.map((e) => [e.extensions?.code, e.extensions?.currentVersion])).toEqual([[ErrorCode.CONFLICT, 1]]);
    expect(invalid.errors?.map((e) => e.extensions?.code)).toEqual([ErrorCode.INVALID_TRANSITION]);
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual([ErrorCode.NOT_FOUND]);
    for (const [claimId, version, reviews] of [[a, 2, 1], [b, 2, 1], [c, 2, 0]] as const) {
      const rows = await claimRows(app.db, claimId);
      expect({ version: rows.claim.version, events: rows.events.length, reviews: rows.reviews.length }).toEqual({ version, events: version, reviews });
    }
  });
});

onSqlite('what a review costs the write lane', () => {
  it('runs only the writes of a submitReview inside the lane: its reads happen on a reader before it', async () => {
    const { reviewer: editor } = await app.reviewer(Role.EDITOR);
    const { reviewer } = await app.reviewer(Role.REVIEWER);
    const created = await app.gql(MUTATIONS.ingestArticle, {
      input: {
        title: 'Bridge repairs', body: 'The city said the bridge reopens in March.', publisher: 'Metro Desk',
        claims: [{ text: 'The bridge reopens in March', quote: { exact: 'the bridge reopens in March' }, source: { name: 'The city', kind: 'GOVERNMENT' }, stance: 'ASSERTS' }],
      },
    }, editor);
    const article = await app.gql('query ($id: ID!) { article(id: $id) { claims(first: 1) { edges { node { id } } } } }', { id: created.data!.ingestArticle.id });
    const claimId: string = article.data!.article.claims.edges[0].node.id;
    const statements: string[] = [];
    app.db.onStatements((sql) => statements.push(sql.trim().split(/\s+/)[0].toUpperCase()));
    for (const expectedVersion of [1, 2]) {
      statements.length = 0;
      const answer = await app.gql('mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { version } }', {
        input: { claimId, expectedVersion, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'The city council minutes agree.', evidence: evidence() },
      }, reviewer);
      expect(answer.data).toEqual({ submitReview: { version: expectedVersion + 1 } });
      const inLane = statements.slice(statements.indexOf('BEGIN'), statements.lastIndexOf('COMMIT') + 1);
      // The review, its evidence, the compare-and-set and the event: nothing read, nothing read back.
      expect(inLane).toEqual(['BEGIN', 'INSERT', 'INSERT', 'UPDATE', 'INSERT', 'COMMIT']);
    }
  });
});
