import { Role } from '../../src/domain/types';
import type { Reviewer } from '../../src/entities';
import { createTestApp, TestApp } from '../support/app';
import { evidence } from '../support/verification';

const SIMILAR = `query($id: ID!, $first: Int, $after: String) { claim(id: $id) { state version
  similarClaims(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { score node { text article { title } } } }
  suggestedVerdict { verdict state score claim { text } } } }`;

describe('recurring claims', () => {
  let app: TestApp;
  let editor: Reviewer;
  const ids: Record<string, string> = {};

  async function ingest(title: string, claims: [string, string][]) {
    const body = claims.map(([, sentence]) => sentence).join(' ');
    const result = await app.gql('mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { claims(first: 10) { edges { node { id text } } } } }', { input: {
      title, body, publisher: `${title} Desk`,
      claims: claims.map(([text, sentence]) => ({ text, quote: { exact: sentence }, source: { name: `${title} Desk` }, stance: 'ASSERTS' })),
    } }, editor);
    expect(result.errors).toBeUndefined();
    for (const edge of result.data!.ingestArticle.claims.edges) ids[edge.node.text] = edge.node.id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    editor = (await app.reviewer(Role.EDITOR, 'Erin')).reviewer;
    await ingest('Gazette', [
      ['Unemployment fell to 3.9 percent in March.', 'Unemployment fell to 3.9 percent in March, the Labor Department said.'],
      ['Employers added 303,000 jobs in March.', 'Employers added 303,000 jobs in March.'],
    ]);
    await ingest('Herald', [
      ['The unemployment rate dropped to 3.9% in March.', 'The Labor Department said the unemployment rate dropped to 3.9% in March.'],
    ]);
    await ingest('Courier', [
      ['Unemployment fell to 4.1 percent in March.', 'Unemployment fell to 4.1 percent in March, the Labor Department said.'],
      ['Jobless rate at 3.9% in March', 'In March, unemployment fell to 3.9 percent.'],
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  it('links claims in other articles that state the same fact, most similar first, and not those with other figures', async () => {
    const claim = (await app.gql(SIMILAR, { id: ids['Unemployment fell to 3.9 percent in March.'] })).data!.claim;
    const texts = claim.similarClaims.edges.map((e: { node: { text: string } }) => e.node.text);
    expect(texts.sort()).toEqual(['Jobless rate at 3.9% in March', 'The unemployment rate dropped to 3.9% in March.']);
    expect(texts).not.toContain('Unemployment fell to 4.1 percent in March.');
    const scores = claim.similarClaims.edges.map((e: { score: number }) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(claim.similarClaims.totalCount).toBe(2);
    expect(claim.suggestedVerdict).toBeNull();
  });

  it('pages through similar claims with cursors', async () => {
    const id = ids['Unemployment fell to 3.9 percent in March.'];
    const first = (await app.gql(SIMILAR, { id, first: 1 })).data!.claim.similarClaims;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await app.gql(SIMILAR, { id, first: 1, after: first.pageInfo.endCursor })).data!.claim.similarClaims;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([first.edges[0].node.text, second.edges[0].node.text].sort()).toEqual(['Jobless rate at 3.9% in March', 'The unemployment rate dropped to 3.9% in March.']);
  });

  it('suggests the final verdict of the closest verified match, without applying it', async () => {
    const verified = ids['The unemployment rate dropped to 3.9% in March.'];
    for (const name of ['Ana', 'Ben']) {
      const reviewer = (await app.reviewer(Role.REVIEWER, name)).reviewer;
      const { version } = (await app.gql('query($id: ID!) { claim(id: $id) { version } }', { id: verified })).data!.claim;
      expect((await app.gql('mutation($input: SubmitReviewInput!) { submitReview(input: $input) { state } }', { input: {
        claimId: verified, expectedVersion: version, verdict: 'SUPPORTED', confidence: 0.9, rationale: 'BLS release', evidence: evidence(),
      } }, reviewer)).errors).toBeUndefined();
    }
    const claim = (await app.gql(SIMILAR, { id: ids['Unemployment fell to 3.9 percent in March.'] })).data!.claim;
    expect(claim.suggestedVerdict).toMatchObject({ verdict: 'SUPPORTED', state: 'VERIFIED', claim: { text: 'The unemployment rate dropped to 3.9% in March.' } });
    expect(claim).toMatchObject({ state: 'UNVERIFIED', version: 1 });
  });

  it('follows an edited claim text: a claim edited into another fact is no longer linked', async () => {
    const id = ids['Jobless rate at 3.9% in March'];
    const updated = await app.gql('mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }', {
      input: { claimId: id, expectedVersion: 1, text: 'Factory orders rose in March.' },
    }, editor);
    expect(updated.errors).toBeUndefined();
    const claim = (await app.gql(SIMILAR, { id: ids['Unemployment fell to 3.9 percent in March.'] })).data!.claim;
    expect(claim.similarClaims.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(['The unemployment rate dropped to 3.9% in March.']);
  });
});
