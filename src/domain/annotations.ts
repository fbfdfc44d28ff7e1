import type { JsonLd } from './claim-review';
import { TextQuote, Verdict, VerificationState } from './types';

/** The W3C Web Annotation context every exported annotation document declares. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Annotations per AnnotationPage. */
export const ANNOTATION_PAGE_SIZE = 100;

/** What one claim's Web Annotation says. */
export interface ClaimAnnotationFacts {
  /** The annotation's IRI. */
  id: string;
  quote: TextQuote;
  state: VerificationState;
  language: string;
  createdAt: Date;
  updatedAt: Date;
  /** Each reviewer's current review, oldest first; empty until someone reviews the claim. */
  reviews: { reviewer: string; verdict: Verdict; confidence: number; rationale: string; createdAt: Date }[];
}

/**
 * One claim as a W3C Web Annotation: the span it quotes (TextQuoteSelector and TextPositionSelector,
 * UTF-16 offsets) and, once reviewed, its state and each reviewer's verdict and rationale.
 */
export function claimAnnotation(facts: ClaimAnnotationFacts, source: string): JsonLd {
  const { quote } = facts;
  const annotation: JsonLd = {
    id: facts.id,
    type: 'Annotation',
    motivation: facts.reviews.length > 0 ? 'assessing' : 'highlighting',
    created: facts.createdAt.toISOString(),
    modified: facts.updatedAt.toISOString(),
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: quote.start, end: quote.end },
      ],
    },
  };
  if (facts.reviews.length > 0) {
    annotation.body = [
      { type: 'TextualBody', purpose: 'assessing', value: facts.state, format: 'text/plain' },
      ...facts.reviews.map((review): JsonLd => ({
        type: 'TextualBody',
        purpose: 'commenting',
        value: `${review.verdict} (confidence ${review.confidence}): ${review.rationale}`,
        format: 'text/plain',
        language: facts.language,
        creator: { type: 'Person', name: review.reviewer },
        created: review.createdAt.toISOString(),
      })),
    ];
  }
  return annotation;
}

/** The IRI of page `index` (0-based) of a collection. */
export function pageId(collectionId: string, index: number): string {
  return `${collectionId}?page=${index}`;
}

function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ANNOTATION_PAGE_SIZE));
}

/** One AnnotationPage of `items` (every annotation of the collection), or null past the last page. */
export function annotationPage(collectionId: string, items: JsonLd[], index: number, withContext = true): JsonLd | null {
  const pages = pageCount(items.length);
  if (!Number.isInteger(index) || index < 0 || index >= pages) return null;
  const start = index * ANNOTATION_PAGE_SIZE;
  const page: JsonLd = {
    ...(withContext ? { '@context': ANNOTATION_CONTEXT } : {}),
    id: pageId(collectionId, index),
    type: 'AnnotationPage',
    partOf: { id: collectionId, type: 'AnnotationCollection', total: items.length },
    startIndex: start,
    items: items.slice(start, start + ANNOTATION_PAGE_SIZE),
  };
  if (index > 0) page.prev = pageId(collectionId, index - 1);
  if (index + 1 < pages) page.next = pageId(collectionId, index + 1);
  return page;
}

/** The AnnotationCollection of `items`, with its first page embedded. */
export function annotationCollection(collectionId: string, label: string, items: JsonLd[]): JsonLd {
  const first = annotationPage(collectionId, items, 0, false)!;
  delete first.partOf;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first,
    last: pageId(collectionId, pageCount(items.length) - 1),
  };
}
