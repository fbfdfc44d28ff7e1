import { toCursor, toGlobalId } from '../../src/domain/global-id';
import { gql, HostileCase, hostileServer, mutate } from '../support/hostile';

// Valid documents with hostile values: variables that cannot be coerced, bad cursors and ids, hostile text.
const server = hostileServer();

const INPUT = 'BAD_USER_INPUT';
/** A lookup by a well-formed id (or slug) that names nothing: NOT_FOUND, or null. */
const LOOKUP_MISS = ['NOT_FOUND', null];
const KB = 1024;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const PAGE = 'query ($n: Int) { claims(first: $n) { totalCount } }';
const CLAIM = 'query ($id: ID!) { claim(id: $id) { id text } }';
const NODE = 'query ($id: ID!) { node(id: $id) { id } }';
const FILTER = 'query ($f: ClaimFilter) { claims(first: 5, filter: $f) { totalCount edges { node { id } } } }';
const AFTER = 'query ($after: String) { claims(first: 5, after: $after) { totalCount edges { node { id } } } }';
const SOURCES = 'query ($q: String) { sources(first: 5, search: $q) { totalCount } }';

/** A submitReview input that is valid but for what `change` says. */
const review = (claimId: string, change: Record<string, unknown> = {}) => ({
  claimId, expectedVersion: 1, verdict: 'SUPPORTED', confidence: 0.8, rationale: 'The record says so.',
  evidence: [{ url: 'https://example.org/record', stance: 'SUPPORTS' }], ...change,
});
const without = (input: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));

/** The lookup answered null: a well-formed id that names nothing. */
const isNull = (field: string) => (data: any) => (data?.[field] === null ? undefined : `${field} is ${JSON.stringify(data?.[field])}, expected null`);
/** A search matched fewer claims than there are: a wildcard or injection did not match everything. */
const notEverything = (data: any, f: { totalClaims: number }) =>
  data.claims.totalCount < f.totalClaims ? undefined : `the search matched all ${f.totalClaims} claims`;

