import { DataSource, In } from 'typeorm';
import type { Config } from '../config';
import { annotationCollection, annotationPage, claimAnnotation } from '../domain/annotations';
import type { JsonLd } from '../domain/claim-review';
import { latestByReviewer } from '../domain/consensus';
import { Article, Claim, Review, Reviewer } from '../entities';
import { exportLinks } from './links';

/** Every claim of an article as a W3C Web Annotation, in reading order. */
async function articleAnnotations(reader: DataSource, config: Config, article: Article): Promise<JsonLd[]> {
  const links = exportLinks(config, article.slug);
  const claims = await reader.getRepository(Claim).find({ where: { articleId: article.id }, order: { quoteStart: 'ASC', id: 'ASC' } });
  const reviews = claims.length === 0 ? [] : await reader.getRepository(Review).find({
    where: { claimId: In(claims.map((claim) => claim.id)) },
    order: { id: 'ASC' },
  });
  const reviewers = reviews.length === 0 ? [] : await reader.getRepository(Reviewer).findBy({ id: In([...new Set(reviews.map((r) => r.reviewerId))]) });
  const names = new Map(reviewers.map((reviewer) => [reviewer.id, reviewer.name]));
  const reviewsByClaim = new Map<number, Review[]>();
  for (const review of reviews) reviewsByClaim.set(review.claimId, [...(reviewsByClaim.get(review.claimId) ?? []), review]);
  const source = article.url ?? links.article;
  return claims.map((claim) => {
    const current = latestByReviewer((reviewsByClaim.get(claim.id) ?? []).map((review) => ({ ...review, reviewerId: String(review.reviewerId) })));
    return claimAnnotation({
      id: `${links.annotations}#${claim.globalId}`,
      quote: claim.quote,
      state: claim.state,
      language: article.language,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
      reviews: current.map((review) => ({
        reviewer: names.get(Number(review.reviewerId)) ?? 'unknown reviewer',
        verdict: review.verdict,
        confidence: review.confidence,
        rationale: review.rationale,
        createdAt: review.createdAt,
      })),
    }, source);
  });
}

/** An article's AnnotationCollection with its first page, or, with `page`, that AnnotationPage (null past the last). */
export async function annotationsDocument(reader: DataSource, config: Config, article: Article, page?: number): Promise<JsonLd | null> {
  const items = await articleAnnotations(reader, config, article);
  const id = exportLinks(config, article.slug).annotations;
  if (page === undefined) return annotationCollection(id, `Claims in "${article.title}"`, items);
  return annotationPage(id, items, page);
}
