import { ANNOTATION_PAGE_SIZE, annotationCollection, annotationPage, claimAnnotation } from '../../src/domain/annotations';
import { claimReview, ClaimReviewFacts, enteredStateAt } from '../../src/domain/claim-review';
import { SourceKind, Verdict, VerificationState } from '../../src/domain/types';

const facts = (state: VerificationState): ClaimReviewFacts => ({
  text: 'Rents rose 9 percent.',
  state,
  decidedAt: new Date('2026-01-02T03:04:05Z'),
  source: { name: 'Housing Office', kind: SourceKind.GOVERNMENT, affiliation: null },
  article: { title: 'Rents', url: null, publishedAt: null, publisher: null },
  reviewer: { name: 'Desk', url: 'https://desk.example' },
  url: 'https://desk.example/articles/rents/claim-reviews.jsonld#x',
});

describe('claimReview', () => {
  it('is null until the claim has a final verdict', () => {
    for (const state of [VerificationState.UNVERIFIED, VerificationState.IN_REVIEW, VerificationState.DISPUTED]) {
      expect(claimReview(facts(state))).toBeNull();
    }
  });

  it('puts misleading at 2 on the 1-5 truth scale, and gives an unverifiable claim its name but no number', () => {
    expect(claimReview(facts(VerificationState.MISLEADING))!.reviewRating).toMatchObject({ alternateName: 'Misleading', ratingValue: 2, bestRating: 5, worstRating: 1 });
    expect(claimReview(facts(VerificationState.UNVERIFIABLE))!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', name: 'Unverifiable' });
  });

  it('leaves out the appearance URL and dates an article does not have', () => {
    const item = claimReview(facts(VerificationState.FALSE))!.itemReviewed as Record<string, unknown>;
    expect(item.appearance).toEqual({ '@type': 'NewsArticle', headline: 'Rents' });
    expect(item).not.toHaveProperty('datePublished');
  });
});

describe('enteredStateAt', () => {
  it('is when the claim last moved into its state, not a later event that kept it there', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const events = [
      { fromState: null, toState: VerificationState.UNVERIFIED, at: at(0) },
      { fromState: VerificationState.UNVERIFIED, toState: VerificationState.VERIFIED, at: at(1) },
      { fromState: VerificationState.VERIFIED, toState: VerificationState.IN_REVIEW, at: at(2) },
      { fromState: VerificationState.IN_REVIEW, toState: VerificationState.VERIFIED, at: at(3) },
      { fromState: VerificationState.VERIFIED, toState: VerificationState.VERIFIED, at: at(4) },
    ];
    expect(enteredStateAt(events, VerificationState.VERIFIED)).toEqual(at(3));
    expect(enteredStateAt(events, VerificationState.FALSE)).toBeNull();
  });
});

describe('annotation collections', () => {
  const items = Array.from({ length: 250 }, (_, i) => ({ id: `urn:a:${i}` }));
  const id = 'https://desk.example/articles/rents/annotations.jsonld';

  it('embed the first page and link to the last', () => {
    const collection = annotationCollection(id, 'Claims', items) as any;
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 250, last: `${id}?page=2` });
    expect(collection.first.items).toHaveLength(ANNOTATION_PAGE_SIZE);
    expect(collection.first.next).toBe(`${id}?page=1`);
  });

  it('page the rest, with prev and next links and where each page starts', () => {
    const last = annotationPage(id, items, 2) as any;
    expect(last).toMatchObject({ startIndex: 200, prev: `${id}?page=1`, partOf: { id, total: 250 } });
    expect(last.items).toHaveLength(50);
    expect(last).not.toHaveProperty('next');
    expect(annotationPage(id, items, 3)).toBeNull();
  });

  it('have one empty first page when the article has no claim', () => {
    expect(annotationCollection(id, 'Claims', [])).toMatchObject({ total: 0, first: { items: [] }, last: `${id}?page=0` });
  });
});

describe('claimAnnotation', () => {
  it('highlights an unreviewed claim and carries no body', () => {
    const annotation = claimAnnotation({
      id: 'urn:a', quote: { exact: 'b', prefix: 'a', suffix: 'c', start: 1, end: 2 }, state: VerificationState.UNVERIFIED,
      language: 'en', createdAt: new Date(0), updatedAt: new Date(0), reviews: [],
    }, 'https://news.example/x');
    expect(annotation.motivation).toBe('highlighting');
    expect(annotation).not.toHaveProperty('body');
  });

  it('assesses a reviewed claim even before it is final', () => {
    const annotation = claimAnnotation({
      id: 'urn:a', quote: { exact: 'b', prefix: 'a', suffix: 'c', start: 1, end: 2 }, state: VerificationState.IN_REVIEW,
      language: 'en', createdAt: new Date(0), updatedAt: new Date(0),
      reviews: [{ reviewer: 'Ana', verdict: Verdict.REFUTED, confidence: 0.7, rationale: 'The register disagrees.', createdAt: new Date(0) }],
    }, 'https://news.example/x') as any;
    expect(annotation.motivation).toBe('assessing');
    expect(annotation.body[1]).toMatchObject({ purpose: 'commenting', value: 'REFUTED (confidence 0.7): The register disagrees.', creator: { type: 'Person', name: 'Ana' } });
  });
});
