/**
 * The one lexicon of the extractor: word lists by category (words.ts) and reporting verbs as base
 * forms with features (reporting-verbs.ts), inflected once here. Every stage reads its words from
 * this module; a word list written anywhere else is a second lexicon waiting to disagree with this one.
 */
import { assertDisjoint, buildVerbLexicon } from './build';
import { DOCUMENT_ROWS } from './documents';
import { VERB_ROWS } from './reporting-verbs';
import {
  AMBIGUOUS_ABBREVIATIONS,
  GROUP_PRONOUNS,
  MEMBER_NOUNS,
  NON_TERMINAL_ABBREVIATIONS,
  NOUN_FIRST_FORMS,
  NOUN_OR_VERB,
  PERSON_PRONOUNS,
  SENTENCE_STARTERS,
  THING_PRONOUNS,
  TITLES,
} from './words';

export { alternation, assertDisjoint, buildVerbLexicon, EXCLUSIVE_FEATURES, LexiconConflict, type VerbFeature, type VerbLexicon, type VerbRow } from './build';
export { AUXILIARY_VERBS, FINITE_VERB, IRREGULAR_PASTS, isFiniteClause, NEGATED_AUXILIARIES, standsAlone, SUBJECT_ENDING_VERB, SUBJECT_ENDING_VERBS } from './grammar';
export { inflect, type VerbForms } from './inflect';
export { DOCUMENT_ROWS, type DocumentFrame, documentPattern, type DocumentRow, documentsIn } from './documents';
export { VERB_ROWS } from './reporting-verbs';
export * from './words';

/** The verbs of reporting-verbs.ts, inflected: every stage reads verbs from here. */
export const VERBS = buildVerbLexicon(VERB_ROWS);

/** A frame's verbs without the forms read as nouns first ("estimates", "points", "call"). */
function verbsOnly(forms: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...forms].filter((form) => !NOUN_FIRST_FORMS.has(form)));
}

/** Verbs that introduce reported speech or belief, in every finite form. */
export const REPORTING_VERBS = verbsOnly(VERBS.finite('reports'));
/** Verbs that frame a reported stance rather than carry a quotation ("has expressed frustration over"). */
export const EXPRESSION_VERBS = verbsOnly(VERBS.finite('expresses'));
/** Verbs whose use as the reporting frame means the source rejects the statement. */
export const DENIAL_VERBS = VERBS.finite('denies');
/**
 * Verbs after which a tail frame closes a sentence: "…, she said.", "…, said the minister.", "…, experts say".
 * A bare base form that is also a noun is the noun: "…, said her client had not seen the November report before …".
 */
export const TAIL_VERBS: ReadonlySet<string> = new Set([...VERBS.finite('closesTail')].filter((form) => !(VERBS.verbs.has(form) && NOUN_OR_VERB.has(form))));
/** Reporting verbs that already qualify the statement they introduce. */
export const HEDGING_VERBS = VERBS.finite('hedges');

// Lists that exclude each other: a word in two of them would be read two ways, so the module does not load.
assertDisjoint({ NON_TERMINAL_ABBREVIATIONS, AMBIGUOUS_ABBREVIATIONS, SENTENCE_STARTERS });
assertDisjoint({ PERSON_PRONOUNS, GROUP_PRONOUNS, THING_PRONOUNS });
assertDisjoint({ TITLES, DOCUMENTS: DOCUMENT_ROWS.map(([noun]) => noun) });
assertDisjoint({ MEMBER_NOUNS, DOCUMENTS: DOCUMENT_ROWS.map(([noun]) => noun) });
