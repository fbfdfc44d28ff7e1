import { MutationName } from '../support/verification';
import { Caller, Fixture, gql, HostileCase, HostileRequest, hostileServer, mutate } from '../support/hostile';

// Every mutation without a valid token, with a bad one, and with too low a role: refused, nothing written.
const server = hostileServer();

/** A well-formed input for each mutation: refused only for who sends it. */
const INPUTS: Record<MutationName, (f: Fixture) => Record<string, unknown>> = {
  ingestArticle: () => ({ title: 'Council raises fees', body: 'The council said on Monday that parking fees will rise by 10 percent.' }),
  createClaim: (f) => ({ articleId: f.article.id, text: 'A claim from the article', quote: { exact: f.article.body.slice(0, 40) }, source: { name: 'A Spokesperson' }, stance: 'ASSERTS' }),
  updateClaim: (f) => ({ claimId: f.claim.id, expectedVersion: f.claim.version, text: 'Rewritten by someone who may not' }),
  assignClaim: (f) => ({ claimId: f.claim.id, reviewerId: f.reviewerId, expectedVersion: f.claim.version }),
  startReview: (f) => ({ claimId: f.claim.id, expectedVersion: f.claim.version }),
  submitReview: (f) => ({
    claimId: f.claim.id, expectedVersion: f.claim.version, verdict: 'REFUTED', confidence: 0.7,
    rationale: 'The record says otherwise.', evidence: [{ url: 'https://example.org/record', stance: 'REFUTES' }],
  }),
  setClaimState: (f) => ({ claimId: f.claim.id, expectedVersion: f.claim.version, state: 'FALSE', note: 'Decided without a review' }),
};
const MUTATION_NAMES = Object.keys(INPUTS) as MutationName[];
const EDITOR_ONLY: MutationName[] = ['createClaim', 'updateClaim', 'assignClaim', 'setClaimState', 'ingestArticle'];
const REVIEWER_UP: MutationName[] = ['startReview', 'submitReview'];

/** Ways to present a token that is not a valid one. */
const BAD_HEADERS: [string, (f: Fixture) => string][] = [
  ['a bare "Bearer"', () => 'Bearer'],
  ['Basic credentials', () => 'Basic dXNlcjpwYXNzd29yZA=='],
  ['two tokens in one header', (f) => `Bearer ${f.tokens.editor} ${f.tokens.editor}`],
  ['two Bearer credentials in one header', (f) => `Bearer ${f.tokens.editor}, Bearer ${f.tokens.reviewer}`],
  ['an unknown token', () => `Bearer cg_${'A'.repeat(43)}`],
  ['a revoked token', (f) => `Bearer ${f.tokens.revoked}`],
];

const withHeader = (request: HostileRequest, authorization: string): HostileRequest => ({ ...request, headers: { ...request.headers, authorization } });

server.category('mutations without a valid token', MUTATION_NAMES.flatMap((name): HostileCase[] => [
  { name: `${name} with no token`, request: (f) => mutate(name, INPUTS[name](f)), status: 401, code: 'UNAUTHENTICATED' },
  ...BAD_HEADERS.map(([what, header]): HostileCase => ({
    name: `${name} with ${what}`,
    request: (f) => withHeader(mutate(name, INPUTS[name](f)), header(f)),
    status: 401,
    code: 'UNAUTHENTICATED',
  })),
]));

server.category('bad tokens on queries', [
  ...BAD_HEADERS.map(([what, header]): HostileCase => ({
    name: `a query with ${what}`, request: (f) => withHeader(gql('{ claims(first: 1) { totalCount } }'), header(f)), status: 401, code: 'UNAUTHENTICATED',
  })),
  { name: 'me with a revoked token', request: gql('{ me { id name role } }', undefined, 'revoked'), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a query with a 10 KB token', request: withHeader(gql('{ me { id } }'), `Bearer ${'x'.repeat(10 * 1024)}`), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a query with a token that is SQL', request: withHeader(gql('{ me { id } }'), "Bearer '||'1'='1"), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a query with the hash of a token instead of the token', request: withHeader(gql('{ me { id } }'), `Bearer ${'0'.repeat(64)}`), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a query with a Digest scheme', request: withHeader(gql('{ me { id } }'), 'Digest username="admin", response="x"'), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a GET query with a revoked token', request: (f) => ({ method: 'GET', path: '/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D', headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${f.tokens.revoked}` } }), status: 401, code: 'UNAUTHENTICATED' },
]);

const tooLow = (name: MutationName, as: Caller): HostileCase => ({
  name: `${name} as a ${as.toUpperCase()}`, request: (f) => mutate(name, INPUTS[name](f), as), status: 200, code: 'FORBIDDEN',
});

server.category('roles too low', [
  ...REVIEWER_UP.map((name) => tooLow(name, 'viewer')),
  ...EDITOR_ONLY.map((name) => tooLow(name, 'viewer')),
  ...EDITOR_ONLY.map((name) => tooLow(name, 'reviewer')),
  { name: 'an editor mutation behind an alias, as a REVIEWER', request: (f) => ({ json: { query: 'mutation ($x: SetClaimStateInput!) { harmless: setClaimState(input: $x) { id } }', variables: { x: INPUTS.setClaimState(f) } }, as: 'reviewer' }), status: 200, code: 'FORBIDDEN' },
  { name: 'two editor mutations in one request, as a VIEWER', request: (f) => ({ json: { query: 'mutation ($a: AssignClaimInput!, $x: SetClaimStateInput!) { assignClaim(input: $a) { id } setClaimState(input: $x) { id } }', variables: { a: INPUTS.assignClaim(f), x: INPUTS.setClaimState(f) } }, as: 'viewer' }), status: 200, code: 'FORBIDDEN' },
]);
