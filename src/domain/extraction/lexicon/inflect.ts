/**
 * English verb inflection for the lexicon: a base form gives its third person, past and gerund once,
 * with an exceptions table for the verbs that do not follow the rules.
 */

/** The forms of one verb a reporter writes. */
export interface VerbForms {
  base: string;
  /** Third person singular present: "says", "denies", "stresses". */
  third: string;
  /** Past tense and participle, or both when they differ in spelling usage ("signaled", "signalled"). */
  past: readonly string[];
  /** "saying", "denying", "arguing". */
  gerund: string;
}

/** Verbs whose forms no rule gives: say/said, tell/told, write/wrote, think/thought… */
const IRREGULAR: Readonly<Record<string, Partial<Omit<VerbForms, 'base'>>>> = {
  say: { third: 'says', past: ['said'] },
  tell: { past: ['told'] },
  write: { past: ['wrote'] },
  think: { past: ['thought'] },
  find: { past: ['found'] },
  go: { third: 'goes', past: ['went'] },
  put: { past: ['put'], gerund: 'putting' },
  give: { past: ['gave'] },
  set: { past: ['set'], gerund: 'setting' },
  forecast: { past: ['forecast'] },
  speak: { past: ['spoke'] },
  hold: { past: ['held'] },
  // A final consonant doubles where the stress falls on it.
  admit: { past: ['admitted'], gerund: 'admitting' },
  rebut: { past: ['rebutted'], gerund: 'rebutting' },
  slam: { past: ['slammed'], gerund: 'slamming' },
  quip: { past: ['quipped'], gerund: 'quipping' },
  refer: { past: ['referred'], gerund: 'referring' },
  // British and American spellings are both written.
  signal: { past: ['signaled', 'signalled'], gerund: 'signalling' },
};

const VOWEL = /[aeiou]/;

const thirdPerson = (verb: string): string => {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/y$/.test(verb) && !VOWEL.test(verb.charAt(verb.length - 2))) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
};

const pastTense = (verb: string): string => {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/y$/.test(verb) && !VOWEL.test(verb.charAt(verb.length - 2))) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
};

const gerundOf = (verb: string): string => {
  if (/[^e]e$/.test(verb) && verb !== 'be') return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
};

/**
 * Every form of a verb. A phrasal verb ("point out", "go on") inflects its first word and keeps the
 * rest: "pointed out", "went on".
 */
export const inflect = (base: string): VerbForms => {
  const [head, ...particle] = base.split(' ');
  const tail = particle.length > 0 ? ` ${particle.join(' ')}` : '';
  const irregular = IRREGULAR[head] ?? {};
  return {
    base,
    third: (irregular.third ?? thirdPerson(head)) + tail,
    past: (irregular.past ?? [pastTense(head)]).map((p) => p + tail),
    gerund: (irregular.gerund ?? gerundOf(head)) + tail,
  };
};