server.category('variables that fail coercion', [
  { name: 'a string for an Int', request: gql(PAGE, { n: 'ten' }), status: 400, code: INPUT },
  { name: 'a fraction for an Int', request: gql(PAGE, { n: 1.5 }), status: 400, code: INPUT },
  { name: '1e100 for an Int', request: gql(PAGE, { n: 1e100 }), status: 400, code: INPUT },
  { name: '2147483648 for an Int', request: gql(PAGE, { n: 2147483648 }), status: 400, code: INPUT },
  { name: 'a boolean for an Int', request: gql(PAGE, { n: true }), status: 400, code: INPUT },
  { name: 'an object for an Int', request: gql(PAGE, { n: { $gt: 0 } }), status: 400, code: INPUT },
  { name: 'a list for an Int', request: gql(PAGE, { n: [1] }), status: 400, code: INPUT },
  { name: 'null for a non-null ID', request: gql(CLAIM, { id: null }), status: 400, code: INPUT },
  { name: 'a missing non-null ID', request: gql(CLAIM, {}), status: 400, code: INPUT },
  { name: 'an object for an ID', request: gql(CLAIM, { id: { $ne: null } }), status: 400, code: INPUT },
  { name: 'a fraction for an ID', request: gql(CLAIM, { id: 1.5 }), status: 400, code: INPUT },
  { name: 'an unknown input field', request: gql(FILTER, { f: { searchAll: 'x' } }), status: 400, code: INPUT },
  { name: 'an input field named constructor', request: gql(FILTER, { f: { constructor: { prototype: { admin: true } } } }), status: 400, code: INPUT },
  { name: 'a bad enum value, without suggestions', request: gql(FILTER, { f: { states: ['VERIFIEDD'] } }), status: 400, code: INPUT },
  { name: 'an enum value in lower case', request: gql(FILTER, { f: { stances: ['asserts'] } }), status: 400, code: INPUT },
  { name: 'null inside a list of non-null enums', request: gql(FILTER, { f: { states: [null] } }), status: 400, code: INPUT },
  { name: 'a number for a String', request: gql(FILTER, { f: { search: 123 } }), status: 400, code: INPUT },
  { name: 'an operator object for a String', request: gql(FILTER, { f: { search: { $regex: '.*' } } }), status: 400, code: INPUT },
  { name: 'a string for an input object', request: gql(FILTER, { f: 'states=VERIFIED' }), status: 400, code: INPUT },
  { name: 'a list for an input object', request: gql(FILTER, { f: [{ search: 'x' }] }), status: 400, code: INPUT },
  { name: 'a variable used where another type is declared', request: gql('query ($n: String) { claims(first: $n) { totalCount } }', { n: '5' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a variable that is not declared', request: gql('{ claim(id: $id) { id } }', { id: 'x' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a variable of an unknown type', request: gql('query ($id: ClaimId!) { claim(id: $id) { id } }', { id: 'x' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a submitReview missing its verdict', request: (f) => mutate('submitReview', without(review(f.claim.id), 'verdict'), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with null for its input', request: mutate('submitReview', null, 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with a string for confidence', request: (f) => mutate('submitReview', review(f.claim.id, { confidence: 'high' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with "NaN" for confidence', request: (f) => mutate('submitReview', review(f.claim.id, { confidence: 'NaN' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with "Infinity" for confidence', request: (f) => mutate('submitReview', review(f.claim.id, { confidence: 'Infinity' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with a verdict that does not exist', request: (f) => mutate('submitReview', review(f.claim.id, { verdict: 'TRUE' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with 1e100 as expectedVersion', request: (f) => mutate('submitReview', review(f.claim.id, { expectedVersion: 1e100 }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with a string as expectedVersion', request: (f) => mutate('submitReview', review(f.claim.id, { expectedVersion: '1' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with a string for its evidence list', request: (f) => mutate('submitReview', review(f.claim.id, { evidence: 'https://example.org/record' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with an evidence stance that does not exist', request: (f) => mutate('submitReview', review(f.claim.id, { evidence: [{ url: 'https://example.org/a', stance: 'AGREES' }] }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with evidence missing its stance', request: (f) => mutate('submitReview', review(f.claim.id, { evidence: [{ url: 'https://example.org/a' }] }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a submitReview with an extra field', request: (f) => mutate('submitReview', review(f.claim.id, { reviewerId: f.reviewerId }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a setClaimState to a state that does not exist', request: (f) => mutate('setClaimState', { claimId: f.claim.id, expectedVersion: 1, state: 'APPROVED', note: 'x' }, 'editor'), status: 400, code: INPUT },
]);

server.category('bad cursors and global ids', [
  { name: 'a garbage cursor', request: gql(AFTER, { after: 'garbage' }), status: 200, code: INPUT },
  { name: 'a cursor that is base64 of junk', request: gql(AFTER, { after: base64('junk:junk') }), status: 200, code: INPUT },
  { name: 'a cursor of articles on claims', request: gql(AFTER, { after: toCursor('Article', 1) }), status: 200, code: INPUT },
  { name: 'a global id as a cursor', request: gql(AFTER, { after: toGlobalId('Claim', 1) }), status: 200, code: INPUT },
  { name: 'a cursor at row 0', request: gql(AFTER, { after: base64('ClaimCursor:0') }), status: 200, code: INPUT },
  { name: 'a cursor at a negative row', request: gql(AFTER, { after: base64('ClaimCursor:-1') }), status: 200, code: INPUT },
  { name: 'a cursor beyond 2^31', request: gql(AFTER, { after: toCursor('Claim', 2 ** 31) }), status: 200, code: [INPUT, null] },
  { name: 'a cursor beyond 2^53', request: gql(AFTER, { after: base64('ClaimCursor:9007199254740993') }), status: 200, code: INPUT },
  { name: 'an empty cursor', request: gql(AFTER, { after: '' }), status: 200, code: INPUT },
  { name: 'a 10 KB cursor', request: gql(AFTER, { after: 'Q'.repeat(10 * KB) }), status: 200, code: INPUT },
  { name: 'a cursor with a NUL byte', request: gql(AFTER, { after: `${toCursor('Claim', 1)}\u0000` }), status: 400, code: INPUT },
  { name: 'a cursor that encodes a NUL byte', request: gql(AFTER, { after: base64('ClaimCursor:1\u0000') }), status: 200, code: INPUT },
  { name: 'a cursor that is SQL', request: gql(AFTER, { after: "1' OR '1'='1" }), status: 200, code: INPUT },
  { name: 'a cursor in standard base64 with padding', request: gql(AFTER, { after: Buffer.from('ClaimCursor:1').toString('base64') + '==' }), status: 200, code: INPUT },
  { name: 'a garbage claim id', request: gql(CLAIM, { id: 'garbage' }), status: 200, code: INPUT },
  { name: 'an article id for a claim', request: (f) => gql(CLAIM, { id: f.article.id }), status: 200, code: INPUT },
  { name: 'a claim id that names nothing', request: gql(CLAIM, { id: toGlobalId('Claim', 999_999) }), status: 200, code: LOOKUP_MISS, data: isNull('claim') },
  { name: 'a claim id beyond 2^31', request: gql(CLAIM, { id: toGlobalId('Claim', 2 ** 31) }), status: 200, code: [INPUT, ...LOOKUP_MISS] },
  { name: 'a claim id beyond 2^53', request: gql(CLAIM, { id: base64('Claim:9007199254740993') }), status: 200, code: INPUT },
  { name: 'a negative claim id', request: gql(CLAIM, { id: base64('Claim:-1') }), status: 200, code: INPUT },
  { name: 'a claim id of 0', request: gql(CLAIM, { id: base64('Claim:0') }), status: 200, code: INPUT },
  { name: 'an empty claim id', request: gql(CLAIM, { id: '' }), status: 200, code: INPUT },
  { name: 'a 10 KB claim id', request: gql(CLAIM, { id: 'Q'.repeat(10 * KB) }), status: 200, code: INPUT },
  { name: 'a claim id with a NUL byte', request: (f) => gql(CLAIM, { id: `${f.claim.id}\u0000` }), status: 400, code: INPUT },
  { name: 'a claim id that encodes SQL', request: gql(CLAIM, { id: base64("Claim:1 OR 1=1") }), status: 200, code: INPUT },
  { name: 'a claim id that is SQL', request: gql(CLAIM, { id: "' OR 1=1 --" }), status: 200, code: INPUT },
  { name: 'an integer as a claim id', request: gql(CLAIM, { id: 1 }), status: 200, code: INPUT },
  { name: 'a garbage id for node', request: gql(NODE, { id: 'garbage' }), status: 200, code: INPUT },
  { name: 'an id of a type that does not exist for node', request: gql(NODE, { id: base64('Password:1') }), status: 200, code: INPUT },
  { name: 'a node id that names nothing', request: gql(NODE, { id: toGlobalId('Review', 999_999) }), status: 200, code: LOOKUP_MISS, data: isNull('node') },
  { name: 'a node id beyond 2^31', request: gql(NODE, { id: toGlobalId('Source', 2 ** 31) }), status: 200, code: [INPUT, ...LOOKUP_MISS] },
  { name: 'a garbage article id', request: gql('query ($id: ID) { article(id: $id) { id } }', { id: 'garbage' }), status: 200, code: INPUT },
  { name: 'a claim id for an article', request: (f) => gql('query ($id: ID) { article(id: $id) { id } }', { id: f.claim.id }), status: 200, code: INPUT },
  { name: 'a garbage articleId in a filter', request: gql(FILTER, { f: { articleId: 'garbage' } }), status: 200, code: INPUT },
  { name: 'a claim id as the sourceId of a filter', request: (f) => gql(FILTER, { f: { sourceId: f.claim.id } }), status: 200, code: INPUT },
  { name: 'a sourceId beyond 2^53 in a filter', request: gql(FILTER, { f: { sourceId: base64('Source:9007199254740993') } }), status: 200, code: INPUT },
  { name: 'an articleId that names nothing in a filter', request: gql(FILTER, { f: { articleId: toGlobalId('Article', 999_999) } }), status: 200, code: ['NOT_FOUND', null] },
  { name: 'a garbage claimId for startReview', request: mutate('startReview', { claimId: 'garbage', expectedVersion: 1 }, 'reviewer'), status: 200, code: INPUT },
  { name: 'an article id as the claimId of startReview', request: (f) => mutate('startReview', { claimId: f.article.id, expectedVersion: 1 }, 'reviewer'), status: 200, code: INPUT },
  { name: 'a claimId that names nothing for startReview', request: mutate('startReview', { claimId: toGlobalId('Claim', 999_999), expectedVersion: 1 }, 'reviewer'), status: 200, code: 'NOT_FOUND' },
  { name: 'a claimId beyond 2^31 for submitReview', request: mutate('submitReview', review(toGlobalId('Claim', 2 ** 31)), 'reviewer'), status: 200, code: [INPUT, 'NOT_FOUND'] },
  { name: 'a claimId with a NUL byte for setClaimState', request: (f) => mutate('setClaimState', { claimId: `${f.claim.id}\u0000`, expectedVersion: 1, state: 'IN_REVIEW', note: 'x' }, 'editor'), status: 400, code: INPUT },
  { name: 'a garbage reviewerId for assignClaim', request: (f) => mutate('assignClaim', { claimId: f.claim.id, reviewerId: 'garbage', expectedVersion: 1 }, 'editor'), status: 200, code: INPUT },
  { name: 'a claim id as the reviewerId of assignClaim', request: (f) => mutate('assignClaim', { claimId: f.claim.id, reviewerId: f.claim.id, expectedVersion: 1 }, 'editor'), status: 200, code: INPUT },
  { name: 'a reviewerId that names nothing for assignClaim', request: (f) => mutate('assignClaim', { claimId: f.claim.id, reviewerId: toGlobalId('Reviewer', 999_999), expectedVersion: 1 }, 'editor'), status: 200, code: 'NOT_FOUND' },
  { name: 'a reviewerId beyond 2^31 for assignClaim', request: (f) => mutate('assignClaim', { claimId: f.claim.id, reviewerId: toGlobalId('Reviewer', 2 ** 31), expectedVersion: 1 }, 'editor'), status: 200, code: [INPUT, 'NOT_FOUND'] },
]);

const injections: HostileCase[] = [
  "' OR 1=1 --", '" OR ""="', "'; DROP TABLE claims; --", '"; DROP TABLE claims; --', "\\' OR 1=1 --",
  '%', '_', '\\', '%%%%%%%%', '%_%_%', "') OR ('1'='1",
].flatMap((text) => [
  { name: `a claim search for ${JSON.stringify(text)}`, request: gql(FILTER, { f: { search: text } }), status: 200, code: null, data: notEverything },
  { name: `a source search for ${JSON.stringify(text)}`, request: gql(SOURCES, { q: text }), status: 200, code: null },
]);

// Text that cannot be stored (NUL, a lone surrogate) is refused before anything runs, like a variable that fails coercion: HTTP 400.
server.category('hostile text inputs', [
  { name: 'a 100 KB claim search', request: gql(FILTER, { f: { search: 'a'.repeat(100 * KB) } }), status: 200, code: INPUT },
  { name: 'a 1 MB claim search', request: gql(FILTER, { f: { search: 'a'.repeat(1024 * KB) } }), status: 200, code: INPUT },
  { name: 'a 100 KB claim search of wildcards', request: gql(FILTER, { f: { search: '%_'.repeat(50 * KB) } }), status: 200, code: INPUT },
  { name: 'a 1 MB claim search written in the document', request: gql(`{ claims(first: 1, filter: { search: "${'a'.repeat(1024 * KB)}" }) { totalCount } }`), status: 200, code: INPUT },
  { name: 'a 100 KB source search', request: gql(SOURCES, { q: 'b'.repeat(100 * KB) }), status: 200, code: INPUT },
  { name: "a 100 KB search in an article's claims", request: (f) => gql('query ($id: ID, $q: String) { article(id: $id) { claims(first: 5, filter: { search: $q }) { totalCount } } }', { id: f.article.id, q: 'c'.repeat(100 * KB) }), status: 200, code: INPUT },
  { name: 'a claim search with a NUL byte', request: gql(FILTER, { f: { search: 'water\u0000rates' } }), status: 400, code: INPUT },
  { name: 'a source search with a NUL byte', request: gql(SOURCES, { q: '\u0000' }), status: 400, code: INPUT },
  { name: 'a claim search with a lone surrogate', request: gql(FILTER, { f: { search: 'water \ud800' } }), status: 400, code: INPUT },
  { name: 'a source search with a lone low surrogate', request: gql(SOURCES, { q: '\udfff' }), status: 400, code: INPUT },
  { name: 'a claim search with bidi overrides', request: gql(FILTER, { f: { search: '\u202Esetar retaw\u202C' } }), status: 200, code: null },
  { name: 'a claim search of only whitespace', request: gql(FILTER, { f: { search: ' \t\n ' } }), status: 200, code: null },
  { name: 'an article slug that is SQL', request: gql('{ article(slug: "\' OR 1=1 --") { id } }'), status: 200, code: LOOKUP_MISS, data: isNull('article') },
  { name: 'an article slug with a NUL byte', request: gql('query ($s: String) { article(slug: $s) { id } }', { s: 'city\u0000' }), status: 400, code: INPUT },
  { name: 'a 100 KB article slug', request: gql('query ($s: String) { article(slug: $s) { id } }', { s: 'x'.repeat(100 * KB) }), status: 200, code: [INPUT, ...LOOKUP_MISS] },
  { name: 'a list of 100,000 states', request: gql(FILTER, { f: { states: Array.from({ length: 100_000 }, () => 'VERIFIED') } }), status: 200, code: INPUT },
  { name: 'a list of 100,000 stances', request: gql(FILTER, { f: { stances: Array.from({ length: 100_000 }, (_, i) => ['ASSERTS', 'HEDGES', 'DENIES'][i % 3]) } }), status: 200, code: INPUT },
  { name: 'lists of 100,000 states and stances together', request: gql(FILTER, { f: { states: Array(100_000).fill('DISPUTED'), stances: Array(100_000).fill('DENIES') } }), status: 200, code: INPUT },
  { name: 'a source name with SQL and a NUL byte in createClaim', request: (f) => mutate('createClaim', { articleId: f.article.id, text: 'A claim', quote: { exact: f.article.body.slice(0, 40) }, source: { name: "Robert'); DROP TABLE sources;--\u0000" }, stance: 'ASSERTS' }, 'editor'), status: 400, code: INPUT },
  { name: 'a claim text with a NUL byte in updateClaim', request: (f) => mutate('updateClaim', { claimId: f.spare[0], expectedVersion: 1, text: 'Rates rise\u0000 by 18 percent' }, 'editor'), status: 400, code: INPUT },
  { name: 'an evidence title with a NUL byte', request: (f) => mutate('submitReview', review(f.spare[1], { evidence: [{ url: 'https://example.org/a', title: 'a\u0000b', stance: 'SUPPORTS' }] }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a rationale with a NUL byte', request: (f) => mutate('submitReview', review(f.spare[2], { rationale: 'Because\u0000' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'a setClaimState note with a NUL byte', request: (f) => mutate('setClaimState', { claimId: f.spare[3], expectedVersion: 1, state: 'IN_REVIEW', note: 'reopen\u0000' }, 'editor'), status: 400, code: INPUT },
  { name: 'an idempotency key with a NUL byte', request: (f) => mutate('submitReview', review(f.spare[4], { idempotencyKey: 'k\u0000' }), 'reviewer'), status: 400, code: INPUT },
  { name: 'an idempotency key of 10 KB', request: (f) => mutate('submitReview', review(f.spare[5], { idempotencyKey: 'k'.repeat(10 * KB) }), 'reviewer'), status: 200, code: INPUT },
  ...injections,
]);
