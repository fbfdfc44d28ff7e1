import { toGlobalId } from '../../src/domain/global-id';
import { Fixture, HostileCase, hostileServer, mutate } from '../support/hostile';

// Abuse of the review workflow and of article ingestion by callers who may use them: refused, nothing written.
const server = hostileServer();

const INPUT = 'BAD_USER_INPUT';
const KB = 1024;

/** A valid SUPPORTED verdict on a claim at `version`, but for what `change` says. */
const verdict = (claimId: string, version: number, change: Record<string, unknown> = {}) => ({
  claimId, expectedVersion: version, verdict: 'SUPPORTED', confidence: 0.8, rationale: 'The minutes record the vote.',
  evidence: [{ url: 'https://example.org/minutes', title: 'Minutes', stance: 'SUPPORTS' }], ...change,
});
/** A verdict on the n-th untouched claim, so a wrongly accepted one changes no other case's claim. */
const onSpare = (n: number, change: Record<string, unknown>) => (f: Fixture) => mutate('submitReview', verdict(f.spare[n], 1, change), 'reviewer');
const evidenceUrl = (n: number, url: string) => onSpare(n, { evidence: [{ url, stance: 'SUPPORTS' }] });
/** The keyed claim's first submission, resent with `change`. */
const resend = (change: Record<string, unknown>) => (f: Fixture) => mutate('submitReview', { ...f.keyedClaim.input, ...change }, 'reviewer');

