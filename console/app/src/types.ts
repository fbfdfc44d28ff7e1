// The shapes the console's operations select; names follow the API's schema (schema/schema.graphql).

export const STATES = ['UNVERIFIED', 'IN_REVIEW', 'DISPUTED', 'VERIFIED', 'FALSE', 'MISLEADING', 'UNVERIFIABLE'] as const;
export type VerificationState = (typeof STATES)[number];
export const FINAL_STATES: readonly VerificationState[] = ['VERIFIED', 'FALSE', 'MISLEADING', 'UNVERIFIABLE'];
export const STANCES = ['ASSERTS', 'HEDGES', 'DENIES'] as const;
export type Stance = (typeof STANCES)[number];
export const VERDICTS = ['SUPPORTED', 'REFUTED', 'MISLEADING', 'UNVERIFIABLE'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const EVIDENCE_STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];
export type Role = 'VIEWER' | 'REVIEWER' | 'EDITOR';

export interface PageInfo { hasNextPage: boolean; endCursor: string | null }
export interface Connection<T> { totalCount: number; pageInfo: PageInfo; edges: { node: T }[] }

export interface Me { id: string; name: string; role: Role }

export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  total: { totalCount: number };
} & Record<VerificationState, { totalCount: number }>;

export interface AnchoredClaim {
  id: string;
  text: string;
  state: VerificationState;
  stance: Stance;
  quote: { start: number; end: number; exact: string };
  source: { id: string; name: string };
}

export interface ArticleDetail {
  id: string;
  slug: string;
  title: string;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  body: string;
  claims: Connection<AnchoredClaim>;
}

export interface ClaimRow {
  id: string;
  text: string;
  state: VerificationState;
  stance: Stance;
  updatedAt: string;
  source: { id: string; name: string };
  article: { id: string; slug: string; title: string };
}

export interface Evidence { url: string; title: string | null; excerpt: string | null; stance: EvidenceStance }
export interface Review {
  id: string;
  verdict: Verdict;
  confidence: number;
  rationale: string;
  createdAt: string;
  reviewer: { id: string; name: string };
  evidence: Evidence[];
}
export interface ClaimEvent {
  id: string;
  kind: string;
  fromState: VerificationState | null;
  toState: VerificationState | null;
  note: string | null;
  at: string;
  actor: { id: string; name: string } | null;
}
export interface ClaimDetail {
  id: string;
  version: number;
  text: string;
  state: VerificationState;
  stance: Stance;
  checkworthiness: number | null;
  updatedAt: string;
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number };
  source: { id: string; name: string; kind: string; affiliation: string | null };
  article: { id: string; slug: string; title: string; publisher: string | null };
  assignee: { id: string; name: string } | null;
  reviews: Review[];
  history: ClaimEvent[];
}
