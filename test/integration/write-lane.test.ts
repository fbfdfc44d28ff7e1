import { Source } from '../../src/entities';
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
