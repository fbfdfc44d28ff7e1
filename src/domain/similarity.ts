/**
 * Recurring claims: how nearly two claims state the same checkable fact, from their words alone (no model).
 * Text is normalised (case, spelling variants, plurals, demonyms, number words, "per cent" → %), function
 * and reporting words are dropped, and what remains is compared by weighted Jaccard: figures weigh most,
 * names next. Two claims with different figures state different facts, whatever their other words. Pure.
 */
import { DEMONYMS, METONYM_COUNTRY, REPORTING_VERBS } from './extraction/lexicon';

/** Longest term kept in the term index; longer words are cut (they still compare equal to themselves). */
export const MAX_TERM_LENGTH = 100;

/** At or above this score two claims are offered as the same claim (chosen on test/fixtures/similarity/pairs.json). */
export const SIMILARITY_THRESHOLD = 0.4;

/** Weight of a term by what it is. */
export const TERM_WEIGHT = { number: 3, name: 2, word: 1 } as const;

/** Claims whose figures differ keep only this share of their score. */
export const OTHER_FIGURES_FACTOR = 0.25;

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

// Function words and vague verbs: they say nothing about which fact a claim states.
const STOPWORDS = words(`
  a an the of in on at to for by with from into onto over under about after before between during since until
  and or but nor so yet as than then that this these those there here which who whom whose what when where why how
  is are was were be been being am has have had having do does did will would shall should can could may might must
  it its it's they them their theirs he him his she her hers we us our you your i me my
  not no also only just very more most some any each every all both other such own same
  up down out off again further once per set plan plans planned intend intends intended go goes going went
  make makes made get gets got take takes took give gives gave cost costs
`);

const MAGNITUDES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9 };

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "forty-one" → 41, "seven" → 7; null for anything else. */
function numberWord(word: string): number | null {
  const unit = UNITS.indexOf(word);
  if (unit !== -1) return unit;
  const [tens, ones] = word.split('-');
  const t = TENS.indexOf(tens);
  if (t < 2) return null;
  if (ones === undefined) return t * 10;
  const o = UNITS.indexOf(ones);
  return o >= 1 && o <= 9 ? t * 10 + o : null;
}

/** A crude stem: British spellings to American, plurals and common endings off. */
function stem(word: string): string {
  let w = word.replace(/isation$/, 'ization').replace(/ise$/, 'ize').replace(/tre$/, 'ter').replace(/our$/, 'or');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

/** The weighted terms of a claim, and the figures it states. */
export interface ClaimTerms {
  terms: Map<string, number>;
  figures: Set<string>;
}

/** Normalises a claim's text into the terms it is compared by. */
export function claimTerms(text: string): ClaimTerms {
  const terms = new Map<string, number>();
  const figures = new Set<string>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  const normalised = text.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\bper\s+cent\b/gi, '%').replace(/(\d)\s*%/g, '$1 %');
  const tokens = [...normalised.matchAll(/[\p{L}\p{N}]+(?:[.,'-][\p{L}\p{N}]+)*\.?|%|\$|€|£/gu)].map((m) => ({ raw: m[0], at: m.index ?? 0 }));
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i].raw.replace(/\.$/, '');
    const lower = raw.toLowerCase();
    const digits = /^\d[\d,]*(?:\.\d+)?$/.test(raw) ? Number(raw.replace(/,/g, '')) : numberWord(lower);
    if (digits !== null && !Number.isNaN(digits)) {
      const magnitude = MAGNITUDES[tokens[i + 1]?.raw.toLowerCase() ?? ''];
      const value = magnitude ? digits * magnitude : digits;
      if (magnitude) i += 1;
      const figure = String(Math.round(value * 1000) / 1000);
      figures.add(figure);
      add(figure, TERM_WEIGHT.number);
      continue;
    }
    if (raw === '%' || raw === '$' || raw === '€' || raw === '£') {
      add(raw, TERM_WEIGHT.word);
      continue;
    }
    const country = DEMONYMS[lower] ?? DEMONYMS[`${lower}.`] ?? METONYM_COUNTRY[lower];
    if (country) {
      add(country, TERM_WEIGHT.name);
      continue;
    }
    if (STOPWORDS.has(lower) || REPORTING_VERBS.has(lower)) continue;
    // Only the text between this token and the previous one is looked at: linear in the claim's length.
    const previous = tokens[i - 1];
    const sentenceStart = i === 0 || /[.!?]/.test(normalised.slice(previous.at + previous.raw.length, tokens[i].at)) || previous.raw.endsWith('.');
    const isName = /^\p{Lu}/u.test(raw) && !sentenceStart;
    add(isName ? lower : stem(lower), isName ? TERM_WEIGHT.name : TERM_WEIGHT.word);
  }
  return { terms, figures };
}

/** The distinct terms of a claim's text, as stored in the term index (cut to `maxLength`). */
export function indexTerms(text: string, maxLength: number): string[] {
  return [...new Set([...claimTerms(text).terms.keys()].map((term) => term.slice(0, maxLength)))];
}

/** How nearly two claims state the same fact: 0 (nothing shared) to 1 (the same terms and figures). */
export function claimSimilarity(a: ClaimTerms, b: ClaimTerms): number {
  let shared = 0;
  let total = 0;
  for (const [term, weight] of a.terms) {
    const other = b.terms.get(term) ?? 0;
    shared += Math.min(weight, other);
    total += Math.max(weight, other);
  }
  for (const [term, weight] of b.terms) if (!a.terms.has(term)) total += weight;
  if (total === 0) return 0;
  const score = shared / total;
  const otherFigures = a.figures.size > 0 && b.figures.size > 0
    && ([...a.figures].some((f) => !b.figures.has(f)) || [...b.figures].some((f) => !a.figures.has(f)));
  return otherFigures ? score * OTHER_FIGURES_FACTOR : score;
}

/** A labelled pair of claims: whether they state the same fact. */
export interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
  kind?: string;
}

/** Precision and recall of "same claim" at a threshold over labelled pairs. */
export function evaluatePairs(pairs: readonly LabelledPair[], threshold = SIMILARITY_THRESHOLD) {
  const scored = pairs.map((pair) => ({ ...pair, score: claimSimilarity(claimTerms(pair.a), claimTerms(pair.b)) }));
  const predicted = scored.filter((p) => p.score >= threshold);
  const truePositives = predicted.filter((p) => p.same).length;
  const positives = scored.filter((p) => p.same).length;
  return {
    pairs: scored.length,
    threshold,
    precision: predicted.length === 0 ? null : truePositives / predicted.length,
    recall: positives === 0 ? null : truePositives / positives,
    truePositives,
    falsePositives: predicted.length - truePositives,
    falseNegatives: positives - truePositives,
    scored,
  };
}
