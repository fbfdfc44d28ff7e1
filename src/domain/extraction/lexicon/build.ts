import { inflect, type VerbForms } from './inflect';

/** What a verb does in a frame; each feature is read by one stage. */
export type VerbFeature =
  /** Introduces reported speech or belief after its speaker: "X said (that) Y". */
  | 'reports'
  /** Frames a position rather than a quotation: "X has expressed frustration over Y". */
  | 'expresses'
  /** The speaker rejects what follows: stance DENIES. */
  | 'denies'
  /** The speaker qualifies what follows: stance HEDGES. */
  | 'hedges'
  /** Takes a clause without "that": "He said the plan failed". */
  | 'takesClause'
  /** Reports only with "that" after it: "the study found that…", not "police found a body". */
  | 'needsThat'
  /** Closes a sentence after its statement: "…, she said." / "…, said the minister." */
  | 'closesTail'
  /** Goes on with the same speaker after "and"/"but": "…, and added that B". */
  | 'followsAnd'
  /** Its gerund goes on with the same speaker: "…, saying B". */
  | 'continuesAsGerund'
  /** Its gerund ends the speaker's statement: "…, calling it …", "…, declining to …". */
  | 'endsStatementAsGerund'
  /** Completes "as X noted," before a statement. */
  | 'asFrame'
  /** Its past participle before "to" names a state, not a report: "is expected to", "is said to". */
  | 'passiveBeforeTo'
  /** Holding firm: with a negation after it, it rebuts ("insisted that no agreement had been reached"). */
  | 'rebuts'
  /** "announced an emergency fund" is an act the publisher reports unless a statement follows. */
  | 'announces'
  /** Reports only with a voiced object: "raised concerns", not "raised its interest rate". */
  | 'voicesObject'
  /** Its object is a position: the whole sentence is the claim ("X accused Y of …"). */
  | 'wholeSentence'
  /** Names the document a source spoke in: "Acme said in a regulatory filing". */
  | 'speaksInDocument'
  /** What an owned document measures, without "that": "the council’s own valuation puts the sale at £3.1 million". */
  | 'measuresInDocument'
  /** What a document finds, without "that": "the audit found serious failings in 14 of 20 homes". */
  | 'findsInDocument';

/** One verb of the lexicon: its base form, then its features. */
export type VerbRow = readonly [base: string, ...features: VerbFeature[]];

/** Features no verb may have together: the stages would read it two ways. */
export const EXCLUSIVE_FEATURES: readonly (readonly [VerbFeature, VerbFeature])[] = [
  ['denies', 'hedges'],
  ['denies', 'expresses'],
  ['needsThat', 'takesClause'],
  ['expresses', 'takesClause'],
];

/** A word list that contradicts itself or another: thrown when the lexicon is built, at module load. */
export class LexiconConflict extends Error {
  override name = 'LexiconConflict';
}

/** The verb lexicon every stage reads: sets of inflected forms by feature, and the patterns built from them. */
export interface VerbLexicon {
  /** Each verb's forms and features, by base form. */
  readonly verbs: ReadonlyMap<string, { forms: VerbForms; features: ReadonlySet<VerbFeature> }>;
  /** Every finite form (base, third person, past) of the verbs with a feature. */
  readonly finite: (feature: VerbFeature) => ReadonlySet<string>;
  /** The tensed forms (third person and past) of the verbs with a feature: "says", "said". */
  readonly tensed: (feature: VerbFeature) => ReadonlySet<string>;
  /** The past forms of the verbs with a feature: "expected", "said". */
  readonly past: (feature: VerbFeature) => ReadonlySet<string>;
  /** Every gerund of the verbs with a feature. */
  readonly gerunds: (feature: VerbFeature) => ReadonlySet<string>;
  /** A regular-expression alternation of words, longest first so "pointed out" is tried before "pointed". */
  readonly alternation: (words: Iterable<string>) => string;
  /** The particle a phrasal reporting verb's first word needs: "pointed" → "out". */
  readonly particleAfter: ReadonlyMap<string, string>;
}

