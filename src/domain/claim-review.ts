import { isFinal } from './workflow';
import { SourceKind, VerificationState } from './types';

/** A JSON-LD node, as emitted. */
export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | null | JsonLd | JsonLdValue[];

/** What a schema.org ClaimReview says about one claim with a final verdict. */
export interface ClaimReviewFacts {
  text: string;
  state: VerificationState;
  /** When the claim reached its current final state: the fact check's publication date. */
  decidedAt: Date;
  source: { name: string; kind: SourceKind; affiliation: string | null };
  article: { title: string; url: string | null; publishedAt: Date | null; publisher: string | null };
  /** The organisation publishing the fact check. */
  reviewer: { name: string; url: string };
  /** Where the fact check lives. */
  url: string;
}

/**
 * The rating scale, as Google's fact-check documentation lays it out: 1 "False", 2 "Mostly false",
 * 3 "Half true", 4 "Mostly true", 5 "True". A misleading claim sits at 2; an unverifiable one has no
 * place on a truth scale, so it carries its name alone (alternateName is what search results show).
 */
export const RATING_SCALE = { worst: 1, best: 5 } as const;
const RATINGS: Record<VerificationState, { value: number | null; name: string } | null> = {
  [VerificationState.FALSE]: { value: 1, name: 'False' },
  [VerificationState.MISLEADING]: { value: 2, name: 'Misleading' },
  [VerificationState.VERIFIED]: { value: 5, name: 'True' },
  [VerificationState.UNVERIFIABLE]: { value: null, name: 'Unverifiable' },
  [VerificationState.UNVERIFIED]: null,
  [VerificationState.IN_REVIEW]: null,
  [VerificationState.DISPUTED]: null,
};

const SOURCE_TYPES: Record<SourceKind, string> = {
  [SourceKind.PERSON]: 'Person',
  [SourceKind.ORGANIZATION]: 'Organization',
  [SourceKind.GOVERNMENT]: 'GovernmentOrganization',
  [SourceKind.PUBLICATION]: 'NewsMediaOrganization',
  [SourceKind.UNKNOWN]: 'Organization',
};

/** The schema.org ClaimReview node for a claim with a final verdict (no @context), or null before it has one. */
export function claimReviewNode(facts: ClaimReviewFacts): JsonLd | null {
  const rating = RATINGS[facts.state];
  if (!isFinal(facts.state) || !rating) return null;
  const source = facts.source;
  const author: JsonLd = { '@type': SOURCE_TYPES[source.kind], name: source.name };
  if (source.affiliation) {
    author[source.kind === SourceKind.PERSON ? 'affiliation' : 'parentOrganization'] = { '@type': 'Organization', name: source.affiliation };
  }
  const appearance: JsonLd = { '@type': 'NewsArticle', headline: facts.article.title };
  if (facts.article.url) appearance.url = facts.article.url;
  if (facts.article.publishedAt) appearance.datePublished = facts.article.publishedAt.toISOString();
  if (facts.article.publisher) appearance.publisher = { '@type': 'Organization', name: facts.article.publisher };
  const itemReviewed: JsonLd = { '@type': 'Claim', author, appearance, firstAppearance: appearance };
  if (facts.article.publishedAt) itemReviewed.datePublished = facts.article.publishedAt.toISOString();
  const reviewRating: JsonLd = { '@type': 'Rating', alternateName: rating.name, name: rating.name };
  if (rating.value !== null) {
    Object.assign(reviewRating, { ratingValue: rating.value, bestRating: RATING_SCALE.best, worstRating: RATING_SCALE.worst });
  }
  return {
    '@type': 'ClaimReview',
    '@id': facts.url,
    url: facts.url,
    claimReviewed: facts.text,
    datePublished: facts.decidedAt.toISOString(),
    author: { '@type': 'Organization', name: facts.reviewer.name, url: facts.reviewer.url },
    itemReviewed,
    reviewRating,
  };
}

/** One claim's ClaimReview as a JSON-LD document of its own, or null before a final verdict. */
export function claimReview(facts: ClaimReviewFacts): JsonLd | null {
  const node = claimReviewNode(facts);
  return node && { '@context': 'https://schema.org', ...node };
}

/** Several ClaimReviews in one JSON-LD document. */
export function claimReviewGraph(nodes: JsonLd[]): JsonLd {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/** When a claim entered its current state: the last event that moved it there from another state. */
export function enteredStateAt(
  events: readonly { fromState: VerificationState | null; toState: VerificationState | null; at: Date }[],
  state: VerificationState,
): Date | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    if (events[i].toState === state && events[i].fromState !== state) return events[i].at;
  }
  return null;
}
