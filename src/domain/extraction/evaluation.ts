import { anchorQuote, type QuoteSelector } from '../anchoring';
import { SourceKind, type SourceRef, type Stance } from '../types';
import type { ExtractedClaim } from './extract';
import { normalizeSourceName, sameSource } from '../sources';

/** Where a curated claim stands: its exact text, or the text with context to pick one occurrence. */
export type CuratedQuote = string | QuoteSelector;

/** A claim as a person curated it (the seed format's `claims[]`). */
export interface CuratedClaim {
  text: string;
  quote: CuratedQuote;
  source: SourceRef;
  stance: Stance;
}

/** One curated claim paired with the predicted claim that overlaps it most. */
export interface ClaimMatch {
  curated: CuratedClaim & { start: number; end: number };
  predicted: ExtractedClaim;
  overlap: number;
  sameSource: boolean;
  sameStance: boolean;
}

/** How well predicted claims reproduce the curated ones of one article. */
export interface ExtractionScore {
  predicted: number;
  curated: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of matched claims whose source is the curated one (same normalised name, sameSource, or one institution name inside the other). */
  sourceAccuracy: number;
  /** Share of matched claims with the curated stance. */
  stanceAccuracy: number;
  matches: ClaimMatch[];
  missed: (CuratedClaim & { start: number; end: number })[];
  extra: ExtractedClaim[];
  /**
   * Extra claims that overlap a curated claim another extracted claim matched: clauses split out of a claim
   * sentence ("…, the first in the region since 2012"), which some measures do not count against precision.
   */
  splitOut: number;
  /** Curated quotes that could not be found in the body. */
  unlocated: CuratedClaim[];
}

interface Span {
  start: number;
  end: number;
}

/**
 * Finds a curated quote in the body the way loading anchors it (prefix, suffix, position hint); where
 * several occurrences remain, the first, so that a loosely curated file can still be scored.
 */
export const locateQuote = (body: string, quote: CuratedQuote): Span | null => {
  const selector: QuoteSelector = typeof quote === 'string' ? { exact: quote } : quote;
  let anchored = anchorQuote(body, selector);
  if (!anchored.ok && anchored.reason === 'AMBIGUOUS') anchored = anchorQuote(body, { ...selector, start: selector.start ?? 0 });
  return anchored.ok ? { start: anchored.quote.start, end: anchored.quote.end } : null;
};

const overlapOf = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Whether two spans overlap by at least half of the shorter one. */
export const spansMatch = (a: Span, b: Span): boolean =>
  overlapOf(a, b) * 2 >= Math.min(a.end - a.start, b.end - b.start) && overlapOf(a, b) > 0;

const INSTITUTIONAL = new Set<SourceKind>([SourceKind.ORGANIZATION, SourceKind.GOVERNMENT, SourceKind.PUBLICATION]);

const containsRun = (long: string[], short: string[]): boolean =>
  long.some((_, i) => i + short.length <= long.length && short.every((t, j) => long[i + j] === t));

/**
 * How a grader reads two institution names: the same when one's words (two or more) stand in a row
 * inside the other's ("Ministry of Agriculture" and "Castenia Ministry of Agriculture"). Only for
 * scoring: across the database the two ministries of two countries must stay distinct.
 */
export const sameInstitutionForScoring = (a: SourceRef, b: SourceRef): boolean => {
  if (!INSTITUTIONAL.has(a.kind) || !INSTITUTIONAL.has(b.kind)) return false;
  const [short, long] = [normalizeSourceName(a.name).split(' '), normalizeSourceName(b.name).split(' ')].sort((x, y) => x.length - y.length);
  return short.length >= 2 && containsRun(long, short);
};

/**
 * Another curation of the same article read as if it were extracted, so that two curators can be scored
 * against each other exactly as the extractor is scored against one of them: what the measure can reach.
 * A quote that cannot be found in the body has no span to match and is left out.
 */
export const curationAsClaims = (body: string, curated: readonly (CuratedClaim & { checkworthiness?: number | null })[]): ExtractedClaim[] =>
  curated.flatMap((claim) => {
    const span = locateQuote(body, claim.quote);
    return span ? [{ text: claim.text, ...span, source: claim.source, stance: claim.stance, checkworthiness: claim.checkworthiness ?? 1 }] : [];
  });

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * Scores predicted claims against curated ones: pairs overlapping by at least half the shorter span,
 * matched one-to-one greedily by overlap; precision, recall and F1 over the pairs, and source and
 * stance accuracy over the matched pairs.
 */
export const scoreExtraction = (body: string, predicted: readonly ExtractedClaim[], curated: readonly CuratedClaim[]): ExtractionScore => {
  const located: (CuratedClaim & Span)[] = [];
  const unlocated: CuratedClaim[] = [];
  for (const claim of curated) {
    const span = locateQuote(body, claim.quote);
    if (span) located.push({ ...claim, ...span });
    else unlocated.push(claim);
  }
  const candidates: { p: number; c: number; overlap: number }[] = [];
  predicted.forEach((p, pi) =>
    located.forEach((c, ci) => {
      if (spansMatch(p, c)) candidates.push({ p: pi, c: ci, overlap: overlapOf(p, c) });
    }),
  );
  // Greedy by overlap; ties go to the earlier pair so the result is stable.
  candidates.sort((a, b) => b.overlap - a.overlap || a.c - b.c || a.p - b.p);
  const usedP = new Set<number>();
  const usedC = new Set<number>();
  const matches: ClaimMatch[] = [];
  for (const { p, c, overlap } of candidates) {
    if (usedP.has(p) || usedC.has(c)) continue;
    usedP.add(p);
    usedC.add(c);
    const gold = located[c];
    const guess = predicted[p];
    matches.push({
      curated: gold,
      predicted: guess,
      overlap,
      sameSource:
        normalizeSourceName(gold.source.name) === normalizeSourceName(guess.source.name) ||
        sameSource(gold.source, guess.source) ||
        sameInstitutionForScoring(gold.source, guess.source),
      sameStance: gold.stance === guess.stance,
    });
  }
  matches.sort((a, b) => a.curated.start - b.curated.start);
  const precision = ratio(matches.length, predicted.length);
  const recall = ratio(matches.length, curated.length);
  return {
    predicted: predicted.length,
    curated: curated.length,
    matched: matches.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    sourceAccuracy: ratio(matches.filter((m) => m.sameSource).length, matches.length),
    stanceAccuracy: ratio(matches.filter((m) => m.sameStance).length, matches.length),
    matches,
    missed: located.filter((_, i) => !usedC.has(i)),
    extra: predicted.filter((_, i) => !usedP.has(i)),
    splitOut: predicted.filter((p, i) => !usedP.has(i) && matches.some((m) => overlapOf(p, m.curated) > 0)).length,
    unlocated,
  };
};
