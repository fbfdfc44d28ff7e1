import { type ClaimMatch, type CuratedClaim, spansMatch } from './evaluation';
import type { ClauseDecision, ExtractedClaim, ExtractionTrace, SentenceTrace } from './extract';

/** The stages of extraction, in the order they read a sentence. */
export type Stage = 'segmentation' | 'attribution' | 'speaker resolution' | 'check-worthiness' | 'stance';

/** Why a curated claim was missed, an extracted one is extra, or a matched one has the wrong source or stance. */
export interface Explanation {
  stage: Stage;
  /** One line a person can act on: what that stage did with the text. */
  reason: string;
  /** The sentence the claim stands in, when segmentation found one. */
  sentence: SentenceTrace | null;
  /** The clause decision that settled it, when a clause was read. */
  decision: ClauseDecision | null;
}

interface Span {
  start: number;
  end: number;
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

const signed = (weight: number): string => `${weight >= 0 ? '+' : ''}${weight.toFixed(2)}`;

/** "0.40 < 0.43 (digit +0.20, first-person -0.20)": the score against the threshold and what made it. */
const score = (d: ClauseDecision): string => {
  const features = d.features.map((f) => `${f.id} ${signed(f.weight)}`).join(', ');
  return `${d.checkworthiness.toFixed(2)} ${d.kept ? '≥' : '<'} ${d.threshold.toFixed(2)} (${features || 'no feature fired'})`;
};

const sentenceAt = (trace: ExtractionTrace, span: Span): SentenceTrace | null =>
  trace.sentences.reduce<SentenceTrace | null>((best, s) => (overlap(s, span) > (best ? overlap(best, span) : 0) ? s : best), null);

const decisionAt = (trace: ExtractionTrace, span: Span): ClauseDecision | undefined =>
  trace.clauses.find((d) => d.start === span.start && d.end === span.end);

/** Why a curated claim found no extracted claim to match. */
export const explainMissed = (trace: ExtractionTrace, curated: CuratedClaim & Span): Explanation => {
  const sentence = sentenceAt(trace, curated);
  if (!sentence) return { stage: 'segmentation', reason: 'no sentence covers it', sentence, decision: null };
  if (sentence.heading) return { stage: 'segmentation', reason: 'its sentence was read as a heading, byline or caption', sentence, decision: null };
  const clauses = trace.clauses.filter((d) => overlap(d, curated) > 0);
  if (clauses.length === 0) {
    const inStatement = sentence.statements.some((s) => overlap(s, curated) > 0);
    return inStatement
      ? { stage: 'segmentation', reason: 'clause splitting left this text out of every clause', sentence, decision: null }
      : { stage: 'attribution', reason: 'read as an attribution frame, not as a statement', sentence, decision: null };
  }
  const kept = clauses.find((d) => d.kept);
  if (kept) {
    // A kept clause close enough to match went to another curated claim: one clause holds two claims.
    const reason = spansMatch(kept, curated)
      ? `one clause holds this and another curated claim (kept ${kept.start}–${kept.end}, curated ${curated.start}–${curated.end})`
      : `the clause kept here has other bounds, overlapping under half (kept ${kept.start}–${kept.end}, curated ${curated.start}–${curated.end})`;
    return { stage: 'segmentation', reason, sentence, decision: kept };
  }
  const decision = clauses.reduce((best, d) => (overlap(d, curated) > overlap(best, curated) ? d : best));
  return { stage: 'check-worthiness', reason: `dropped: ${score(decision)}`, sentence, decision };
};

/** Why an extracted claim matched no curated one. */
export const explainExtra = (trace: ExtractionTrace, claim: ExtractedClaim, curated: readonly Span[]): Explanation => {
  const sentence = sentenceAt(trace, claim);
  const decision = decisionAt(trace, claim) ?? null;
  const near = curated.find((c) => overlap(c, claim) > 0);
  if (near) return { stage: 'segmentation', reason: `a curated claim overlaps it with other bounds (${near.start}–${near.end}, kept ${claim.start}–${claim.end})`, sentence, decision };
  return { stage: 'check-worthiness', reason: decision ? `kept: ${score(decision)}` : 'kept', sentence, decision };
};

/** Why a matched claim has another source or stance than the curated one; null when both agree. */
export const explainMismatch = (trace: ExtractionTrace, match: ClaimMatch): Explanation | null => {
  const sentence = sentenceAt(trace, match.predicted);
  const decision = decisionAt(trace, match.predicted) ?? null;
  if (!match.sameSource) {
    return decision?.speaker === null
      ? { stage: 'attribution', reason: 'no speaker found: narrated by the publisher', sentence, decision }
      : { stage: 'speaker resolution', reason: `speaker as written "${decision?.speaker ?? '?'}" resolved to ${match.predicted.source.name}`, sentence, decision };
  }
  if (!match.sameStance) return { stage: 'stance', reason: `read as ${match.predicted.stance}, curated ${match.curated.stance}`, sentence, decision };
  return null;
};
