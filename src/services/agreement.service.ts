import { krippendorffAlpha, pairwiseKappa, Rating } from '../domain/agreement';
import { latestByReviewer, verdictState } from '../domain/consensus';
import { LISTS } from '../domain/limits';
import { Verdict, VerificationState } from '../domain/types';
import { isFinal } from '../domain/workflow';
import { Claim, Review } from '../entities';
import { BadUserInputError } from '../errors';
import type { RequestContext } from '../request-context';
import { rowId } from './ids';

/** Which reviews agreement is measured on: those of one article's claims, submitted within [since, until). */
export interface AgreementFilter {
  articleId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

export interface PairAgreement {
  reviewerA: number;
  reviewerB: number;
  kappa: number | null;
  claims: number;
  observedAgreement: number | null;
}

export interface ReviewerAgreement {
  reviewerId: number;
  /** Claims the reviewer has a (latest) verdict on within the filter. */
  claims: number;
  /** Of those, claims now in a final state. */
  finalClaims: number;
  /** Of those, claims whose final state is the one the reviewer's verdict implies. */
  matchedFinal: number;
  matchRate: number | null;
}

export interface AgreementReport {
  krippendorffAlpha: number | null;
  /** Claims with at least two reviewers' verdicts: the units alpha rests on. */
  claims: number;
  /** Verdicts on those claims: the values alpha rests on. */
  reviews: number;
  pairwise: PairAgreement[];
  reviewers: ReviewerAgreement[];
}

/**
 * Reviewer agreement over each reviewer's latest verdict per claim: Krippendorff's alpha across everyone,
 * Cohen's kappa for each pair, and how often each reviewer's verdict matched the claim's final state.
 */
export class AgreementService {
  async measure(ctx: RequestContext, filter: AgreementFilter | null | undefined): Promise<AgreementReport> {
    const query = ctx.db.reader.getRepository(Review).createQueryBuilder('review')
      .innerJoin(Claim, 'claim', 'claim.id = review.claimId')
      .select(['review.id AS id', 'review.claimId AS "claimId"', 'review.reviewerId AS "reviewerId"', 'review.verdict AS verdict',
        'review.createdAt AS "createdAt"', 'claim.state AS state']);
    if (filter?.articleId != null) query.andWhere('claim.articleId = :articleId', { articleId: rowId('Article', filter.articleId, 'filter.articleId') });
    if (filter?.since && filter?.until && filter.since.getTime() >= filter.until.getTime()) {
      throw BadUserInputError.fromProblems([{ field: 'filter.until', message: 'must be later than since' }]);
    }
    if (filter?.since) query.andWhere('review.createdAt >= :since', { since: filter.since });
    if (filter?.until) query.andWhere('review.createdAt < :until', { until: filter.until });
    const rows = await query.orderBy('review.id', 'ASC').getRawMany<{
      id: number; claimId: number; reviewerId: number; verdict: Verdict; createdAt: Date | string; state: VerificationState;
    }>();
    const byClaim = new Map<number, typeof rows>();
    for (const row of rows) byClaim.set(Number(row.claimId), [...(byClaim.get(Number(row.claimId)) ?? []), row]);
    const ratings: Rating<Verdict>[] = [];
    const states = new Map<string, VerificationState>();
    for (const [claimId, reviews] of byClaim) {
      states.set(String(claimId), reviews[0].state);
      const latest = latestByReviewer(reviews.map((r) => ({ ...r, reviewerId: String(r.reviewerId), createdAt: new Date(r.createdAt) })));
      for (const review of latest) ratings.push({ unit: String(claimId), rater: review.reviewerId, value: review.verdict });
    }
    const alpha = krippendorffAlpha(ratings);
    const perReviewer = new Map<string, ReviewerAgreement>();
    for (const rating of ratings) {
      const entry = perReviewer.get(rating.rater) ?? { reviewerId: Number(rating.rater), claims: 0, finalClaims: 0, matchedFinal: 0, matchRate: null };
      entry.claims += 1;
      const state = states.get(rating.unit)!;
      if (isFinal(state)) {
        entry.finalClaims += 1;
        if (verdictState[rating.value] === state) entry.matchedFinal += 1;
      }
      perReviewer.set(rating.rater, entry);
    }
    // The most active reviewers first, so the capped list keeps the ones the figures rest on most.
    const reviewers = [...perReviewer.values()]
      .sort((a, b) => b.claims - a.claims || a.reviewerId - b.reviewerId)
      .slice(0, LISTS.agreementReviewers)
      .map((r) => ({ ...r, matchRate: r.finalClaims === 0 ? null : r.matchedFinal / r.finalClaims }));
    const pairwise = pairwiseKappa(ratings, reviewers.map((r) => String(r.reviewerId))).map((pair) => ({
      reviewerA: Number(pair.raterA), reviewerB: Number(pair.raterB), kappa: pair.kappa, claims: pair.units, observedAgreement: pair.observedAgreement,
    }));
    return { krippendorffAlpha: alpha.alpha, claims: alpha.units, reviews: alpha.values, pairwise, reviewers };
  }
}
