/**
 * Automatic claim extraction from plain news text: pure rules, no I/O, no models.
 * `cleanArticleText` turns a .txt/.md article into title and body; `extractClaims` finds the
 * checkable statements in a body, who makes them and how firmly; `scoreExtraction` measures
 * extracted claims against curated ones; `traceExtraction` and the `explain*`
 * functions say which stage decided each claim found, missed or extra.
 */
export {
  BASE_SCORE,
  CHECKWORTHINESS_FEATURES,
  type CheckworthinessFeature,
  type CheckworthinessInput,
  type CheckworthinessJudgement,
  type CheckworthinessWeights,
  DENIAL_FLOOR,
  type FeatureScope,
  type FiredFeature,
  judgeCheckworthiness,
} from './checkworthiness';
export { cleanArticleText, type CleanedArticle } from './clean';
export {
  type ClaimMatch,
  type CuratedClaim,
  type CuratedQuote,
  curationAsClaims,
  type ExtractionScore,
  locateQuote,
  sameInstitutionForScoring,
  scoreExtraction,
  spansMatch,
} from './evaluation';
export {
  CHECKWORTHINESS_THRESHOLD,
  type ClauseDecision,
  extractClaims,
  type ExtractedClaim,
  type ExtractionTrace,
  type ExtractOptions,
  type SentenceTrace,
  type StatementTrace,
  traceExtraction,
} from './extract';
export {
  type ArticleGenre,
  GENRE_FEATURES,
  PLAIN_SENTENCE,
  readGenre,
  type Section,
  type SentenceGenre,
  splitFurniture,
} from './genre';
export { affirmsPremise, type InterviewLayout, type InterviewRole, type InterviewTurn, readInterview, rejectsPremise } from './interview';
export { type Explanation, explainExtra, explainMismatch, explainMissed, type Stage } from './explain';
export { type Sentence, splitSentences } from './segment';
export { classifySource } from './sources';
