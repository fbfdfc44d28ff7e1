import { isFinal } from './workflow';
import { SourceKind, VerificationState } from './types';

/** What a schema.org ClaimReview needs to know about a claim. */
export interface ClaimReviewFacts {
  text: string;
  state: VerificationState;
  updatedAt: Date;
  source: { name: string; kind: SourceKind };
  article: { title: string; url: string | null; publishedAt: Date | null };
  publisherName: string;
}

// schema.org's rating scale for fact checks: 1 (false) to 5 (true).
const RATINGS: Partial<Record<VerificationState, { value: number; name: string }>> = {
  [VerificationState.FALSE]: { value: 1, name: 'False' },
  [VerificationState.MISLEADING]: { value: 2, name: 'Misleading' },
  [VerificationState.UNVERIFIABLE]: { value: 3, name: 'Unverifiable' },
  [VerificationState.VERIFIED]: { value: 5, name: 'True' },
};

/** The schema.org ClaimReview (JSON-LD) for a claim with a final verdict, or null before it has one. */
export function claimReview(facts: ClaimReviewFacts): Record<string, unknown> | null {
  const rating = RATINGS[facts.state];
  if (!isFinal(facts.state) || !rating) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: facts.text,
    datePublished: facts.updatedAt.toISOString(),
    author: { '@type': 'Organization', name: facts.publisherName },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': facts.source.kind === SourceKind.PERSON ? 'Person' : 'Organization', name: facts.source.name },
      appearance: {
        '@type': 'CreativeWork',
        headline: facts.article.title,
        ...(facts.article.url ? { url: facts.article.url } : {}),
        ...(facts.article.publishedAt ? { datePublished: facts.article.publishedAt.toISOString() } : {}),
      },
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
  };
}
