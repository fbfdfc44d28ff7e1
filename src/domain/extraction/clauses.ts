import { AUXILIARY_VERBS, COUNT_WORDS, DENIED_NOUN_ROWS, IRREGULAR_PASTS, NAMING_PARTICIPLES, ORIGIN_PARTICIPLES, standsAlone, TIME_UNITS, VERBS } from './lexicon';
import type { Statement } from './attribution';
import { type Range, tightenRange } from './ranges';
import { holdsFiniteVerb, type Token, tokenize, tokensWithin } from './tokens';

/**
 * What a clause is to its statement: the statement proper, background the publisher adds about a
 * subject ("Riverton, who finished fourth, …"), an aside that is left out (", which the club bought in May"),
 * or someone's denial of the clause before.
 */
export type ClauseRole = 'main' | 'background' | 'denial' | 'aside';

export interface Clause {
  range: Range;
  role: ClauseRole;
  /** The subject the clause shares with the clause before it ("Smith … and has two years left"). */
  subject?: string;
  /** Who denies, for a denial clause ("an account the club flatly denied"). */
  speaker?: string;
  cue?: string;
}

const IRREGULAR_PAST = new Set(IRREGULAR_PASTS);
// A verb that may stand right after a subject: an auxiliary, or "say" in any tense.
const AUXILIARY = new Set([...AUXILIARY_VERBS, 'say', 'says', 'said']);
const PARTICIPLE = /^(?:\p{Ll}{2,}(?:ed|en)|made|known|led|held|built|set|run|given|taken|seen|shown|written|brought|found|sold|paid|born|based|chosen|driven|kept|left|lost|meant|put|sent|spent|told|won|backed|struck|hit|cut|begun|drawn|grown|thrown|done|gone|laid|bought|caught|taught|sought|fought|brought)$/u;
// A clause of its own starts with its subject, not with "also", a gerund or a preposition.
const SUBJECT_START =
  /^(?:the|a|an|this|that|these|those|it|he|she|they|we|i|its|their|his|her|our|some|many|most|both|all|no|none|one|two|every|each|\d|[“"]?\p{Lu})/iu;
const NOT_A_SUBJECT = /^(?:also|still|then|not|only|in|on|at|for|with|by|to|from|as|if|because|after|before|\p{Ll}+ing)\b/u;
// "documents seen by the paper" says where the reporter found the statement, not a fact of its own.
const PROVENANCE = new Set(['seen', 'obtained', 'reviewed', 'viewed', 'examined', 'verified']);

// ", an account the club flatly denied": an article, a noun a denial takes, (that,) the denier, an adverb, and a
// denying verb ending the statement.
const DENIED_ARTICLES = new Set(['a', 'an', 'the']);
const DENIED_APPOSITIVE_NOUNS = new Set(DENIED_NOUN_ROWS.filter(([, , ...frames]) => frames.includes('appositive')).map(([singular]) => singular));
const DENYING_ADVERBS = new Set(['flatly', 'strongly', 'firmly', 'categorically', 'vehemently', 'quickly', 'later', 'also']);
const DENYING_VERBS = VERBS.tensed('denies');
// A denier runs over spaces but not over a line break.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

interface DeniedAccount {
  /** Where the comma before the account stands. */
  at: number;
  speaker: string;
  /** Where the denier stands in the statement. */
  speakerStart: number;
  speakerEnd: number;
  cue: string;
}

/**
 * ", an account the club flatly denied" ending a statement: the first comma before "a/an/the" + a denied noun
 * from which the rest reads "(that) DENIER (ADVERB) VERB". The denier is as short as it can be, so an adverb
 * before the verb is not part of it.
 */
const deniedAccount = (statement: string, tokens: readonly Token[]): DeniedAccount | null => {
  const v = tokens.length - 1;
  if (v < 0 || !DENYING_VERBS.has(tokens[v].word)) return null;
  // The denier: the words from token `first` up to the verb (an adverb before it aside), on one line.
  const denier = (first: number): [number, number] | null => {
    if (first >= v) return null;
    const last = first + 1 < v && DENYING_ADVERBS.has(tokens[v - 1].word) ? v - 2 : v - 1;
    const found: [number, number] = [tokens[first].start, tokens[last].end];
    return LINE_BREAK.test(statement.slice(found[0], found[1])) ? null : found;
  };
  for (let i = 0; i < v; i += 1) {
    const { word } = tokens[i];
    for (let comma = word.indexOf(','); comma !== -1; comma = word.indexOf(',', comma + 1)) {
      // The article either follows the comma in the same word (",an") or is the next word.
      const glued = word.slice(comma + 1);
      const article = glued === '' ? i + 1 : DENIED_ARTICLES.has(glued) ? i : -1;
      if (article === -1 || article >= v || (article !== i && !DENIED_ARTICLES.has(tokens[article].word))) continue;
      const noun = article + 1;
      if (noun >= v || !DENIED_APPOSITIVE_NOUNS.has(tokens[noun].word)) continue;
      const found = (tokens[noun + 1].word === 'that' ? denier(noun + 2) : null) ?? denier(noun + 1);
      if (!found) continue;
      return { at: tokens[i].start + comma, speaker: statement.slice(found[0], found[1]), speakerStart: found[0], speakerEnd: found[1], cue: tokens[v].word };
    }
  }
  return null;
};

// "… but declined to comment", "… and would not say how": a refusal to say more, with nothing after it but a clause's end.
const REFUSING = new Set(['declined', 'refused']);
const NEGATED = new Set(['would', 'did', 'could']);
const REFUSED_ACTS = ['comment', 'say', 'elaborate', 'discuss', 'speculate'];
/** Whether `word` starts with `prefix` as a whole word ("comment," but not "comments"). */
const opensWith = (word: string, prefix: string): boolean => word.startsWith(prefix) && !/^\w/.test(word.slice(prefix.length));

/** Where a refusal tail ("…, but declined to comment further") starts: its comma, or the space before "but"/"and"; -1 when there is none. */
const refusalTail = (statement: string, tokens: readonly Token[]): number => {
  // Written as one phrase: "would not", "give further details".
  const joined = (i: number, word: string): boolean => tokens[i]?.word === word && statement[tokens[i].end] === ' ' && tokens[i + 1]?.start === tokens[i].end + 1;
  for (let k = 1; k + 2 < tokens.length; k += 1) {
    if (tokens[k].word !== 'but' && tokens[k].word !== 'and') continue;
    const verb = REFUSING.has(tokens[k + 1].word) ? k + 1 : NEGATED.has(tokens[k + 1].word) && joined(k + 1, tokens[k + 1].word) && tokens[k + 2].word === 'not' ? k + 2 : -1;
    if (verb === -1 || verb + 1 >= tokens.length) continue;
    const act = tokens[verb + 1].word === 'to' && verb + 2 < tokens.length ? verb + 2 : verb + 1;
    const word = tokens[act].word;
    const refused =
      REFUSED_ACTS.some((prefix) => opensWith(word, prefix)) ||
      (joined(act, 'give') && (opensWith(tokens[act + 1].word, 'details') || (joined(act + 1, 'further') && opensWith(tokens[act + 2]?.word ?? '', 'details'))));
    // Nothing after it but the end of the clause: no semicolon.
    if (!refused || statement.indexOf(';', tokens[act].start) !== -1) continue;
    const before = tokens[k - 1];
    return before.word.endsWith(',') ? before.end - 1 : before.end;
  }
  return -1;
};

const CONCEDING = new Set(['while', 'although', 'though', 'whereas']);

/**
 * "While A, B" from `base`: the concession A (from its first word to the comma that ends it) and where B starts;
 * or "Founded in 1978, B": the origin, its participle and all, as a fact of its own.
 */
const leadingConcession = (statement: string, tokens: readonly Token[], base: number): { at: number; text: string; next: number } | null => {
  if (tokens.length < 2 || tokens[0].start !== base) return null;
  const first = tokens[0].word.toLowerCase();
  const origin = ORIGIN_PARTICIPLES.has(first) && /^(?:in|on|at|by)$/.test(tokens[1].word);
  if (!CONCEDING.has(first) && !origin) return null;
  // Up to the first comma, which needs a space after it.
  let comma = -1;
  let i = 1;
  for (; i < tokens.length && comma === -1; i += 1) {
    const at = tokens[i].word.indexOf(',');
    if (at !== -1) comma = tokens[i].start + at;
  }
  const holder = tokens[i - 1];
  // The comma ends its word, something follows it, and the concession has a word before it.
  if (comma === -1 || comma !== holder.end - 1 || holder.end >= statement.length || comma <= tokens[1].start) return null;
  const start = origin ? tokens[0].start : tokens[1].start;
  const next = i < tokens.length ? tokens[i].start : statement.length;
  return { at: start, text: statement.slice(start, comma), next };
};

// "… and said (that)", "… and denied that": a second reporting verb of the same speaker, and its "that". A
// phrasal form ("points out") is listed under its first word, longest first.
const SECOND_REPORT_FORMS = new Map<string, string[]>();
for (const form of [...new Set([...VERBS.tensed('reports'), ...VERBS.tensed('denies')])].sort((a, b) => b.length - a.length)) {
  const head = form.split(' ')[0];
  SECOND_REPORT_FORMS.set(head, [...(SECOND_REPORT_FORMS.get(head) ?? []), form]);
}

/** A reporting or denying verb in the third person or the past opening the words at `at` (a word's start), and its "that". */
const secondReport = (statement: string, words: Words, at: number): { cue: string; next: number; that: boolean } | null => {
  const { tokens } = words;
  const k = words.indexAfter(at);
  for (const form of SECOND_REPORT_FORMS.get(tokens[k]?.word ?? '') ?? []) {
    const last = k + form.split(' ').length - 1;
    // The verb is followed by a word ("said it", "said that it"): "that" is taken only with a word after it.
    if (last + 1 >= tokens.length || statement.slice(tokens[k].start, tokens[last].end) !== form) continue;
    const that = tokens[last + 1].word === 'that' && last + 2 < tokens.length;
    return { cue: form, next: tokens[that ? last + 2 : last + 1].start, that };
  }
  return null;
};
const HEDGING_REPORT = VERBS.tensed('hedges');

// Verbs of intent before "to": "and expects to begin", "and aims to cut" (never a noun: "and ministers to reverse").
const INTENDING = /^(?:expects|intends|aims|hopes|plans|wants|seeks|promises|pledges|vows|threatens|agrees|refuses|declines|continues|offers|needs|expected|intended|aimed|hoped|planned|wanted|sought|promised|pledged|vowed|threatened|agreed|refused|declined|continued|offered)$/;


/**
 * The words of a statement (its sentence's tokens, cut to the statement), and what the clause tests ask of them:
 * how many words lie between two offsets, whether a finite verb does, where the next comma or semicolon is. Every
 * question is about a stretch between offsets, so the statement is tokenised once, by its sentence.
 */
class Words {
  /** For each token, the first token at or after it holding a finite verb (-1: none), filled when first asked. */
  private finiteFrom: Int32Array | null = null;
  /** For each token, the first token at or after it holding a comma or a semicolon (-1: none). */
  private pauseFrom: Int32Array | null = null;

  constructor(readonly tokens: readonly Token[]) {}

  /** The index of the first token that ends after `at` (`tokens.length` when none does). */
  indexAfter(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end > at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Whether `text.slice(start, end)` has at least `count` words: counting stops at the threshold. */
  has(start: number, end: number, count: number): boolean {
    if (end <= start) return count <= 0;
    const first = this.indexAfter(start);
    const last = first + count - 1;
    return last < this.tokens.length && this.tokens[last].start < end;
  }

  /** The words from `start` (a word's start) on, as written: the first `limit`. */
  from(start: number, limit: number): string[] {
    const first = this.indexAfter(start);
    return this.tokens.slice(first, first + limit).map((t) => t.word);
  }

  /** The words of `text.slice(start, end)`, `start` being a word's start or a space: the last cut at `end`. */
  between(start: number, end: number): string[] {
    const found: string[] = [];
    for (let i = this.indexAfter(start); i < this.tokens.length && this.tokens[i].start < end; i += 1) {
      const t = this.tokens[i];
      found.push(t.end > end ? t.word.slice(0, end - t.start) : t.word);
    }
    return found;
  }

  /** Whether a finite verb stands in `text.slice(start, end)`, `start` being a word's start or a space (verbs never span words). */
  finiteBetween(start: number, end = Number.POSITIVE_INFINITY): boolean {
    const at = this.indexAfter(start);
    if (at >= this.tokens.length) return false;
    this.finiteFrom ??= this.nextWhere((t) => holdsFiniteVerb(t.word));
    const found = this.finiteFrom[at];
    if (found === -1) return false;
    const t = this.tokens[found];
    if (t.start >= end) return false;
    // A word cut by the end is read as the part before it ("rose" of "rose,").
    return t.end <= end || holdsFiniteVerb(t.word.slice(0, end - t.start));
  }

  /** Where the first comma or semicolon at or after `start` (a word's start or a space) stands; -1 when none does. */
  pauseAfter(start: number): number {
    const at = this.indexAfter(start);
    if (at >= this.tokens.length) return -1;
    this.pauseFrom ??= this.nextWhere((t) => /[,;]/.test(t.word));
    const found = this.pauseFrom[at];
    if (found === -1) return -1;
    const t = this.tokens[found];
    return t.start + t.word.search(/[,;]/);
  }

  private nextWhere(test: (t: Token) => boolean): Int32Array {
    const next = new Int32Array(this.tokens.length);
    let found = -1;
    for (let i = this.tokens.length - 1; i >= 0; i -= 1) {
      if (test(this.tokens[i])) found = i;
      next[i] = found;
    }
    return next;
  }
}

/** Four words or more with a finite verb (the lexicon's `isFiniteClause`), read from the tokens. */
const isFiniteClauseIn = (words: Words, start: number, end: number): boolean => words.has(start, end, 4) && words.finiteBetween(start, end);
const isVerbLike = (word: string): boolean => AUXILIARY.has(word) || /^\p{Ll}{3,}(?:ed|es|s)$/u.test(word);

/** The subject of a clause: its words before the first verb, without an appositive ("Smith, 24,"). */
const leadingSubject = (words: Words): string | undefined => {
  const tokens = words.from(0, 9);
  const verbAt = tokens.findIndex((w, i) => i > 0 && (AUXILIARY.has(w) || /^\p{Ll}{3,}ed$/u.test(w)));
  if (verbAt <= 0 || verbAt > 8) return undefined;
  const subject = tokens.slice(0, verbAt).join(' ').split(',')[0].trim();
  return subject || undefined;
};

interface Cut {
  /** Where the left clause ends. */
  at: number;
  /** Where the right clause starts. */
  next: number;
  role?: ClauseRole;
  subject?: string;
  speaker?: string;
  cue?: string;
}

// The lower-case letters a word opens with, up to a word boundary ("who" of "who", "caf" of "café-owned").
const OPENING_LETTERS = /^\p{Ll}+\b/u;
const LY_ADVERB = /^\p{Ll}+ly$/u;

/**
 * "NP, made public by X, signifies …" / "NP, who finished fourth, have made …" → the subject's background, then the
 * predicate: a subject of 2 to 60 characters up to the first comma, an appositive opening with a lower-case word
 * (after an "-ly" adverb or not) up to a comma before a lower-case word (a comma inside a number, "20,000", does
 * not close it), then the predicate's verb. Offsets are relative to `from`.
 */
const subjectAppositive = (statement: string, words: Words, from: number): Cut | null => {
  const { tokens } = words;
  let i = words.indexAfter(from);
  const first = i;
  let comma = -1;
  for (; i < tokens.length && comma === -1; i += 1) {
    const at = tokens[i].word.indexOf(',');
    if (at !== -1) comma = tokens[i].start + at;
  }
  if (comma === -1) return null;
  // 2 to 60 characters, counted as code points.
  const units = comma - from;
  const length = units >= 4 && units <= 60 ? units : [...statement.slice(from, comma)].length;
  // The subject's comma ends its word and has a space after it.
  if (length < 2 || length > 60 || comma !== tokens[i - 1].end - 1 || i >= tokens.length) return null;
  const opening = tokens[i];
  const adverbFirst = LY_ADVERB.test(opening.word) ? OPENING_LETTERS.exec(tokens[i + 1]?.word ?? '')?.[0] : undefined;
  const firstWord = adverbFirst ?? OPENING_LETTERS.exec(opening.word)?.[0];
  if (firstWord === undefined) return null;
  // The appositive ends at the first comma with a space and a lower-case word after it.
  let close = -1;
  let predicateVerb = '';
  const scanFrom = (adverbFirst !== undefined ? tokens[i + 1].start : opening.start) + firstWord.length;
  for (let k = words.indexAfter(scanFrom); k < tokens.length && close === -1; k += 1) {
    const t = tokens[k];
    for (let at = t.word.indexOf(',', Math.max(0, scanFrom - t.start)); at !== -1; at = t.word.indexOf(',', at + 1)) {
      const verb = at === t.word.length - 1 ? OPENING_LETTERS.exec(tokens[k + 1]?.word ?? '')?.[0] : undefined;
      if (verb !== undefined) {
        close = t.start + at;
        predicateVerb = verb;
        break;
      }
      if (!/^[0-9]/.test(t.word.slice(at + 1))) return null;
    }
  }
  if (close === -1) return null;
  if (words.finiteBetween(from, comma) || words.has(from, comma, 8)) return null;
  const relative = firstWord === 'who' || firstWord === 'which';
  const [head, second] = words.between(opening.start, close);
  const participial = PARTICIPLE.test(firstWord) || (/ly$/.test(head ?? '') && PARTICIPLE.test(second ?? ''));
  // "known as …", "also known as …" (one space apart), "seen by …".
  // A naming appositive ("known as CTX-417") names; it does not state anything.
  const naming = [...NAMING_PARTICIPLES].some((name) => opensWith(head ?? '', name)) || (head === 'also' && statement[opening.end] === ' ' && tokens[i + 1]?.start === opening.end + 1 && opensWith(second ?? '', 'known'));
  const provenance = PROVENANCE.has(head ?? '') && second !== undefined && opensWith(second, 'by');
  if (!relative && (!participial || naming || provenance || !words.has(opening.start, close, 4))) return null;
  if (!isVerbLike(predicateVerb)) return null;
  const at = comma - from + 2 + (close - opening.start);
  return { at, next: at + 2, role: 'background', subject: statement.slice(from, comma).trim() };
};

// The conjunctions that open a clause after a comma (", but …"), and the two-word ones (", even as …").
const JOINING = new Set(['while', 'whereas', 'though', 'although', 'but', 'and', 'with', 'including', 'which', 'who', 'where', 'when', 'before', 'after', 'as']);
const JOINING_PAIRS: ReadonlyMap<string, string> = new Map([['in', 'what'], ['even', 'as']]);
const SPLICING_SUBJECT = new Set(['we', 'they']);
const SPLICING_AUXILIARY = new Set(['have', 'had', 'will', 'are', 'were']);

interface Joint {
  /** Where the joint starts: its semicolon or comma, or the space before "and". */
  at: number;
  /** Where the words after it start. */
  next: number;
  /** The conjunction as written ("but", "in what"); '' for a bare semicolon or comma, 'and' for a bare "and". */
  word: string;
  /** Where the conjunction starts. */
  wordAt: number;
  /** A comma joint (", we have …", ", but …"). */
  comma: boolean;
}

/**
 * The first joint at or after `searchFrom`, walking the tokens: a semicolon ("A; B"), a comma before "we/they have
 * + verb" (two statements spliced), a comma before a conjunction (", but", ", even as"), or "and" before a lower-case
 * word. A joint takes the spaces after it, and the next one is looked for after those.
 */
const nextJoint = (statement: string, words: Words, searchFrom: number): Joint | null => {
  const { tokens } = words;
  const length = statement.length;
  // A word with a space after it: every joint is followed by one.
  const spaced = (i: number): boolean => i < tokens.length && (i + 1 < tokens.length || tokens[i].end < length);
  const startOf = (i: number): number => (i < tokens.length ? tokens[i].start : length);
  for (let i = Math.max(0, words.indexAfter(searchFrom) - 1); i < tokens.length; i += 1) {
    const t = tokens[i];
    const mark = t.end - 1;
    const after = tokens[i + 1];
    if (mark >= searchFrom && spaced(i)) {
      if (t.word.endsWith(';')) return { at: mark, next: startOf(i + 1), word: '', wordAt: mark, comma: false };
      if (t.word.endsWith(',') && after) {
        const aux = tokens[i + 2];
        if (SPLICING_SUBJECT.has(after.word) && aux && SPLICING_AUXILIARY.has(aux.word) && spaced(i + 2) && /^\p{Ll}{3}/u.test(tokens[i + 3]?.word ?? '')) {
          return { at: mark, next: after.start, word: '', wordAt: after.start, comma: true };
        }
        // ", one of only two foundries left", ", the first in the region since 2012": a ranking of its own.
        if (opensRanking(tokens, i + 1)) {
          return { at: mark, next: after.start, word: 'ranking', wordAt: after.start, comma: true };
        }
        // ", two days after the union rejected …": a dated event of its own.
        const [unit, relation] = [tokens[i + 2], tokens[i + 3]];
        if ((COUNT_WORDS.has(after.word) || /^\d+$/.test(after.word)) && unit && TIME_UNITS.has(unit.word) && (relation?.word === 'after' || relation?.word === 'before') && spaced(i + 3)) {
          return { at: mark, next: startOf(i + 4), word: relation.word, wordAt: after.start, comma: true };
        }
        const pair = JOINING_PAIRS.get(after.word);
        const last = pair !== undefined && tokens[i + 2]?.word === pair ? i + 2 : JOINING.has(after.word) ? i + 1 : -1;
        if (last !== -1 && spaced(last)) {
          return { at: mark, next: startOf(last + 1), word: statement.slice(after.start, tokens[last].end), wordAt: after.start, comma: true };
        }
      }
    }
    // " and " before a lower-case word with a space after it, the space starting at or after `searchFrom`.
    const lower = tokens[i + 2];
    if (after?.word === 'and' && Math.max(t.end, searchFrom) < after.start && lower && /^\p{Ll}+$/u.test(lower.word) && spaced(i + 2)) {
      return { at: Math.max(t.end, searchFrom), next: lower.start, word: 'and', wordAt: after.start, comma: false };
    }
  }
  return null;
};

// What opens a ranking or comparison set after a clause, word by word: a checkable fact about what the clause
// names. ("…, the lowest since 1979" after a figure only says how low the figure is: the same claim, not split.)
const RANKINGS: readonly (readonly ReadonlySet<string>[])[] = [
  ['one', 'of', 'the only just its their fewer more about'],
  ['the', 'first only last'],
  ['making', 'it them', 'the'],
  ['twice', 'as'],
  ['three four', 'times', 'as'],
  ['a', 'higher lower larger smaller bigger', 'share proportion number rate figure', 'than'],
].map((words) => words.map((alternatives) => new Set(alternatives.split(' '))));

/** Whether the words from token `at` open a ranking (", one of only two …", ", the first in …"), as written in lower case. */
const opensRanking = (tokens: readonly Token[], at: number): boolean =>
  RANKINGS.some((words) => words.every((alternatives, k) => {
    const token = tokens[at + k];
    // Every word but the last stands bare: no comma or quote inside the phrase.
    return token !== undefined && alternatives.has(k === words.length - 1 ? token.bare : token.word) && (k === words.length - 1 || token.word === token.bare);
  }));

// What may open the words after a joint, each read on its first word (or words, written with one space).
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
const LATER_SUBJECT = /^(?:it|he|she|they|the|its|their|his|her|\p{Lu})/u;
const NOT_CONCEDED = /^(?:in|on|at|for|with|by|to|from|if|not|only)\b/;
const HELPING = [['the', 'help'], ['the', 'support'], ['a', 'view'], ['an', 'eye']];
const AS_VERB = /^(?:\p{Ll}{3,}ed|is|are|was|were|has|have|had|will|would)$/u;
const ASIDE_VERBS = ['might', 'may', 'could', 'would', 'will', 'can', 'should', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had'];
const FORECAST_VERBS = ['will', 'would', 'could', 'may', 'might', 'can', 'is', 'are', 'was', 'were', 'has', 'have', 'had'];
const OBJECT_SUBJECTS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'he', 'she', 'they', 'it', 'we', 'i', 'you']);
const PRESENT_SUBJECTS = new Set(['we', 'they', 'i', 'you']);
const OWNED_SUBJECTS = new Set(['the', 'its', 'their', 'our', 'his', 'her']);
// A reporting verb in the third person or the past, a phrasal one ("points out") under its first word, longest first.
const REPORTING_FORMS = new Map<string, string[]>();
for (const form of [...VERBS.tensed('reports')].sort((a, b) => b.length - a.length)) {
  const head = form.split(' ')[0];
  REPORTING_FORMS.set(head, [...(REPORTING_FORMS.get(head) ?? []), form]);
}

/** The words after a joint, read from the tokens: what the cuts ask about how the clause opens. */
class Opening {
  constructor(
    private readonly statement: string,
    private readonly tokens: readonly Token[],
    /** The first word after the joint. */
    private readonly k: number,
  ) {}

  /** The `i`-th word after the joint, as written ('' past the end). */
  word(i = 0): string {
    return this.tokens[this.k + i]?.word ?? '';
  }

  /** Whether a space follows the `i`-th word. */
  spaced(i = 0): boolean {
    const t = this.tokens[this.k + i];
    return t !== undefined && t.end < this.statement.length;
  }

  /** Whether the words from the `i`-th read `phrase`, one space apart, the last as a whole word at the start of its token ("help," too). */
  phrase(phrase: readonly string[], i = 0): boolean {
    return phrase.every((part, j) => {
      const t = this.tokens[this.k + i + j];
      if (t === undefined) return false;
      if (j === phrase.length - 1) return opensWith(t.word, part);
      const after = this.tokens[this.k + i + j + 1];
      return t.word === part && after !== undefined && after.start === t.end + 1 && this.statement[t.end] === ' ';
    });
  }

  /** ", as consumer prices continued …": one to four words, then an "-ed" verb or an auxiliary, then a space. */
  subjectThenVerb(): boolean {
    for (let j = 1; j <= 4; j += 1) {
      if (!/^[\p{L}’'-]+$/u.test(this.word(j - 1))) return false;
      if (AS_VERB.test(this.word(j)) && this.spaced(j)) return true;
    }
    return false;
  }

  /** ", which it expects will fund …": a subject, a reporting verb and an auxiliary or modal. */
  reportedForecast(): boolean {
    const verb = SUBJECT_PRONOUNS.has(this.word()) && this.spaced() ? 1 : this.word() === 'the' && /^\p{L}+$/u.test(this.word(1)) && this.spaced(1) ? 2 : -1;
    if (verb === -1) return false;
    return (REPORTING_FORMS.get(this.word(verb)) ?? []).some((form) => {
      const parts = form.split(' ');
      const last = verb + parts.length - 1;
      return (parts.length === 1 || this.phrase(parts, verb)) && this.word(last) === parts[parts.length - 1] && this.spaced(last) && FORECAST_VERBS.some((aux) => opensWith(this.word(last + 1), aux));
    });
  }
}

/** Where a statement splits between two checkable statements, and how. */
const findCut = (statement: string, words: Words, searchFrom: number, from: number, reported: boolean): Cut | null => {
  for (let joint = nextJoint(statement, words, searchFrom); joint; joint = nextJoint(statement, words, joint.next)) {
    const { at, next, word } = joint;
    const right = new Opening(statement, words.tokens, words.indexAfter(next));
    // Up to the next comma or semicolon.
    const pause = words.pauseAfter(next);
    const headEnd = pause < 0 ? statement.length : pause;
    const rightHead = (): string => statement.slice(next, headEnd);
    const [firstWord, secondWord] = words.from(next, 2);
    const first = firstWord?.replace(/[“"]/g, '') ?? '';
    // A finite verb in the rest of the statement, or in the left clause (verbs never span a joint).
    const verbInRight = words.finiteBetween(next);
    if (!words.has(from, at, 3)) continue;
    if (word === '' && joint.comma) {
      // "We have rebuilt the network, we have added …": two statements spliced by a comma.
      if (words.has(from, at, 4) && words.has(next, headEnd, 4)) return { at, next };
    } else if (word === '') {
      if (words.has(from, at, 4) && words.has(next, statement.length, 4)) return { at, next };
    } else if (word === 'as') {
      // ", as consumer prices continued to climb": a second fact with its own subject and verb; ", as expected" is not.
      if (words.has(next, headEnd, 5) && SUBJECT_START.test(right.word()) && !NOT_A_SUBJECT.test(right.word()) && right.subjectThenVerb()) return { at, next };
    } else if (word === 'while' || word === 'whereas') {
      if (words.has(next, statement.length, 3)) return { at, next };
    } else if (word === 'though' || word === 'although' || word === 'even as') {
      // ", though gusts are still possible", ", even as spending rose": a second fact, conceded.
      if (!NOT_CONCEDED.test(right.word()) && standsAlone(rightHead())) return { at, next };
    } else if (word === 'but') {
      if (isFiniteClauseIn(words, next, headEnd)) return { at, next };
    } else if (word === 'with') {
      // ", with exceptions noted only for steel": a fact of its own, stated in passing.
      if (words.has(next, headEnd, 4) && !HELPING.some((phrase) => right.phrase(phrase))) return { at, next };
    } else if (word === 'including') {
      if (words.has(next, headEnd, 5) && words.between(next, headEnd).some((w) => PARTICIPLE.test(w))) return { at, next };
    } else if (word === 'ranking') {
      if (words.has(from, at, 4) && words.has(next, headEnd, 4)) return { at, next };
    } else if (word === 'in what') {
      return { at, next: statement.indexOf('what', joint.wordAt), role: 'background' };
    } else if (word === 'before' || word === 'after') {
      // ", before it was bought by a restorer": a later event with its own subject and verb.
      if (words.has(next, statement.length, 4) && LATER_SUBJECT.test(right.word()) && !NOT_A_SUBJECT.test(right.word()) && isFiniteClauseIn(words, next, headEnd)) return { at, next };
    } else if (word === 'where' || word === 'when') {
      // ", where 40 people slept", ", when he resigned": another fact; "X, when it rains, might …" is an aside.
      const comma = words.indexAfter(headEnd);
      const aside = statement[headEnd] === ',' && words.tokens[comma]?.end === headEnd + 1 && ASIDE_VERBS.some((verb) => opensWith(words.tokens[comma + 1]?.word ?? '', verb));
      if (!aside && words.has(next, statement.length, 3) && SUBJECT_START.test(right.word()) && !NOT_A_SUBJECT.test(right.word()) && verbInRight) return { at, next: joint.wordAt };
    } else if (word === 'which' || word === 'who') {
      // ", which the museum received in August": an object relative only describes the noun before it, so it is left out.
      // ", which it expects will fund operations into 2028": a forecast reported inside the relative is a statement.
      const objectRelative = OBJECT_SUBJECTS.has(right.word().toLowerCase()) && right.spaced() && !right.reportedForecast();
      if (words.has(next, statement.length, 3) && verbInRight) return { at, next: joint.wordAt, role: objectRelative ? 'aside' : 'background' };
    } else if (word === 'and' && joint.comma) {
      // ", and we publish our terms", ", and the waiting list runs to 18 months": a present tense after its own subject.
      const presentClause = (PRESENT_SUBJECTS.has(right.word()) && right.spaced() && /^\p{Ll}{3,}$/u.test(right.word(1)) && right.spaced(1)) || (OWNED_SUBJECTS.has(right.word()) && right.spaced() && standsAlone(rightHead()));
      if (SUBJECT_START.test(right.word()) && !NOT_A_SUBJECT.test(right.word()) && (isFiniteClauseIn(words, next, headEnd) || presentClause)) return { at, next };
    } else if (word === 'and') {
      // "said A and that B": the second "that" opens a clause even when its verb is not recognised.
      if (first === 'that' && words.has(next, statement.length, 5)) return { at, next: next + 5 };
      // "denied that A and said B", "said A and denied that B": a second report of the speaker, with its own verb
      // ("… and expects revenue of €74 million" is an intention, not a report; narration's "and said" is left
      // to the attribution frames).
      const reporting = reported ? secondReport(statement, words, next) : null;
      const hedgeWithoutThat = reporting !== null && HEDGING_REPORT.has(reporting.cue) && !reporting.that;
      if (reporting && !hedgeWithoutThat && words.has(reporting.next, statement.length, 4) && words.has(from, at, 4)) {
        return { at, next: reporting.next, cue: reporting.cue };
      }
      // "scored 21 goals and has two years left": a second predicate of the same subject.
      const after = secondWord ?? '';
      const mainVerb = /^(?:has|have|had|is|are|was|were)$/.test(first) && !/^(?:been|being|\p{Ll}+ed|\p{Ll}+en|\p{Ll}+ing)$/u.test(after);
      // "… and expects to begin enrolment in 2027": a second intention of the same subject.
      const intends = INTENDING.test(first) && after === 'to';
      if ((mainVerb || intends || /^(?:will|would|can|could|plans)$/.test(first)) && words.has(next, statement.length, 4)) {
        return { at, next, subject: leadingSubject(words) };
      }
      // "hired an auditor and changed its rules", "came in 1991 and spent 24 years …": a second past action
      // taking its own object.
      const object = /^(?:him|her|them|it|its|his|their|the|a|an|about|around|nearly|more|\d[\d,.]*)$/.test(after);
      const pastAction = (/^\p{Ll}{3,}ed$/u.test(first) || IRREGULAR_PAST.has(first)) && object;
      const verbInLeft = (): boolean => words.finiteBetween(from, at);
      if (pastAction && words.has(next, statement.length, 3) && verbInLeft()) return { at, next, subject: leadingSubject(words) };
      // "was founded in 1958 and employs about 90 people": a present tense with its own object after a finite clause.
      const presentAction = /^\p{Ll}{3,}s$/u.test(first) && !/ss$/.test(first) && object;
      if (presentAction && words.has(next, statement.length, 3) && words.has(from, at, 4) && verbInLeft()) return { at, next, subject: leadingSubject(words) };
    }
  }
  return null;
};

/**
 * Splits a statement where it holds several checkable statements: "A; B", "A, but B", "A, and B",
 * "while A, B", "NP, made public by X, does B", "A, with B", "A, which B", "A, an account X denied"; and, in a
 * statement someone makes (`spoken`), "A and said B", "A and denied that B".
 * Ranges are tight (no spaces or final punctuation) and in order. `tokens` are the sentence's (`tokenize(text)`),
 * read once for all its statements.
 */
export const splitClauses = (text: string, range: Range, frameEnd = range.start, spoken = false, tokens: readonly Token[] = tokenize(text)): Clause[] => {
  // The statement is read in its sentence's offsets, from `base` on: its tokens are the sentence's own.
  const base = range.start;
  const statement = text.slice(0, range.end);
  const all = new Words(tokensWithin(text, tokens, range.start, range.end));
  // Nothing before the end of a frame inside the statement is split ("Rosa Delgado, a lawyer …, called it …").
  const protectedUntil = Math.max(base, frameEnd);
  const clauses: Clause[] = [];
  const push = (start: number, end: number, clause: Omit<Clause, 'range'>): void => {
    const tight = tightenRange(text, { start, end });
    if (clause.role !== 'aside' && tight.end > tight.start && /\p{L}/u.test(text.slice(tight.start, tight.end))) clauses.push({ range: tight, ...clause });
  };
  let end = statement.length;
  const denial = deniedAccount(statement, all.tokens);
  if (denial && denial.at > base && !all.has(denial.speakerStart, denial.speakerEnd, 7)) end = denial.at;
  // "confirmed that it had sent the three reports but declined to comment further": the refusal says nothing,
  // and is left out rather than sinking the fact before it.
  const refusal = end === statement.length ? refusalTail(statement, all.tokens) : -1;
  if (refusal !== -1 && all.has(base, refusal, 4)) end = refusal;

  let from = base;
  let pending: Omit<Clause, 'range'> = { role: 'main' };
  // "while A, B": the concession is a statement of its own.
  const concession = protectedUntil > base ? null : leadingConcession(statement, all.tokens, base);
  if (concession && all.has(concession.at, concession.at + concession.text.length, 3) && all.has(concession.next, end, 4)) {
    push(concession.at, concession.at + concession.text.length, { role: 'main' });
    from = concession.next;
  }
  // A speaker's reported statement ("said the master, who has since retired, had …") is one claim, appositive and all.
  const reported = /^\p{Ll}/u.test(statement.slice(from, from + 2));
  const splittable = statement.slice(0, end);
  const words = end < statement.length ? new Words(tokensWithin(statement, all.tokens, base, end)) : all;
  const appositive = protectedUntil > base || reported ? null : subjectAppositive(splittable, words, from);
  if (appositive) {
    push(from, from + appositive.at, { role: 'background' });
    pending = { role: 'main', subject: appositive.subject };
    from += appositive.next;
  }
  for (let cut = findCut(splittable, words, Math.max(from, protectedUntil), from, spoken); cut; cut = findCut(splittable, words, Math.max(from, protectedUntil), from, spoken)) {
    push(from, cut.at, pending);
    pending = { role: cut.role ?? 'main', subject: cut.subject, cue: cut.cue };
    from = cut.next;
  }
  push(from, end, pending);
  if (denial && end < statement.length) {
    push(end, statement.length, { role: 'denial', speaker: denial.speaker, cue: denial.cue.toLowerCase() });
  }
  return clauses;
};

// ", even as spending rose", ", and the Margit is the third vessel": a clause of its own after a source frame.
const AFTER_FRAME = /^,?\s*(?:and|but|even as|while|whereas|though|although)\s+$/;
const AFTER_SOURCE = /^,?\s*(?:and|but|even as|while|whereas|though|although)\s+/;

/**
 * "Starts fell to 61,400, according to the bureau, even as spending rose": "according to" vouches only for
 * what comes before it, so a clause after the frame is a statement of its own, the publisher's.
 */
export const splitAfterSourceFrame = (text: string, statement: Statement, tokens?: readonly Token[]): Statement[] => {
  const { cut, range } = statement;
  // "X, according to the archive, and the Margit is …": the clause after the frame, read as the archive's too.
  if (!cut && statement.cue === 'according to' && statement.speaker) {
    const before = text.slice(0, range.start);
    const frame = before.lastIndexOf(`according to ${statement.speaker}`);
    if (frame > 0 && AFTER_FRAME.test(before.slice(frame + `according to ${statement.speaker}`.length))) {
      return [{ range, speaker: null, cue: null, style: 'narration' }];
    }
  }
  if (!cut || statement.cue !== 'according to' || cut.start <= range.start || cut.end >= range.end) return [statement];
  const joint = AFTER_SOURCE.exec(text.slice(cut.end, range.end));
  const next = cut.end + (joint?.[0].length ?? 0);
  if (!joint) return [statement];
  const words = new Words(tokens ?? tokenize(text));
  if (!isFiniteClauseIn(words, next, range.end) || !words.has(range.start, cut.start, 4)) return [statement];
  return [
    { ...statement, range: tightenRange(text, { start: range.start, end: cut.start }), cut: undefined },
    { range: tightenRange(text, { start: next, end: range.end }), speaker: null, cue: null, style: 'narration' },
  ];
};
