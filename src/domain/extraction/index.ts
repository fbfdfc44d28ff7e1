/**
 * Automatic claim extraction from plain news text: pure rules, no I/O, no models.
 * `cleanArticleText` turns a .txt/.md article into title and body; `extractClaims` finds the
 * checkable statements in a body, who makes them and how firmly; `scoreExtraction` measures
 * extracted claims against curated ones.
 */
export { cleanArticleText, type CleanedArticle } from './clean';
export {
  type ClaimMatch,
  type CuratedClaim,
  type CuratedQuote,
  type ExtractionScore,
  locateQuote,
  sameInstitutionForScoring,
  scoreExtraction,
  spansMatch,
} from './evaluation';
export { CHECKWORTHINESS_THRESHOLD, extractClaims, type ExtractedClaim, type ExtractOptions } from './extract';
export { type Sentence, splitSentences } from './segment';
export { classifySource, normalizeSourceName, sameSource } from './sources';
