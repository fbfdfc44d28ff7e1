import {
  BEFORE_TAIL_VERB,
  BETWEEN_SPEAKER_AND_VERB,
  DENIAL_VERBS,
  EXPRESSION_VERBS,
  FINITE_VERB,
  MODALS_BEFORE_VERB,
  NOUN_MARKERS,
  NOUN_OR_VERB,
  FOLLOW_UP_CONJUNCTIONS,
  REPORTING_VERBS,
  TAIL_ADVERBIAL_OPENERS,
  TAIL_VERBS,
  VERBS,
} from './lexicon';

/*
 * The token stream the attribution frames read: words with their offsets and the lexicon's tags, so a
 * frame is a pattern over tags ("a frame verb after a speaker, no modal before it") rather than a list
 * of words of its own.
 */

/** What the lexicon says a word can be. */
export type TokenTag =
  /** A verb that reports speech or belief after its speaker ("said", "believes"). */
  | 'reports'
  /** A verb that frames a position ("expressed", "urged"). */
  | 'expresses'
  /** A verb that reports only with "that" after it ("found", "showed"). */
  | 'needsThat'
  | 'denies'
  | 'takesClause'
  | 'announces'
  /** Reports only with a voiced object ("raised concerns"). */
  | 'voicesObject'
  /** Names a state before "to" ("is expected to"). */
  | 'passiveBeforeTo'
  /** Its object is a position: the whole sentence is the claim. */
  | 'wholeSentence'
  /** Also a noun ("state", "reports"): a verb only in plain frames. */
  | 'nounOrVerb'
  /** Makes the next verb a future, possible or refused act ("will", "to"). */
  | 'modal'
  /** Makes the next word a noun ("the", "its"). */
  | 'nounMarker'
  /** May stand between a speaker and its verb ("has", "also", "previously"). */
  | 'betweenSpeakerAndVerb'
  /** A verb that closes a tail frame ("…, she said.", "…, said X."). */
  | 'closesTail'
  /** May stand between a tail frame's speaker and its verb ("…, the firm has also said"), as may any "-ly" adverb. */
  | 'beforeTailVerb'
  /** Opens when or where a tail frame's speaker spoke ("said on Monday"). */
  | 'tailAdverbial'
  /** A conjunction that opens a follow-up after a frame (", but …"). */
  | 'followUp';

export interface Token {
  /** The word as written, with its punctuation ("Smith,"). */
  word: string;
  /** Lower case, without the quotes, brackets and punctuation around it ("smith"). */
  bare: string;
  start: number;
  end: number;
  tags: ReadonlySet<TokenTag>;
  /** The letters and digits the word starts with, as written ("said" of "said,"; "" of "“We"). */
  lead: string;
  /** The tags of the lead as written: the frames after their speaker read lower case only. */
  leadTags: ReadonlySet<TokenTag>;
  /** The tags of the lead in lower case. */
  foldedLeadTags: ReadonlySet<TokenTag>;
}

const TAGGED: readonly (readonly [TokenTag, ReadonlySet<string>])[] = [
  ['reports', REPORTING_VERBS],
  ['expresses', EXPRESSION_VERBS],
  ['needsThat', VERBS.finite('needsThat')],
  ['denies', DENIAL_VERBS],
  ['takesClause', VERBS.finite('takesClause')],
  ['announces', VERBS.finite('announces')],
  ['voicesObject', VERBS.finite('voicesObject')],
  ['passiveBeforeTo', VERBS.past('passiveBeforeTo')],
  ['wholeSentence', new Set([...EXPRESSION_VERBS, ...VERBS.finite('wholeSentence')])],
  ['nounOrVerb', NOUN_OR_VERB],
  ['modal', MODALS_BEFORE_VERB],
  ['nounMarker', NOUN_MARKERS],
  ['betweenSpeakerAndVerb', BETWEEN_SPEAKER_AND_VERB],
  ['closesTail', new Set([...TAIL_VERBS].filter((form) => !form.includes(' ')))],
  ['beforeTailVerb', BEFORE_TAIL_VERB],
  ['tailAdverbial', TAIL_ADVERBIAL_OPENERS],
  ['followUp', FOLLOW_UP_CONJUNCTIONS],
];

const NO_TAGS: ReadonlySet<TokenTag> = new Set();
// Articles repeat their words: each distinct word is tagged once.
const tagged = new Map<string, ReadonlySet<TokenTag>>();

