/**
 * What makes a run of words a clause: a finite verb. One definition for every stage that asks
 * whether a piece of a sentence can stand as a statement of its own.
 */
import { alternation } from './build';

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Auxiliaries and modals, and the verbs that behave like them before a complement ("plans to", "remains"). */
export const AUXILIARY_VERBS = words(`
  is are was were will would has have had can could may might should must does did do plan plans remain remains
`);

/** Negated auxiliaries, written as one word. */
export const NEGATED_AUXILIARIES = words(`won't can't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't`);

/** Past tenses that do not end in -ed. */
export const IRREGULAR_PASTS = words(`
  spent went took made got came saw gave left kept paid sold told won lost fell rose grew began ran brought bought
  built sent met became stood fled struck slept fought caught taught felt heard held led sat spoke wrote drove ate
  flew chose broke threw wore
`);

/** A finite verb anywhere in a text: an auxiliary, a regular past ("announced") or an irregular one ("rose"). */
export const FINITE_VERB = new RegExp(String.raw`\b(?:${alternation([...AUXILIARY_VERBS, ...NEGATED_AUXILIARIES, ...IRREGULAR_PASTS])}|\p{Ll}{3,}ed)\b`, 'u');

// "demand continues to weigh", "costs rise on …": a present-tense verb before its complement.
const PRESENT_VERB = /\b\p{Ll}{3,}(?:es|s)\s+(?:to|the|a|an|on|in|at|its|their|up|down|over|by|from)\b/u;

const wordCount = (text: string): number => text.trim().split(/\s+/).length;

/** Four words or more with a finite verb: a clause a sentence can be split at ("…, and the mill closed in 1990"). */
export const isFiniteClause = (text: string): boolean => wordCount(text) >= 4 && FINITE_VERB.test(text);

/**
 * A clause that can stand as a statement after a speaker's frame: a finite clause, or a present tense
 * before its complement ("…, he said, and costs rise on every delay"). The clause splitter asks the
 * stricter `isFiniteClause`: a present tense alone would split descriptions apart.
 */
export const standsAlone = (text: string): boolean => isFiniteClause(text) || (wordCount(text) >= 4 && PRESENT_VERB.test(text));

/** The verbs that end a sentence's subject when it opens the sentence ("The council voted …"): auxiliaries, "said", a regular past. */
export const SUBJECT_ENDING_VERBS = words(`is are was were has have had will would can could may might did does said says called urged`);
export const SUBJECT_ENDING_VERB = new RegExp(String.raw`^(?:${alternation(SUBJECT_ENDING_VERBS)}|\p{Ll}{3,}ed)$`, 'u');
