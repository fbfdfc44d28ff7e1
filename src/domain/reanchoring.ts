/**
 * Re-anchoring: where each claim's quote stands after its article is revised, in the manner of Hypothesis's
 * anchoring (position, then exact quote, then an approximate match scored on quote, prefix, suffix and
 * position). Pure, no I/O.
 */
import approxSearch from 'approx-string-match';
import { diff_match_patch as DiffMatchPatch } from 'diff-match-patch';
import { QUOTE_CONTEXT, quoteAt } from './anchoring';
import { AnchorStatus, TextQuote } from './types';

/**
 * The error threshold of a FUZZY anchor: at most one edit (insertion, deletion or substitution) per four
 * characters of the quote. A reworded phrase stays within it; an unrelated sentence about the same topic does not.
 */
export const FUZZY_MAX_ERROR_RATE = 0.25;

/** And never more than this many edits, as Hypothesis caps it: the search costs time in proportion to it. */
export const FUZZY_MAX_ERRORS = 256;

// Hypothesis's weights: the quote counts most, then its surroundings, then (a little) nearness to the old place.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Where one quote stands in the new text. */
export interface Reanchored {
  status: AnchorStatus;
  /** The quote in the new text; null when ORPHANED (the old anchor stays). */
  quote: TextQuote | null;
  /** Edits between the old quote and the new one (0 unless FUZZY). */
  errors: number;
}

/** How the new text differs from the old: a function from old offsets to new ones, and the spans of new text. */
export interface TextChange {
  map(offset: number): number;
  /** [start, end) spans of the new text that were inserted or rewritten. */
  inserted: [number, number][];
}

/** Diffs two texts by character (diff-match-patch, cleaned up to whole words and phrases). */
export function textChange(oldText: string, newText: string): TextChange {
  const dmp = new DiffMatchPatch();
  // A revision of a long article must not stall a write; past a second the diff is coarser, not wrong.
  dmp.Diff_Timeout = 1;
  const diffs = dmp.diff_main(oldText, newText);
  dmp.diff_cleanupSemantic(diffs);
  const inserted: [number, number][] = [];
  let at = 0;
  for (const [op, text] of diffs) {
    if (op === 1) inserted.push([at, at + text.length]);
    if (op !== -1) at += text.length;
  }
  return { map: (offset) => dmp.diff_xIndex(diffs, offset), inserted };
}

/** Whether two [start, end) spans share at least one character. */
export function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** 1 for a perfect match of `pattern` somewhere in `text`, down to 0 (Hypothesis's textMatchScore). */
function matchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return pattern.length === 0 ? 1 : 0;
  const matches = approxSearch(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((m) => m.errors)) / pattern.length;
}

/** The best approximate match of the quote within the threshold, scored on quote, context and position. */
function fuzzyMatch(text: string, old: TextQuote, hint: number): { start: number; end: number; errors: number } | null {
  const maxErrors = Math.min(FUZZY_MAX_ERRORS, Math.floor(old.exact.length * FUZZY_MAX_ERROR_RATE));
  if (maxErrors === 0) return null;
  let best: { start: number; end: number; errors: number; score: number } | null = null;
  for (const match of approxSearch(text, old.exact, maxErrors)) {
    if (match.end <= match.start) continue;
    const prefix = matchScore(text.slice(Math.max(0, match.start - old.prefix.length), match.start), old.prefix);
    const suffix = matchScore(text.slice(match.end, match.end + old.suffix.length), old.suffix);
    const position = 1 - Math.abs(match.start - hint) / Math.max(1, text.length);
    const score = (WEIGHT.quote * (1 - match.errors / old.exact.length) + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix
      + WEIGHT.position * position) / (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position);
    if (!best || score > best.score) best = { ...match, score };
  }
  return best && { start: best.start, end: best.end, errors: best.errors };
}

/**
 * Where `old` (a quote in the old text) stands in the new text:
 * - ANCHORED: the exact quote where the diff maps its old start, after the same prefix (edits elsewhere only shift it);
 * - MOVED: the exact quote with new text before it, or elsewhere (the occurrence nearest the mapped start wins);
 * - FUZZY: the best approximate match within FUZZY_MAX_ERROR_RATE;
 * - ORPHANED: none of these.
 */
export function reanchorQuote(newText: string, old: TextQuote, mappedStart: number): Reanchored {
  const exact = old.exact;
  const at = (start: number) => quoteAt(newText, start, start + exact.length);
  if (exact.length > 0 && newText.startsWith(exact, mappedStart)) {
    const quote = at(mappedStart);
    // A stored prefix shorter than the context means the quote stood at the very start; it must still.
    const samePrefix = old.prefix.length < QUOTE_CONTEXT ? quote.prefix === old.prefix : quote.prefix.endsWith(old.prefix);
    return { status: samePrefix ? AnchorStatus.ANCHORED : AnchorStatus.MOVED, quote, errors: 0 };
  }
  const found = exact.length > 0 ? occurrences(newText, exact) : [];
  if (found.length > 0) {
    const nearest = found.reduce((a, b) => (Math.abs(b - mappedStart) < Math.abs(a - mappedStart) ? b : a));
    return { status: AnchorStatus.MOVED, quote: at(nearest), errors: 0 };
  }
  const fuzzy = fuzzyMatch(newText, old, mappedStart);
  if (fuzzy) return { status: AnchorStatus.FUZZY, quote: quoteAt(newText, fuzzy.start, fuzzy.end), errors: fuzzy.errors };
  return { status: AnchorStatus.ORPHANED, quote: null, errors: 0 };
}

/** Re-anchors every quote of the old text in the new one, with one diff for all of them. */
export function reanchorQuotes(oldText: string, newText: string, quotes: readonly TextQuote[], change = textChange(oldText, newText)): Reanchored[] {
  return quotes.map((quote) => reanchorQuote(newText, quote, change.map(quote.start)));
}
