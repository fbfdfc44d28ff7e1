import type { Database } from '../../src/db/database';
import { fromGlobalId } from '../../src/domain/global-id';
import { Claim, ClaimEvent, IdempotencyKey, Review } from '../../src/entities';
import type { GqlResult } from './app';

/** What the verification tests read of a claim. */
export const CLAIM_FIELDS = `
  id version state text stance checkworthiness
  quote { exact prefix suffix start end }
  source { id name }
  assignee { id name }
  history { kind fromState toState note at actor { id name role } }
  reviews { id verdict confidence rationale reviewer { id name } evidence { url title excerpt stance } }
`;

const mutation = (name: string, input: string) =>
  `mutation ${name[0].toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { ${CLAIM_FIELDS} } }`;

/** The mutations of CONTRACT.md, each returning the claim with its history and reviews. */
export const MUTATIONS = {
  createClaim: mutation('createClaim', 'CreateClaimInput'),
  updateClaim: mutation('updateClaim', 'UpdateClaimInput'),
  assignClaim: mutation('assignClaim', 'AssignClaimInput'),
  startReview: mutation('startReview', 'StartReviewInput'),
  submitReview: mutation('submitReview', 'SubmitReviewInput'),
  setClaimState: mutation('setClaimState', 'SetClaimStateInput'),
  ingestArticle: 'mutation IngestArticle($input: IngestArticleInput!) { ingestArticle(input: $input) { id slug } }',
} as const;

export type MutationName = keyof typeof MUTATIONS;

export const CLAIM_QUERY = `query Claim($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`;

/** One evidence link, enough for a SUPPORTED, REFUTED or MISLEADING verdict. */
export function evidence(url = 'https://example.org/report', stance = 'SUPPORTS') {
  return [{ url, title: 'A report', stance }];
}

/** The row id behind a global id, for reading the database directly. */
export function rowIdOf(globalId: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global id: ${globalId}`);
  return decoded.id;
}

/** What the database holds for one claim: its row, its events oldest first, its reviews, its idempotency keys. */
export async function claimRows(db: Database, globalId: string) {
  const id = rowIdOf(globalId);
  const [claim, events, reviews, keys] = await Promise.all([
    db.reader.getRepository(Claim).findOneByOrFail({ id }),
    db.reader.getRepository(ClaimEvent).find({ where: { claimId: id }, order: { version: 'ASC' } }),
    db.reader.getRepository(Review).find({ where: { claimId: id }, order: { id: 'ASC' } }),
    db.reader.getRepository(IdempotencyKey).find({ where: { claimId: id } }),
  ]);
  return { claim, events, reviews, keys };
}

/** A GraphQL client over real HTTP, as a frontend would call the service. */
export function httpClient(url: string) {
  return async function gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<{ status: number; body: GqlResult<T> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as GqlResult<T> };
  };
}
