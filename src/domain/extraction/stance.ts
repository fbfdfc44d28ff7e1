import { Stance } from '../types';
import { DENIAL_PHRASES, DENIAL_VERBS, HEDGE_WORDS, HEDGING_VERBS, VERBS } from './lexicon';

/** What the stance of a claim is read from. */
export interface StanceInput {
  /** The statement itself, without its attribution frame. */
  statement: string;
  /** The reporting verb of the frame, lower-cased, when there is one. */
  cue: string | null;
  /** Whether someone other than the publisher speaks: only they can deny in their own words. */
  attributed: boolean;
  /** Whether the frame around the statement qualifies it (", though they called it preliminary"). */
  hedged?: boolean;
}

// Verbs of holding firm: with a negation after them they rebut ("insisted that no agreement had been reached").
const REBUTTING_VERBS = VERBS.finite('rebuts');
const NEGATION = /\b(?:no|not|never|nothing|none|neither|nor)\b|n[’']t\b/i;

// "appeared to weaken", "it appears that" hedge; "appeared on a leak site", "appeared in court" report where something was.
const APPEAR = /^appear(?:s|ed)?$/;
// "expected" and "believed" hedge as "is expected to", not as "the expected result".
const HEDGE_PATTERN = new RegExp(
  String.raw`\b(?:${[...HEDGE_WORDS].filter((w) => !['would', 'should', 'around', 'nearly', 'roughly', 'approximately'].includes(w) && !APPEAR.test(w)).join('|')})\b`,
);
const HEDGING_APPEAR = /\bappear(?:s|ed)?\s+(?:to|that|likely|unlikely|set|poised)\b|\bit\s+(?:now\s+)?appears\b|\bappears?\s*,/;
// "Nor is it true that …", "It is not the case that …": the writer denies what follows in their own voice.
const CLAUSE_DENIAL = new RegExp(String.raw`^(?:he|she|they|it|we)\s+(?:also\s+|flatly\s+|strongly\s+)?(?:${[...DENIAL_VERBS].join('|')})\s+that\b`, 'i');
const WRITER_DENIAL = /^(?:nor\s+is\s+it|it\s+is\s+not|it\s+isn[’']t|it\s+was\s+not|it\s+wasn[’']t)\s+(?:true|the\s+case|correct)\b/i;
// Negated certainty hedges too: "it is not clear", "remains elusive", "uncertain".
const UNCERTAINTY = /\b(?:not (?:yet )?(?:clear|certain|known)|unclear|uncertain|remains? elusive|remains? to be seen|in doubt|questionable|if confirmed|(?:not|n[’']t|never)\s+(?:yet\s+)?(?:been\s+)?rul(?:e|ed|ing)\s+out)\b/i;

// "an estimated $3.2 million", "the estimated cost", "a replacement, estimated at $140 million": the figure's
// own label, not the source qualifying the statement ("the leak was estimated at 200 litres" still hedges).
const ATTRIBUTIVE_ESTIMATE = /\b(?:an?|the|its|their)\s+estimated\b|(?<!\b(?:is|are|was|were|be|been|being)\s+)estimated\s+at\b/gi;

// "three times as likely to", "more likely than": a measured comparison, not a hedge.
const COMPARED_LIKELIHOOD = /\b(?:(?:\S+\s+times|twice|half)\s+as|(?:more|less)(?=\s+likely\b[^.]*\bthan\b))\s+likely\b/gi;

/**
 * The source's commitment to its statement: a denying frame or denial in quoted words is DENIES,
 * a hedging verb or hedge word is HEDGES, anything else ASSERTS.
 */
export const classifyStance = ({ statement, cue, attributed, hedged = false }: StanceInput): Stance => {
  if (cue && DENIAL_VERBS.has(cue)) return Stance.DENIES;
  if (attributed && DENIAL_PHRASES.some((re) => re.test(statement))) return Stance.DENIES;
  if (WRITER_DENIAL.test(statement.trim())) return Stance.DENIES;
  // ", and she denied that the delays had contributed": a clause whose own subject denies.
  if (attributed && CLAUSE_DENIAL.test(statement.trim())) return Stance.DENIES;
  if (cue && REBUTTING_VERBS.has(cue) && NEGATION.test(statement)) return Stance.DENIES;
  if (hedged || (cue && HEDGING_VERBS.has(cue))) return Stance.HEDGES;
  // "may" is a hedge in lower case and a month in upper case; a first word is lower-cased to be seen.
  // Only the main clause counts: "promised that he could leave" is not hedged by "could".
  const main = statement.replace(/^((?:\S+\s+){2,}?)(?:that|if|whether|unless|because|(?:about|on|over)\s+(?:what|when|how|why|where|whether))\s.*$/i, '$1');
  const text = (main.charAt(0).toLowerCase() + main.slice(1)).replace(COMPARED_LIKELIHOOD, '').replace(ATTRIBUTIVE_ESTIMATE, '');
  if (HEDGE_PATTERN.test(text) || HEDGING_APPEAR.test(text) || UNCERTAINTY.test(text)) return Stance.HEDGES;
  return Stance.ASSERTS;
};