/** The lexicon's tags for a bare word. */
export const tagsOf = (bare: string): ReadonlySet<TokenTag> => {
  let tags = tagged.get(bare);
  if (!tags) {
    const found = TAGGED.filter(([, words]) => words.has(bare)).map(([tag]) => tag);
    // Any "-ly" adverb may stand between a tail frame's speaker and its verb ("…, the firm repeatedly said").
    if (/^\p{Ll}+ly$/u.test(bare) && !found.includes('beforeTailVerb')) found.push('beforeTailVerb');
    tags = found.length > 0 ? new Set(found) : NO_TAGS;
    if (tagged.size > 20000) tagged.clear();
    tagged.set(bare, tags);
  }
  return tags;
};

// Each word as written is read once: its bare form and its tags.
type Reading = Pick<Token, 'bare' | 'tags' | 'lead' | 'leadTags' | 'foldedLeadTags'>;
const read = new Map<string, Reading>();
const readWord = (word: string): Reading => {
  let found = read.get(word);
  if (!found) {
    const bare = word.toLowerCase().replace(/^[“"‘'(\[]+|[”"’'),.;:!?\]]+$/g, '');
    const lead = /^[\p{L}\p{N}_]*/u.exec(word)?.[0] ?? '';
    found = { bare, tags: tagsOf(bare), lead, leadTags: tagsOf(lead), foldedLeadTags: tagsOf(lead.toLowerCase()) };
    if (read.size > 20000) read.clear();
    read.set(word, found);
  }
  return found;
};

/** The first `limit` words of a text, tagged: a speaker and its verb stand near the start, however long the sentence. */
export const tokenize = (text: string, limit = Number.POSITIVE_INFINITY): Token[] => {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    if (tokens.length === limit) break;
    const { bare, tags, lead, leadTags, foldedLeadTags } = readWord(m[0]);
    tokens.push({ word: m[0], bare, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, tags, lead, leadTags, foldedLeadTags });
  }
  return tokens;
};

/** The tokens of `text.slice(at)`, offsets relative to it: the sentence's own tokens, unless `at` falls inside one. */
export const tokensFrom = (text: string, tokens: readonly Token[], at: number): readonly Token[] => {
  if (at === 0) return tokens;
  if (tokens.some((t) => t.start < at && at < t.end)) return tokenize(text.slice(at));
  const from: Token[] = [];
  for (const t of tokens) {
    if (t.start >= at) from.push({ word: t.word, bare: t.bare, start: t.start - at, end: t.end - at, tags: t.tags, lead: t.lead, leadTags: t.leadTags, foldedLeadTags: t.foldedLeadTags });
  }
  return from;
};

/**
 * The tokens of `text` that lie in `[start, end)`, offsets still those of `text`: the clause stage reads a statement,
 * a range of its sentence, with the sentence's tokens. A token cut by either end is read as the part inside ("rose"
 * of "rose," when the range stops at the comma); the others are the sentence's own objects.
 */
export const tokensWithin = (text: string, tokens: readonly Token[], start: number, end: number): readonly Token[] => {
  let lo = 0;
  while (lo < tokens.length && tokens[lo].end <= start) lo += 1;
  let hi = lo;
  while (hi < tokens.length && tokens[hi].start < end) hi += 1;
  const firstCut = lo < hi && tokens[lo].start < start;
  const lastCut = lo < hi && tokens[hi - 1].end > end;
  if (lo === 0 && hi === tokens.length && !firstCut && !lastCut) return tokens;
  const inside = tokens.slice(lo, hi);
  const cut = (t: Token): Token => {
    const from = Math.max(t.start, start);
    const to = Math.min(t.end, end);
    const word = text.slice(from, to);
    const { bare, tags, lead, leadTags, foldedLeadTags } = readWord(word);
    // Built in the order `tokenize` builds its tokens: one shape for every token.
    return { word, bare, start: from, end: to, tags, lead, leadTags, foldedLeadTags };
  };
  if (firstCut) inside[0] = cut(inside[0]);
  if (lastCut) inside[inside.length - 1] = cut(inside[inside.length - 1]);
  return inside;
};

// Each word as written is tested once for a finite verb.
const finite = new Map<string, boolean>();

/**
 * Whether a word as written holds a finite verb (`FINITE_VERB`: "is", "announced,", "(rose"): read as written,
 * since "Is" and "Announced" are not the lower-case forms the clause stage counts as verbs.
 */
export const holdsFiniteVerb = (word: string): boolean => {
  let found = finite.get(word);
  if (found === undefined) {
    found = FINITE_VERB.test(word);
    if (finite.size > 20000) finite.clear();
    finite.set(word, found);
  }
  return found;
};
