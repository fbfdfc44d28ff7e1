import fs from 'node:fs';
import path from 'node:path';
import { loadSeeds, SEEDS_DIR } from '../../src/seeding';
import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { codes, createTestApp, seedOutcomes, TestApp } from '../support/app';
import { claimRows, evidence } from '../support/verification';

const REVISED_FILE = path.join(__dirname, '../fixtures/revisions/us-china-rare-earth-deal.revised.json');
const REVISED = JSON.parse(fs.readFileSync(REVISED_FILE, 'utf8')) as { body: string; title: string };
const ORIGINAL = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'us-china-rare-earth-deal.json'), 'utf8')) as { body: string };

const REVISE = `mutation($input: ReviseArticleInput!) { reviseArticle(input: $input) {
  anchored moved fuzzy orphaned claimsAdded article { id revision body } } }`;
const ARTICLE = `query($slug: String!) { article(slug: $slug) { id revision body title
  revisions { revision title note actor { name } createdAt }
  claims(first: 100) { edges { node { id version state anchorStatus anchorRevision needsEditor quote { exact start end }
    history { kind note } } } } } }`;

type ClaimView = {
  id: string; version: number; state: string; anchorStatus: string; anchorRevision: number; needsEditor: boolean;
  quote: { exact: string; start: number; end: number }; history: { kind: string; note: string | null }[];
};

