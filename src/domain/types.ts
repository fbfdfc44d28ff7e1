/** The vocabulary of claimgraph, shared by the pure rules, the entities and the GraphQL schema. */

export enum Stance {
  ASSERTS = 'ASSERTS',
  HEDGES = 'HEDGES',
  DENIES = 'DENIES',
}

export enum SourceKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  GOVERNMENT = 'GOVERNMENT',
  PUBLICATION = 'PUBLICATION',
  UNKNOWN = 'UNKNOWN',
}

export enum VerificationState {
  UNVERIFIED = 'UNVERIFIED',
  IN_REVIEW = 'IN_REVIEW',
  DISPUTED = 'DISPUTED',
  VERIFIED = 'VERIFIED',
  FALSE = 'FALSE',
  MISLEADING = 'MISLEADING',
  UNVERIFIABLE = 'UNVERIFIABLE',
}

export enum Verdict {
  SUPPORTED = 'SUPPORTED',
  REFUTED = 'REFUTED',
  MISLEADING = 'MISLEADING',
  UNVERIFIABLE = 'UNVERIFIABLE',
}

export enum EvidenceStance {
  SUPPORTS = 'SUPPORTS',
  REFUTES = 'REFUTES',
  CONTEXT = 'CONTEXT',
}

export enum ClaimEventKind {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  ASSIGNED = 'ASSIGNED',
  REVIEW_STARTED = 'REVIEW_STARTED',
  REVIEW_SUBMITTED = 'REVIEW_SUBMITTED',
  STATE_CHANGED = 'STATE_CHANGED',
  /** The article was revised and the claim's quote re-anchored in the new text. */
  ANCHOR_CHANGED = 'ANCHOR_CHANGED',
}

/** How a claim's quote stands in the article's current revision. */
export enum AnchorStatus {
  /** The same words where the edits put them, after the same text as before. */
  ANCHORED = 'ANCHORED',
  /** The same words, but what precedes them changed, or they now stand elsewhere. */
  MOVED = 'MOVED',
  /** Not found word for word; the closest passage within the error threshold stands in. */
  FUZZY = 'FUZZY',
  /** Nowhere in the current text; the quote keeps its last good anchor (in `anchorRevision`). */
  ORPHANED = 'ORPHANED',
}

export enum Role {
  VIEWER = 'VIEWER',
  REVIEWER = 'REVIEWER',
  EDITOR = 'EDITOR',
}

/** A W3C TextQuoteSelector and TextPositionSelector in one: `body.slice(start, end) === exact`. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Who makes a statement, before it is matched against the sources already stored. */
export interface SourceRef {
  name: string;
  kind: SourceKind;
  affiliation?: string | null;
}