server.category('workflow abuse', [
  { name: 'a submitReview with a stale expectedVersion', request: (f) => mutate('submitReview', verdict(f.keyedClaim.id, f.keyedClaim.version - 1), 'reviewer2'), status: 200, code: 'CONFLICT', extensions: (f) => ({ currentVersion: f.keyedClaim.version }) },
  { name: 'a startReview with a version from the future', request: (f) => mutate('startReview', { claimId: f.claim.id, expectedVersion: f.claim.version + 5 }, 'reviewer'), status: 200, code: 'CONFLICT', extensions: (f) => ({ currentVersion: f.claim.version }) },
  { name: 'a setClaimState with a stale expectedVersion', request: (f) => mutate('setClaimState', { claimId: f.finalClaim.id, expectedVersion: 1, state: 'IN_REVIEW', note: 'Reopen' }, 'editor'), status: 200, code: 'CONFLICT', extensions: (f) => ({ currentVersion: f.finalClaim.version }) },
  { name: 'an updateClaim with a stale expectedVersion', request: (f) => mutate('updateClaim', { claimId: f.keyedClaim.id, expectedVersion: 1, text: 'Rewritten' }, 'editor'), status: 200, code: 'CONFLICT', extensions: (f) => ({ currentVersion: f.keyedClaim.version }) },
  { name: 'an assignClaim with a stale expectedVersion', request: (f) => mutate('assignClaim', { claimId: f.keyedClaim.id, reviewerId: f.reviewerId, expectedVersion: 1 }, 'editor'), status: 200, code: 'CONFLICT', extensions: (f) => ({ currentVersion: f.keyedClaim.version }) },
  { name: 'an expectedVersion of 2147483647', request: (f) => mutate('startReview', { claimId: f.claim.id, expectedVersion: 2147483647 }, 'reviewer'), status: 200, code: 'CONFLICT' },
  { name: 'a negative expectedVersion', request: (f) => mutate('startReview', { claimId: f.claim.id, expectedVersion: -1 }, 'reviewer'), status: 200, code: ['CONFLICT', INPUT] },
  { name: 'a reused idempotency key with another verdict', request: resend({ verdict: 'REFUTED', evidence: [{ url: 'https://example.org/minutes', stance: 'REFUTES' }] }), status: 200, code: INPUT },
  { name: 'a reused idempotency key with another rationale', request: resend({ rationale: 'A different reason.' }), status: 200, code: INPUT },
  { name: 'a reused idempotency key with another confidence', request: resend({ confidence: 0.1 }), status: 200, code: INPUT },
  { name: 'a reused idempotency key with other evidence', request: resend({ evidence: [{ url: 'https://example.org/other', stance: 'SUPPORTS' }] }), status: 200, code: INPUT },
  { name: 'a reused idempotency key on another claim', request: (f) => mutate('submitReview', { ...f.keyedClaim.input, claimId: f.spare[0] }, 'reviewer'), status: 200, code: INPUT },
  { name: 'a reused idempotency key with another expectedVersion', request: (f) => resend({ expectedVersion: f.keyedClaim.version })(f), status: 200, code: INPUT },
  {
    name: 'the same idempotency key with the same input (a replay)', request: resend({}), status: 200, code: null,
    data: (data, f) => (data.submitReview.version === f.keyedClaim.version ? undefined : `the replay answered version ${data.submitReview.version}, not ${f.keyedClaim.version}`),
  },
  { name: 'a submitReview on a VERIFIED claim', request: (f) => mutate('submitReview', verdict(f.finalClaim.id, f.finalClaim.version, { verdict: 'REFUTED', evidence: [{ url: 'https://example.org/x', stance: 'REFUTES' }] }), 'editor'), status: 200, code: 'INVALID_TRANSITION' },
  { name: 'a startReview on a VERIFIED claim', request: (f) => mutate('startReview', { claimId: f.finalClaim.id, expectedVersion: f.finalClaim.version }, 'reviewer'), status: 200, code: 'INVALID_TRANSITION' },
  { name: 'a startReview on a claim already in review', request: (f) => mutate('startReview', { claimId: f.keyedClaim.id, expectedVersion: f.keyedClaim.version }, 'reviewer2'), status: 200, code: 'INVALID_TRANSITION' },
  { name: 'a setClaimState to the state the claim has', request: (f) => mutate('setClaimState', { claimId: f.finalClaim.id, expectedVersion: f.finalClaim.version, state: 'VERIFIED', note: 'Again' }, 'editor'), status: 200, code: 'INVALID_TRANSITION' },
  { name: 'an evidence URL that is javascript:', request: evidenceUrl(0, 'javascript:alert(document.cookie)'), status: 200, code: INPUT },
  { name: 'an evidence URL that is JaVaScRiPt: with leading spaces', request: evidenceUrl(0, '   JaVaScRiPt:alert(1)'), status: 200, code: INPUT },
  { name: 'an evidence URL that is file:', request: evidenceUrl(0, 'file:///etc/passwd'), status: 200, code: INPUT },
  { name: 'an evidence URL that is data:', request: evidenceUrl(0, 'data:text/html,<script>alert(1)</script>'), status: 200, code: INPUT },
  { name: 'an evidence URL that is ftp:', request: evidenceUrl(0, 'ftp://example.org/report.pdf'), status: 200, code: INPUT },
  { name: 'a relative evidence URL', request: evidenceUrl(0, '/reports/1'), status: 200, code: INPUT },
  { name: 'a protocol-relative evidence URL', request: evidenceUrl(0, '//evil.example/x'), status: 200, code: INPUT },
  { name: 'an evidence URL with no host', request: evidenceUrl(0, 'https://'), status: 200, code: INPUT },
  { name: 'an evidence URL of 10 KB', request: evidenceUrl(0, `https://example.org/${'a'.repeat(10 * KB)}`), status: 200, code: INPUT },
  { name: 'an evidence URL with a NUL byte', request: evidenceUrl(0, 'https://example.org/\u0000'), status: 400, code: INPUT },
  { name: '51 evidence links', request: onSpare(0, { evidence: Array.from({ length: 51 }, (_, i) => ({ url: `https://example.org/${i}`, stance: 'SUPPORTS' })) }), status: 200, code: INPUT },
  { name: '20,000 evidence links', request: onSpare(0, { evidence: Array.from({ length: 20_000 }, () => ({ url: 'https://e.org', stance: 'CONTEXT' })) }), status: 200, code: INPUT },
  { name: 'an evidence title of 100 KB', request: onSpare(0, { evidence: [{ url: 'https://example.org/a', title: 't'.repeat(100 * KB), stance: 'SUPPORTS' }] }), status: 200, code: INPUT },
  { name: 'an evidence excerpt of 100 KB', request: onSpare(0, { evidence: [{ url: 'https://example.org/a', excerpt: 'e'.repeat(100 * KB), stance: 'SUPPORTS' }] }), status: 200, code: INPUT },
  { name: 'a negative confidence', request: onSpare(0, { confidence: -0.1 }), status: 200, code: INPUT },
  { name: 'a confidence above 1', request: onSpare(0, { confidence: 1.0001 }), status: 200, code: INPUT },
  { name: 'a confidence of 1e308', request: onSpare(0, { confidence: 1e308 }), status: 200, code: INPUT },
  { name: 'a confidence that overflows to Infinity', request: (f) => ({ body: JSON.stringify({ query: 'mutation ($input: SubmitReviewInput!) { submitReview(input: $input) { id } }', variables: { input: verdict(f.spare[0], 1, { confidence: 0 }) } }).replace('"confidence":0', '"confidence":1e999'), headers: { 'content-type': 'application/json' }, as: 'reviewer' }), status: 400, code: INPUT },
  { name: 'a whitespace-only rationale', request: onSpare(0, { rationale: ' \n\t ' }), status: 200, code: INPUT },
  { name: 'a rationale of non-breaking spaces', request: onSpare(0, { rationale: '\u00a0\u3000\u00a0' }), status: 200, code: INPUT },
  { name: 'a rationale of 10,001 characters', request: onSpare(0, { rationale: 'r'.repeat(10_001) }), status: 200, code: INPUT },
  { name: 'a rationale of 1 MB', request: onSpare(0, { rationale: 'r'.repeat(1024 * KB) }), status: 200, code: INPUT },
  { name: 'a whitespace-only idempotency key', request: onSpare(0, { idempotencyKey: '   ' }), status: 200, code: INPUT },
  { name: 'a whitespace-only setClaimState note', request: (f) => mutate('setClaimState', { claimId: f.spare[0], expectedVersion: 1, state: 'IN_REVIEW', note: '  \n ' }, 'editor'), status: 200, code: INPUT },
  { name: 'a setClaimState note of 10,001 characters', request: (f) => mutate('setClaimState', { claimId: f.spare[0], expectedVersion: 1, state: 'IN_REVIEW', note: 'n'.repeat(10_001) }, 'editor'), status: 200, code: INPUT },
  { name: 'an assignClaim to a VIEWER', request: (f) => mutate('assignClaim', { claimId: f.spare[0], reviewerId: f.viewerId, expectedVersion: 1 }, 'editor'), status: 200, code: INPUT },
  { name: 'an assignClaim to a revoked reviewer', request: (f) => mutate('assignClaim', { claimId: f.spare[0], reviewerId: f.revokedId, expectedVersion: 1 }, 'editor'), status: 200, code: INPUT },
  { name: 'a createClaim whose quote is not in the article', request: (f) => mutate('createClaim', { articleId: f.article.id, text: 'Invented', quote: { exact: 'words that appear nowhere in the article body' }, source: { name: 'Someone' }, stance: 'ASSERTS' }, 'editor'), status: 200, code: INPUT },
  { name: 'a createClaim with a whitespace-only text', request: (f) => mutate('createClaim', { articleId: f.article.id, text: '   ', quote: { exact: f.article.body.slice(0, 30) }, source: { name: 'Someone' }, stance: 'ASSERTS' }, 'editor'), status: 200, code: INPUT },
  { name: 'a createClaim with a whitespace-only source name', request: (f) => mutate('createClaim', { articleId: f.article.id, text: 'A claim', quote: { exact: f.article.body.slice(0, 30) }, source: { name: ' \t ' }, stance: 'ASSERTS' }, 'editor'), status: 200, code: INPUT },
  { name: 'a createClaim with a checkworthiness of 2', request: (f) => mutate('createClaim', { articleId: f.article.id, text: 'A claim', quote: { exact: f.article.body.slice(0, 30) }, source: { name: 'Someone' }, stance: 'ASSERTS', checkworthiness: 2 }, 'editor'), status: 200, code: INPUT },
  { name: 'a createClaim with a quote start far past the body', request: (f) => mutate('createClaim', { articleId: f.article.id, text: 'A claim', quote: { exact: 'nowhere to be found', start: 2147483647 }, source: { name: 'Someone' }, stance: 'ASSERTS' }, 'editor'), status: 200, code: INPUT },
  { name: 'an updateClaim with a quote that does not anchor', request: (f) => mutate('updateClaim', { claimId: f.spare[1], expectedVersion: 1, quote: { exact: 'not in this article at all, not anywhere' } }, 'editor'), status: 200, code: INPUT },
]);

