/**
 * Every length, size and range limit of claimgraph, declared once: the entity columns, the validators and
 * the query cost estimate all read them here, so a column can never be narrower than what its check allows.
 */

/** Page sizes of every connection (`first`). */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** Row ids are 32-bit integers on PostgreSQL; a larger id names nothing and is refused before any SQL. */
export const MAX_ROW_ID = 2_147_483_647;
/** A global id or cursor is base64url of `Type:rowId`: anything longer is not one of ours. */
export const MAX_GLOBAL_ID_LENGTH = 64;

/** Free text, in characters (UTF-16 code units for storage columns). */
export const TEXT = {
  articleTitle: 500,
  articleSlug: 200,
  articlePublisher: 200,
  articleLanguage: 35,
  claimText: 2_000,
  /** A quote's prefix or suffix as a client may send it (the stored ones are QUOTE_CONTEXT long). */
  quoteContext: 1_000,
  sourceName: 300,
  sourceAffiliation: 300,
  reviewerName: 200,
  rationale: 10_000,
  note: 10_000,
  evidenceUrl: 2_048,
  evidenceTitle: 500,
  evidenceExcerpt: 5_000,
  idempotencyKey: 200,
  /** `search` in claim filters and `sources(search:)`. */
  search: 200,
} as const;

/** Lists a client sends or reads. */
export const LISTS = {
  /** Claims an article may carry when it is stored. */
  claimsPerArticle: 2_000,
  /** Evidence links of one review. */
  evidencePerReview: 10,
  /** Items of a `states` or `stances` filter (there are only a handful of values). */
  filterValues: 20,
  /** `Claim.reviews` shows at most this many, the newest, oldest first. */
  reviewsShown: 20,
  /** `Claim.history` shows at most this many events, the newest, oldest first. */
  historyShown: 100,
  /** `Article.revisions` shows at most this many, the newest, oldest first. */
  revisionsShown: 100,
  /** Candidates (claims sharing the most index terms) re-ranked for a claim's similar claims. */
  similarCandidates: 200,
  /** Claims one bulk editor action (`assignClaims`, `setClaimStates`) may name. */
  bulkClaims: 100,
  /** `agreement` reports on the this many most active reviewers (and the pairs among them). */
  agreementReviewers: 50,
  /** Pairs among `agreementReviewers`: n·(n − 1)/2. */
  agreementPairs: (50 * 49) / 2,
} as const;

/** How deep a request's structures may nest, checked before anything recurses into them. */
export const NESTING = {
  /** Brackets in a GraphQL document (at least; more when the depth limit is raised): deeper exhausts the parser's stack. */
  documentBrackets: 64,
  /** Variables' values: no input type of ours nests deeper. */
  variables: 32,
} as const;

/** Confidence of a review. */
export const CONFIDENCE = { min: 0, max: 1 } as const;

// NUL cannot be stored by PostgreSQL, and a lone surrogate cannot be encoded as UTF-8 at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bidirectional overrides and isolates make a name display as something it is not.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Why a piece of text cannot be stored faithfully (NUL, a lone surrogate), or null when it can. */
export function unstorableText(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000' ? 'must not contain NUL characters' : 'must not contain unpaired surrogate characters';
}

/** Why a name (of a person, source or reviewer) is unacceptable beyond its length, or null when it is fine. */
export function unacceptableName(name: string): string | null {
  return unstorableText(name) ?? (BIDI_CONTROLS.test(name) ? 'must not contain bidirectional control characters' : null);
}

/**
 * `totalCount` is exact up to this many matches when no maintained tally answers the filter (a source's
 * claims, a text search); beyond it the count stops there and `totalCountIsExact` is false, so a page
 * never counts a whole large table.
 */
export const EXACT_COUNT_UP_TO = 1_000;

/**
 * Text search. A trigram index answers a search of at least `indexedFrom` characters (code points); a
 * shorter one has no trigram to look up and scans claims in id order instead, at most `shortScanRows` of
 * them per request: a page of such a search may then hold fewer claims than asked for (even none), with
 * `hasNextPage` true and an `endCursor` that resumes the scan where it stopped, and its `totalCount` counts
 * only the claims scanned (`totalCountIsExact: false` when the scan stopped early).
 */
export const SEARCH = { indexedFrom: 3, shortScanRows: 10_000 } as const;