describe('article revisions', () => {
  let app: TestApp;
  let editor: Reviewer;
  type ArticleView = {
    id: string; revision: number; body: string; title: string; claims: ClaimView[];
    revisions: { revision: number; note: string | null; actor: { name: string } | null }[];
  };
  async function article(slug = 'us-china-rare-earth-deal'): Promise<ArticleView> {
    const data = (await app.gql(ARTICLE, { slug })).data!.article;
    return { ...data, claims: data.claims.edges.map((e: { node: ClaimView }) => e.node) as ClaimView[] };
  }
  const byQuote = (claims: ClaimView[], start: string) => claims.find((c) => c.quote.exact.startsWith(start))!;

  beforeAll(async () => {
    app = await createTestApp({ seed: true });
    editor = (await app.reviewer(Role.EDITOR, 'Erin')).reviewer;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('the rare-earth article, revised: a sentence inserted before the magnets claim, one reworded, one deleted', () => {
    let before: Awaited<ReturnType<typeof article>>;
    let after: Awaited<ReturnType<typeof article>>;
    let payload: Record<string, any>;
    beforeAll(async () => {
      before = await article();
      // The claim whose sentence is deleted is VERIFIED first: its verdict must survive, flagged for an editor.
      const doomed = byQuote(before.claims, 'Both nations consider');
      for (const name of ['Ana', 'Ben']) {
        const reviewer = (await app.reviewer(Role.REVIEWER, name)).reviewer;
        const { version } = (await app.gql('query($id: ID!) { claim(id: $id) { version } }', { id: doomed.id })).data!.claim;
        expect((await app.gql('mutation($input: SubmitReviewInput!) { submitReview(input: $input) { state } }', { input: {
          claimId: doomed.id, expectedVersion: version, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'Both governments say so', evidence: evidence(),
        } }, reviewer)).errors).toBeUndefined();
      }
      before = await article();
      const result = await app.gql(REVISE, { input: {
        articleId: before.id, expectedRevision: 1, body: REVISED.body, note: 'Correction: the ministry named one category',
      } }, editor);
      expect(result.errors).toBeUndefined();
      payload = result.data!.reviseArticle;
      after = await article();
    });

    it('reports MOVED, FUZZY and ORPHANED for exactly the magnets claim, the reworded claim and the deleted claim', () => {
      const statuses = Object.fromEntries(after.claims.filter((c) => c.anchorStatus !== 'ANCHORED').map((c) => [c.anchorStatus, c.quote.exact]));
      expect(statuses).toEqual({
        MOVED: 'with exceptions noted only for magnets',
        FUZZY: 'experts warn against unbridled enthusiasm',
        ORPHANED: expect.stringMatching(/^Both nations consider rare earth elements critical/),
      });
      expect(after.claims.filter((c) => c.anchorStatus !== 'ANCHORED')).toHaveLength(3);
      expect(payload).toMatchObject({ moved: 1, fuzzy: 1, orphaned: 1 });
    });

    it('points every claim still in the text at its words in the new revision; an orphan keeps its last anchor', async () => {
      expect(after.revision).toBe(2);
      expect(after.body).toBe(REVISED.body.trim());
      for (const claim of after.claims.filter((c) => c.anchorStatus !== 'ORPHANED')) {
        expect(after.body.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.exact);
      }
      const orphan = byQuote(after.claims, 'Both nations consider');
      expect(orphan.anchorRevision).toBe(1);
      const first = (await app.gql('query($id: ID!) { node(id: $id) { ... on Article { body(revision: 1) } } }', { id: after.id })).data!.node.body;
      expect(first).toBe(ORIGINAL.body);
      expect(first.slice(orphan.quote.start, orphan.quote.end)).toBe(orphan.quote.exact);
    });

    it('records one ANCHOR_CHANGED event and one version for each claim whose anchor changed, and nothing for the others', async () => {
      let changed = 0;
      for (const claim of after.claims.filter((c) => before.claims.some((b) => b.id === c.id))) {
        const old = before.claims.find((b) => b.id === claim.id)!;
        const events = claim.history.filter((e) => e.kind === 'ANCHOR_CHANGED');
        const moved = old.quote.start !== claim.quote.start || claim.anchorStatus !== 'ANCHORED';
        expect([claim.id, events.length, claim.version - old.version]).toEqual([claim.id, moved ? 1 : 0, moved ? 1 : 0]);
        if (moved) changed += 1;
        const rows = await claimRows(app.db, claim.id);
        expect(rows.events.map((e) => e.version)).toEqual(Array.from({ length: rows.claim.version }, (_, i) => i + 1));
      }
      expect(payload.anchored + payload.moved + payload.fuzzy + payload.orphaned).toBe(changed);
    });

    it('keeps reviews and verdicts, and flags an orphaned claim with a final verdict for an editor', async () => {
      const orphan = byQuote(after.claims, 'Both nations consider');
      expect(orphan.state).toBe('VERIFIED');
      expect(orphan.needsEditor).toBe(true);
      expect(orphan.history.at(-1)!.note).toMatch(/needs an editor/);
      expect((await claimRows(app.db, orphan.id)).reviews).toHaveLength(2);
      expect(after.claims.filter((c) => c.needsEditor)).toEqual([orphan]);
    });

    it('leaves the orphaned claim out of the annotations export, whose selectors point into the current text', async () => {
      const base = (await app.server.listen(0, '127.0.0.1')).url.replace(/\/graphql$/, '');
      const exported = JSON.stringify(await (await fetch(`${base}/articles/us-china-rare-earth-deal/annotations.jsonld`)).json());
      expect(exported).toContain('with exceptions noted only for magnets');
      expect(exported).not.toContain('Both nations consider rare earth elements critical');
    });

    it('keeps every revision with its note and editor', () => {
      expect(after.revisions.map((r) => [r.revision, r.note, r.actor?.name ?? null]))
        .toEqual([[1, null, null], [2, 'Correction: the ministry named one category', 'Erin']]);
    });

    it('adds new claims only from the changed text', () => {
      const added = after.claims.filter((c) => !before.claims.some((b) => b.id === c.id));
      expect(added).toHaveLength(payload.claimsAdded);
      for (const claim of added) {
        expect(claim).toMatchObject({ version: 1, state: 'UNVERIFIED', anchorStatus: 'ANCHORED', anchorRevision: 2 });
        expect(ORIGINAL.body.includes(claim.quote.exact)).toBe(false);
      }
    });
  });

  it('extracts a new checkable statement from an added paragraph as a new claim', async () => {
    const water = await article('city-water-rates');
    const body = `${water.body}\n\nMayor Ellen Park said the city will hire 40 new pipe inspectors by March.`;
    const result = await app.gql(REVISE, { input: { articleId: water.id, expectedRevision: 1, body, note: 'Update: the mayor on inspectors' } }, editor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.reviseArticle.claimsAdded).toBeGreaterThan(0);
    const added = (await article('city-water-rates')).claims.filter((c) => !water.claims.some((w) => w.id === c.id));
    expect(added.map((c) => c.quote.exact).join(' ')).toMatch(/40 new pipe inspectors/);
    expect(result.data!.reviseArticle).toMatchObject({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 });
  });

  it('refuses a stale revision, an unchanged text, a blank note and a non-editor, writing nothing', async () => {
    const water = await article('city-water-rates');
    const input = { articleId: water.id, expectedRevision: water.revision, body: `${water.body} More.`, note: 'n' };
    const stale = await app.gql(REVISE, { input: { ...input, expectedRevision: water.revision - 1 } }, editor);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(codes(await app.gql(REVISE, { input: { ...input, body: water.body } }, editor))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(REVISE, { input: { ...input, note: '   ' } }, editor))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(REVISE, { input }, (await app.reviewer(Role.REVIEWER)).reviewer))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql('query($id: ID!) { node(id: $id) { ... on Article { body(revision: 9) } } }', { id: water.id }))).toEqual(['BAD_USER_INPUT']);
    expect(await article('city-water-rates')).toEqual(water);
  });

  it('npm run seed --revise stores a changed seed file as the next revision, and a second run adds nothing', async () => {
    const fresh = await createTestApp({ seed: true });
    try {
      const plain = await seedOutcomes(fresh.ctx(), [REVISED_FILE]);
      expect(plain.map((o) => o.status)).toEqual(['failed']);
      const first = await seedOutcomes(fresh.ctx(), [REVISED_FILE], { revise: true });
      expect(first.map((o) => o.status)).toEqual(['revised']);
      const again = await seedOutcomes(fresh.ctx(), [REVISED_FILE], { revise: true });
      expect(again.map((o) => [o.status, o.claims])).toEqual([['skipped', 0]]);
      const stored = (await fresh.gql(ARTICLE, { slug: 'us-china-rare-earth-deal' })).data!.article;
      expect(stored.revision).toBe(2);
      const statuses = stored.claims.edges.map((e: { node: ClaimView }) => e.node.anchorStatus).filter((s: string) => s !== 'ANCHORED').sort();
      expect(statuses).toEqual(['FUZZY', 'MOVED', 'ORPHANED']);
    } finally {
      await fresh.close();
    }
  });
});