const finiteForms = (forms: VerbForms): string[] => [forms.base, forms.third, ...forms.past];
const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular-expression alternation of words, longest first so "pointed out" is tried before "pointed". */
export const alternation = (words: Iterable<string>): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');

/** Builds the verb lexicon from its rows; throws a LexiconConflict when two rows or two features contradict. */
export const buildVerbLexicon = (rows: readonly VerbRow[]): VerbLexicon => {
  const verbs = new Map<string, { forms: VerbForms; features: ReadonlySet<VerbFeature> }>();
  for (const [base, ...features] of rows) {
    if (verbs.has(base)) throw new LexiconConflict(`the verb "${base}" has two rows`);
    if (base !== base.toLowerCase().trim()) throw new LexiconConflict(`the verb "${base}" must be a lower-case base form`);
    const set = new Set(features);
    for (const [a, b] of EXCLUSIVE_FEATURES) {
      if (set.has(a) && set.has(b)) throw new LexiconConflict(`the verb "${base}" cannot both ${a} and ${b}`);
    }
    verbs.set(base, { forms: inflect(base), features: set });
  }
  // Two verbs sharing a form ("forecast" is its own past) must not contradict each other through it.
  const featuresOfForm = new Map<string, Set<VerbFeature>>();
  for (const { forms, features } of verbs.values()) {
    for (const form of finiteForms(forms)) {
      const all = featuresOfForm.get(form) ?? new Set<VerbFeature>();
      for (const feature of features) all.add(feature);
      featuresOfForm.set(form, all);
    }
  }
  for (const [form, features] of featuresOfForm) {
    for (const [a, b] of EXCLUSIVE_FEATURES) {
      if (features.has(a) && features.has(b)) throw new LexiconConflict(`the form "${form}" would both ${a} and ${b}`);
    }
  }
  const particleAfter = new Map<string, string>();
  for (const { forms, features } of verbs.values()) {
    const [, ...particle] = forms.base.split(' ');
    if (particle.length === 0 || !features.has('reports')) continue;
    for (const form of finiteForms(forms)) particleAfter.set(form.split(' ')[0], particle.join(' '));
  }
  const finiteCache = new Map<VerbFeature, ReadonlySet<string>>();
  const gerundCache = new Map<VerbFeature, ReadonlySet<string>>();
  const withFeature = (feature: VerbFeature): VerbForms[] => [...verbs.values()].filter((v) => v.features.has(feature)).map((v) => v.forms);
  return {
    verbs,
    particleAfter,
    finite: (feature) => {
      let set = finiteCache.get(feature);
      if (!set) {
        // A phrasal verb counts by its first word among single words ("pointed" of "pointed out").
        const forms = withFeature(feature).flatMap(finiteForms);
        set = new Set(feature === 'reports' ? forms.map((f) => f.split(' ')[0]) : forms);
        finiteCache.set(feature, set);
      }
      return set;
    },
    tensed: (feature) => new Set(withFeature(feature).flatMap((forms) => [forms.third, ...forms.past])),
    past: (feature) => new Set(withFeature(feature).flatMap((forms) => forms.past)),
    gerunds: (feature) => {
      let set = gerundCache.get(feature);
      if (!set) {
        set = new Set(withFeature(feature).map((forms) => forms.gerund));
        gerundCache.set(feature, set);
      }
      return set;
    },
    alternation,
  };
};

/** Throws a LexiconConflict when two word lists that exclude each other share a word. */
export const assertDisjoint = (lists: Readonly<Record<string, Iterable<string>>>): void => {
  const seen = new Map<string, string>();
  for (const [name, words] of Object.entries(lists)) {
    for (const word of words) {
      const other = seen.get(word);
      if (other !== undefined && other !== name) throw new LexiconConflict(`"${word}" is in both ${other} and ${name}`);
      seen.set(word, name);
    }
  }
};