/** An ingestArticle as an EDITOR of a valid article but for what `change` says. */
const ingest = (change: Record<string, unknown>) => mutate('ingestArticle', {
  title: 'Harbour authority raises docking fees', publisher: 'Harbour Herald',
  body: 'The harbour authority said on Monday that docking fees will rise by 12 percent next year.', ...change,
}, 'editor');
const BODY = 'The harbour authority said on Monday that docking fees will rise by 12 percent next year.';
const seedClaim = (exact: string) => ({ text: 'Docking fees will rise by 12 percent', quote: { exact }, source: { name: 'Harbour authority' }, stance: 'ASSERTS' });

server.category('hostile articles', [
  { name: 'an empty body', request: ingest({ body: '' }), status: 200, code: INPUT },
  { name: 'a whitespace-only body', request: ingest({ body: ' \n\t\r\n ' }), status: 200, code: INPUT },
  { name: 'an empty title', request: ingest({ title: '' }), status: 200, code: INPUT },
  { name: 'a whitespace-only title', request: ingest({ title: '\u00a0 \t' }), status: 200, code: INPUT },
  { name: 'a body one byte over MAX_ARTICLE_BYTES', request: ingest({ body: `${BODY} ${'x'.repeat(1024 * KB - BODY.length)}` }), status: 200, code: INPUT },
  { name: 'a body over MAX_ARTICLE_BYTES in two-byte characters', request: ingest({ body: `${BODY} ${'é'.repeat(530 * KB)}` }), status: 200, code: INPUT },
  { name: 'a body with NUL bytes', request: ingest({ body: `${BODY}\u0000\u0000` }), status: 400, code: INPUT },
  { name: 'a body of control characters', request: ingest({ body: '\u0001\u0002\u0003\u0004' }), status: 200, code: INPUT },
  { name: 'a title with a NUL byte', request: ingest({ title: 'Harbour\u0000fees' }), status: 400, code: INPUT },
  { name: 'a title of 100 KB', request: ingest({ title: 'T'.repeat(100 * KB) }), status: 200, code: INPUT },
  { name: 'a publisher of 100 KB', request: ingest({ publisher: 'P'.repeat(100 * KB) }), status: 200, code: INPUT },
  { name: 'a title that is SQL, with an empty body', request: ingest({ title: "'); DROP TABLE articles; --", body: '' }), status: 200, code: INPUT },
  { name: 'a claim whose quote does not anchor', request: ingest({ claims: [seedClaim('fees will fall by half')] }), status: 200, code: INPUT },
  { name: 'one anchored claim and one that does not anchor', request: ingest({ claims: [seedClaim('docking fees will rise by 12 percent'), seedClaim('fees will fall by half')] }), status: 200, code: INPUT },
  { name: 'a claim with a whitespace-only text', request: ingest({ claims: [{ ...seedClaim('docking fees will rise by 12 percent'), text: '  ' }] }), status: 200, code: INPUT },
  { name: '2,001 claims', request: ingest({ claims: Array.from({ length: 2001 }, () => seedClaim('docking fees will rise by 12 percent')) }), status: 200, code: INPUT },
  { name: 'a publishedAt that is not a date', request: ingest({ publishedAt: 'yesterday' }), status: 400, code: INPUT },
  { name: 'a publishedAt of 30 February', request: ingest({ publishedAt: '2025-02-30T10:00:00Z' }), status: 400, code: INPUT },
  { name: 'a publishedAt beyond the year 275760', request: ingest({ publishedAt: '+275760-09-13T00:00:01Z' }), status: 400, code: INPUT },
  { name: 'a publishedAt that is a number', request: ingest({ publishedAt: 1e100 }), status: 400, code: INPUT },
  { name: 'a url that is javascript:', request: ingest({ url: 'javascript:alert(1)' }), status: 200, code: INPUT },
  { name: 'a url that is javascript: disguised as http', request: ingest({ url: 'javascript://example.org/%0aalert(1)' }), status: 200, code: INPUT },
  { name: 'a url that is file:', request: ingest({ url: 'file:///etc/passwd' }), status: 200, code: INPUT },
  { name: 'a url that is data:', request: ingest({ url: 'data:text/html,<script>alert(1)</script>' }), status: 200, code: INPUT },
  { name: 'a language that is SQL', request: ingest({ language: "en'; DROP TABLE articles; --" }), status: 200, code: INPUT },
  { name: 'a slug that climbs directories', request: ingest({ slug: '../../etc/passwd' }), status: 200, code: INPUT },
  { name: 'a slug with a NUL byte', request: ingest({ slug: 'harbour\u0000fees' }), status: 400, code: INPUT },
  { name: 'another text under a stored slug', request: (f) => ingest({ slug: f.article.slug }), status: 200, code: 'CONFLICT' },
  {
    name: 'the same article again (stores nothing new)',
    request: (f) => mutate('ingestArticle', { title: f.article.title, body: f.article.body, slug: f.article.slug, publisher: f.article.publisher }, 'editor'),
    status: 200, code: null,
    data: (data, f) => (data.ingestArticle.id === f.article.id ? undefined : `answered article ${data.ingestArticle.id}, not ${f.article.id}`),
  },
  { name: 'an article whose id is forged into the input', request: ingest({ id: toGlobalId('Article', 1) }), status: 400, code: INPUT },
] as HostileCase[]);
