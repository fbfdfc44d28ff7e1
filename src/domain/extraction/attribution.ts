import { alternation, AUXILIARY_VERBS, deniedNouns, DENIAL_VERBS, DOCUMENT_PARTICIPLES, documentPattern, documentsIn, FINITE_VERB, standsAlone, STATEMENT_NOUNS, SUBJECT_ENDING_VERB, VERBS } from './lexicon';
import { type Range, tightenRange } from './ranges';
import { INTRO_START, isSpeakerPhrase } from './speaker-phrase';
import { matchTail, opensTailFrame, splitPoints } from './tail-frames';
import { type Token, type TokenTag, tokenize, tokensFrom } from './tokens';


/** How a sentence names who speaks. */
export type FrameStyle =
  | 'according-to'
  | 'speaker-first'
  | 'speaker-after'
  | 'speaker-inside'
  // "X has expressed frustration over Y": the speaker's position is the whole sentence.
  | 'expression'
  | 'possessive'
  // "X rejected that claim": the denial itself is the statement.
  | 'denial'
  // "It was one of the triggers, yes.": an interview answer affirming the premise put to the interviewee.
  | 'affirmation'
  // Borrowed from a neighbouring sentence (a quotation running on, "Concurrently, …").
  | 'borrowed'
  // Nobody is named: the publisher speaks.
  | 'narration';

/** One statement of a sentence and who makes it: a sentence may hold several ("A, she said, adding B"). */
export interface Statement {
  range: Range;
  /** The speaker as written ("she", "the ministry", "Jane Doe, a spokesperson"); null for the publisher. */
  speaker: string | null;
  /** The reporting verb, lower-cased ("said", "according to", "denied"); null for narration. */
  cue: string | null;
  style: FrameStyle;
  /** A frame inside the statement ("“A,” she said, “B.”"), left out of the claim's text. */
  cut?: Range;
  /** The frame qualifies the statement (", though they called it preliminary"). */
  hedged?: boolean;
  /** Where the frame inside the range ends ("Washington has expressed"): no clause splits before it. */
  frameEnd?: number;
  /** Who the statement is about when its text starts without a subject ("who has lived there for 40 years"). */
  subject?: string;
}

/** Whether a word is a possessive ("council’s", "farmers’"). */
const possessive = (token: Token): boolean => /\p{L}[’']s?$/u.test(token.word);

/** How many pieces `text.slice(at).split(/\s+/)` has, for every `at`, counted once from the end. */
const piecesFrom = (text: string): Int32Array => {
  const pieces = new Int32Array(text.length + 1);
  pieces[text.length] = 1;
  for (let at = text.length - 1; at >= 0; at -= 1) {
    // Each run of whitespace is one separator: counted where the tail meets it first.
    const space = /\s/.test(text[at]);
    pieces[at] = pieces[at + 1] + (space && !(at + 1 < text.length && /\s/.test(text[at + 1])) ? 1 : 0);
  }
  return pieces;
};

const POLLED_BY = /\b(?:polled|surveyed|questioned|interviewed|consulted)\s+by\s+(?:the\s+)?\p{Lu}/u;
// What a speaker raises when raising is speaking: concerns, questions, the alarm, the prospect of …
const VOICED_OBJECT = /^\s+(?:(?:the|a|an|its|their|his|her|new|fresh|serious|further|renewed|similar|several|some|many)\s+)*(?:concerns?|questions?|doubts?|objections?|alarm|fears?|worries|criticism|issues?|possibility|prospect|spectre|specter|complaints?|point|matter|suspicions?|hopes?|eyebrows|red flags?)\b/i;
// Reporting verbs that also name a state ("the deal, expected to…", "he is said to…").
// Verbs that report only with "that" after them: "the study found that…", not "police found a body".
// Verbs whose object is a position, not a statement: the whole sentence is the claim.
// Verbs that take a clause even without "that" ("He said the plan failed"); others need a verb to prove it.
// "Republicans disputed that." — a bare demonstrative is the statement just made.
const DENIED_DEMONSTRATIVE = /^\s+(?:that|this|it|them|those claims|these claims)(?=\s*[.!]?\s*$|,?\s+and\s)/;
// The object of a denial that is the statement denied: "rejected that claim", "dismissed the report".
const DENIED_OBJECT = new RegExp(
  String.raw`^\s+(?:(?:some|parts|part|much|most|many|all|one)\s+of\s+)?(?:(?:that|this|the|these|those|such|its|their|his|her|any|all)\s+)?(?:\p{Ll}+\s+)?(?:${deniedNouns('object')})\b(?!\s+that\b)(?:\s+as\s+[“"][^”"]*[”"]|\s+as\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)?,?`,
  'u',
);
// Verbs a speaker's own follow-up is reported with: "…, saying B", "…, adding that B".
const SPEECH_GERUNDS = VERBS.gerunds('continuesAsGerund');
// Past and present forms only: "and say" after a frame is an infinitive's, not the speaker's.
const FOLLOWING_VERBS = VERBS.tensed('followsAnd');
// What ends a statement in a follow-up: ", saying B", ", calling it …", ", and added B", ", but …".
// "denied that A and said B", "said that A and denied that B" need no comma: "and said" always starts another report.
const FOLLOW_UP = new RegExp(
  String.raw`,\s*(?:(?:${VERBS.alternation([...SPEECH_GERUNDS, ...VERBS.gerunds('endsStatementAsGerund')])})\b|and\s+(?:${VERBS.alternation(FOLLOWING_VERBS)})\b|(?:but|though|although|while|yet)\s+)|\s+and\s+(?:said|says|denied(?=\s+that\s)|denies(?=\s+that\s))\s`,
  'g',
);
// A wire dateline: a capitalised place, maybe a date, maybe the agency in brackets, then a dash.
// "LONDON, May 2 (Nordic Wire) - ", "OSLO, Norway, March 3, 2026 -- ", "OSLO, March 3, 2026 /PRNewswire/ -- ".
const DATELINE = /^\p{Lu}[\p{Lu}.' -]{2,40}(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)?(?:\s+\d{1,2})?){0,2}(?:,\s*\d{4})?\s*(?:\([^()]{2,40}\)|\/[^/]{2,40}\/)?\s*[-–—]{1,2}\s+(?=\S)/u;
const ADVERBIAL_START = /^(?:on|in|at|during|last|this|earlier|later|late|early|over|via|after|before|from|through|while|when|to|with|told|reporters|journalists|yesterday|today|recently|previously|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

// "denied reports that …": the statement follows the denied noun.
const DENIED_BEFORE_STATEMENT = new RegExp(String.raw`^(?:the\s+|any\s+|all\s+)?(?:${deniedNouns('cut')})\s+(?:that\s+)?`, 'i');

/** Where the statement starts after its reporting verb: past "told reporters on Monday that", "said:". */
const contentStartAfterCue = (text: string, from: number, cue: string): number => {
  const rest = text.slice(from);
  const that = /^((?:[^,:“"”.;]{0,60}?\s)?)that\s+/.exec(rest);
  // "told a news conference that …": who was told stands before the "that".
  const toldWhom = /^(?:told|tells|tell)$/.test(cue) && that !== null && /^\s*(?:(?:the|a|an|his|her|their|its)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}\s*$/u.test(that[1]);
  if (that && (that[1].trim() === '' || ADVERBIAL_START.test(that[1].trim()) || toldWhom)) return from + that[0].length;
  let offset = 0;
  if (/^(?:told|tells|tell)$/.test(cue)) {
    // The person told: "told reporters", "told The Associated Press", "told the BBC".
    const object = /^\s+(?:(?:the|a|an|his|her|their)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s*)+|^\s+(?:(?:the|a|an|his|her|their)\s+)?\p{Ll}+/u.exec(rest);
    if (object) offset = object[0].length;
  }
  const adverbial = /^\s*((?:on|in|at|during|last|this|earlier|later|over|via|after|before|from|through|to|with)\b[^,:“"”]{0,60}?)(?=\s*[,:]|\s+[“"])/i.exec(rest.slice(offset));
  if (adverbial) offset += adverbial[0].length;
  const punctuation = /^\s*[,:]?\s*(?:that\s+)?/.exec(rest.slice(offset));
  offset += punctuation ? punctuation[0].length : 0;
  if (DENIAL_VERBS.has(cue)) {
    const object = DENIED_BEFORE_STATEMENT.exec(rest.slice(offset));
    if (object) offset += object[0].length;
  }
  return from + offset;
};

const shift = (statement: Statement, by: number): Statement => ({
  ...statement,
  range: { start: statement.range.start + by, end: statement.range.end + by },
  cut: statement.cut && { start: statement.cut.start + by, end: statement.cut.end + by },
});

// A predicate with no subject of its own: an auxiliary or a past tense first ("has instructed", "filed").
const ACT_WITHOUT_SUBJECT = new RegExp(String.raw`^(?:${alternation(AUXILIARY_VERBS)}|\p{Ll}{3,}ed)\s`, 'u');

/**
 * What follows a frame: ", saying B" and ", and said B" are more of the speaker's statements;
 * ", but Y cautioned that C" is another speaker's; ", though they called it preliminary" qualifies;
 * "…, he said, but B" goes on with the speaker, and "…, the firm said, as B" is the publisher's context.
 */
const followUps = (text: string, from: number, speaker: string, cue: string): { statements: Statement[]; hedged: boolean } => {
  const rest = text.slice(from);
  const joint = /^\s*,?\s*(?:(and|but|while|though|although|yet|as)\s+)?/.exec(rest);
  const conjunction = joint?.[1]?.toLowerCase() ?? null;
  const at = from + (joint?.[0].length ?? 0);
  const body = text.slice(at);
  const firstWord = /^(\p{Ll}+(?: out)?)\b/u.exec(body)?.[1] ?? '';
  if (SPEECH_GERUNDS.has(firstWord) || ((conjunction === 'and' || conjunction === 'but') && FOLLOWING_VERBS.has(firstWord))) {
    const start = contentStartAfterCue(text, at + firstWord.length, firstWord);
    const inner = statementsFrom(text, start, speaker, firstWord, 'speaker-first');
    return { statements: inner, hedged: false };
  }
  // ", although the board said B": another named speaker's statement, not a concession about this one.
  const other = conjunction === 'though' || conjunction === 'although' ? attributeSentence(body) : [];
  if (other.some((s) => s.speaker && s.style === 'speaker-first' && !/^(?:he|she|they|it|we|i)$/i.test(s.speaker) && s.speaker !== speaker)) {
    return { statements: other.map((s) => shift(s, at)), hedged: false };
  }
  if (conjunction === 'though' || conjunction === 'although') {
    // A concession about the statement itself hedges it: "though they described that result as preliminary".
    return { statements: [], hedged: /\b(?:preliminary|uncertain|unclear|small|limited|caution|cautioned|caveat|may|might|could|not (?:yet )?(?:clear|known|certain))\b/i.test(body) };
  }
  if (!conjunction) return { statements: [], hedged: false };
  const nested = attributeSentence(body);
  if (nested.some((s) => s.speaker)) return { statements: nested.map((s) => shift(s, at)), hedged: false };
  if (!standsAlone(body)) return { statements: [], hedged: false };
  const range = tightenRange(text, { start: at, end: text.length });
  if (conjunction === 'as') return { statements: [{ range, speaker: null, cue: null, style: 'narration' }], hedged: false };
  // "… disputes this and has instructed its own barrister": a second act of the speaker, which the publisher narrates.
  if (conjunction === 'and' && ACT_WITHOUT_SUBJECT.test(body)) return { statements: [{ range, speaker: null, cue: null, style: 'narration', subject: speaker }], hedged: false };
  // What a speaker goes on to say after a denial is not itself denied.
  return { statements: [{ range, speaker, cue: DENIAL_VERBS.has(cue) ? 'said' : cue, style: 'speaker-after' }], hedged: false };
};

/**
 * The statement from `start` to the end of the sentence, split where the speaker goes on with a
 * follow-up (", saying B", ", and said B").
 */
const statementsFrom = (text: string, start: number, speaker: string, cue: string, style: FrameStyle): Statement[] => {
  const follow = new RegExp(FOLLOW_UP.source, 'g');
  follow.lastIndex = start;
  let match = follow.exec(text);
  // ", though economists caution that …" hands over to another speaker; other concessions stay in.
  while (match && /^,\s*(?:but|though|although|while|yet)\s/.test(match[0]) && !attributeSentence(text.slice(match.index + match[0].length)).some((s) => s.speaker)) {
    match = follow.exec(text);
  }
  if (!match) return [{ range: tightenRange(text, { start, end: text.length }), speaker, cue, style }];
  const main: Statement = { range: tightenRange(text, { start, end: match.index }), speaker, cue, style };
  const more = followUps(text, match.index, speaker, cue);
  return [main, ...more.statements];
};

// The verbs of "As X noted, Y.", "As X put it, Y.", as written: "as X told reporters, Y" is a frame too.
const AS_FRAME_VERBS = VERBS.tensed('asFrame');

/** "according to" written as a frame at token `index`: the two words, one space apart, and more after them. */
const accordingToAt = (text: string, tokens: readonly Token[], index: number, afterComma = false): boolean => {
  const [according, to, next] = [tokens[index], tokens[index + 1], tokens[index + 2]];
  // Its bare form ends with the word: "According", "rose,according".
  if (!according?.bare.endsWith('according')) return false;
  const word = according.word.toLowerCase();
  return (word === 'according' || (afterComma && word?.endsWith(',according'))) && to?.start === according.end + 1 && text[according.end] === ' ' && to.word.toLowerCase() === 'to' && next !== undefined;
};

const skipSpace = (text: string, at: number): number => {
  let end = at;
  while (end < text.length && /\s/.test(text[end])) end += 1;
  return end;
};

interface PrefixFrame {
  intro: string;
  cue: 'according to' | 'as';
  speaker: string;
  verb: string | null;
  /** Where the statement after the frame starts. */
  end: number;
}

/** "According to X, Y." / "In May, according to X, Y." / "As X noted, Y." / "As X told reporters, Y." */
const prefixFrame = (text: string, words: () => readonly Token[]): PrefixFrame | null => {
  const firstComma = text.indexOf(',');
  const colon = text.indexOf(': ');
  // An introductory phrase of up to 60 characters may come first ("In its May report, according to …"), or a
  // lead-in ending in a colon ("A quick check by our data desk: according to …").
  const starts = firstComma >= 0 && firstComma <= 60 ? [skipSpace(text, firstComma + 1), 0] : [0];
  if (colon >= 0 && colon <= 60 && (firstComma < 0 || firstComma > colon)) starts.unshift(skipSpace(text, colon + 1));
  for (const start of starts) {
    // Only "according" or "as" opens the frame: the sentence's words are read when one does.
    const head = text.slice(start, start + 9).toLowerCase();
    if (head !== 'according' && !(head.startsWith('as') && /\s/.test(text[start + 2] ?? ''))) continue;
    const tokens = words();
    const at = tokens.findIndex((t) => t.start === start);
    // The intro's comma written against the next word ("In May,according to …") splits a token.
    const [read, first] = at >= 0 ? [tokens, at] : [tokenize(text.slice(start)), 0];
    const shift = at >= 0 ? 0 : start;
    const cue = accordingToAt(shift ? text.slice(start) : text, read, first) ? 'according to' : read[first]?.bare === 'as' && read[first]?.word.toLowerCase() === 'as' && read[first + 1] ? 'as' : null;
    if (!cue) continue;
    const from = shift + read[first + (cue === 'as' ? 1 : 2)].start;
    // The shortest speaker, up to the first comma, that a verb ("noted", "told reporters") or the comma ends.
    for (let at = from + 1; at <= Math.min(text.length, from + 120) && text[at - 1] !== ','; at += 1) {
      if (at - from < 2) continue;
      if (/\s/.test(text[at] ?? '')) {
        const verbStart = skipSpace(text, at);
        const comma = text.indexOf(',', verbStart);
        const verb = comma > verbStart ? text.slice(verbStart, comma) : '';
        if (AS_FRAME_VERBS.has(verb.toLowerCase()) || (/^told /i.test(verb) && verb.length > 5)) {
          return { intro: text.slice(0, start), cue, speaker: text.slice(from, at), verb, end: skipSpace(text, comma + 1) };
        }
      }
      if (text[at] === ',') return { intro: text.slice(0, start), cue, speaker: text.slice(from, at), verb: null, end: skipSpace(text, at + 1) };
    }
  }
  return null;
};

// "a summary released by the board", "satellite data analysed by X": the document's author speaks.
const DOCUMENT_WRAPPER = new RegExp(
  String.raw`^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:${documentPattern('accordingTo')})\s+(?:from|by|of|issued by|released by|published by|compiled by|analy[sz]ed by)\s+`,
  'i',
);

/** "According to X, Y." / "As X noted, Y." */
const accordingToPrefix = (text: string, words: () => readonly Token[]): Statement[] | null => {
  const match = prefixFrame(text, words);
  if (!match) return null;
  if (match.cue === 'as' && !match.verb) return null;
  if (match.intro && !INTRO_START.test(match.intro) && !/:\s*$/.test(match.intro)) return null;
  const speaker = match.speaker;
  // "a summary released by the board", "satellite data analysed by X": the document's author speaks.
  const unwrapped = speaker.replace(DOCUMENT_WRAPPER, '');
  if (!isSpeakerPhrase(unwrapped)) return null;
  return statementsFrom(text, match.end, speaker, 'according to', 'according-to');
};

// "sold in Ohio, Indiana and Kentucky, the notice said": a speaker that ends a list of names is the list's end.
const LIST_ITEM = String.raw`\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)?`;
const LIST_IN_SPEAKER = new RegExp(String.raw`^\s*(?:${LIST_ITEM},\s*)+(?:and\s+)?${LIST_ITEM}\s+and\s+${LIST_ITEM},`, 'u');
const LIST_END = new RegExp(String.raw`^\s*(?:and\s+)?${LIST_ITEM}\s+and\s+${LIST_ITEM},`, 'u');
const LIST_BEFORE = new RegExp(String.raw`,\s*${LIST_ITEM},\s*$`, 'u');
const endsList = (before: string, speaker: string): boolean => LIST_IN_SPEAKER.test(speaker) || (LIST_BEFORE.test(before) && LIST_END.test(speaker));

/** "Y, she said." / "“Y,” said Mayor Jane Doe." / "Y, the people said, speaking on condition…" / "“A,” she said, “B.”" */
const speakerAfter = (text: string, words: () => readonly Token[]): Statement[] | null => {
  const points = splitPoints(text);
  if (points.length === 0) return null;
  const tokens = words();
  const pieces = points.length > 0 ? piecesFrom(text) : null;
  // No tail after the last word that can open a frame is one.
  let lastOpener: Token | undefined;
  for (const token of tokens) if (opensTailFrame(token)) lastOpener = token;
  for (const point of points) {
    if (pieces && pieces[point] > 60) continue;
    const whole = !tokens.some((t) => t.start < point && point < t.end);
    if (whole && (!lastOpener || lastOpener.start < point)) continue;
    const tail = { text: text.slice(point), tokens: tokensFrom(text, tokens, point) };
    const inside = /^\s*[“"]/.test(tail.text) ? null : matchTail(tail, true);
    if (inside && /^[“"‘]/.test(text)) {
      // The quote goes on after the frame: keep both halves, cut the frame out.
      const content = tightenRange(text, { start: 0, end: text.length });
      const cut = { start: tightenRange(text, { start: 0, end: point }).end, end: point + inside.length };
      return [{ range: content, speaker: inside.speaker, cue: inside.cue, style: 'speaker-inside', cut }];
    }
    const found = matchTail(tail, false);
    if (!found || endsList(text.slice(0, point), found.speaker)) continue;
    const main: Statement = { range: tightenRange(text, { start: 0, end: point }), speaker: found.speaker, cue: found.cue, style: 'speaker-after' };
    if (found.rest === null) return [main];
    const more = followUps(text, point + found.rest, found.speaker, found.cue);
    return [{ ...main, hedged: more.hedged }, ...more.statements];
  }
  return null;
};

/** ", according to X, ": where the frame starts (its comma), who X is, and where the frame ends; X is 2 to 100 characters. */
const asideFrame = (text: string, tokens: readonly Token[]): { start: number; speaker: string; end: number } | null => {
  for (let i = 0; i < tokens.length; i += 1) {
    // The comma may be written against the frame: "rose,according to …".
    if (!accordingToAt(text, tokens, i, true)) continue;
    let comma = tokens[i].end - 'according'.length - 1;
    while (comma >= 0 && /\s/.test(text[comma])) comma -= 1;
    if (text[comma] !== ',') continue;
    const from = tokens[i + 2].start;
    const end = text.indexOf(',', from);
    if (end < 0 || end - from < 2 || end - from > 100) continue;
    return { start: comma, speaker: text.slice(from, end), end: skipSpace(text, end + 1) };
  }
  return null;
};

/** "Y, according to X, Z." — a complete Y is X's and Z the publisher's aside; otherwise the frame is cut out. */
const accordingToInside = (text: string, words: () => readonly Token[]): Statement[] | null => {
  const match = text.toLowerCase().includes('according') ? asideFrame(text, words()) : null;
  if (!match || !isSpeakerPhrase(match.speaker)) return null;
  const before = text.slice(0, match.start);
  const after = text.slice(match.end);
  // "…, according to X, in what would be …": what follows is the publisher's aside; "…, up from …" is still X's.
  if (before.split(/\s+/).length >= 5 && FINITE_VERB.test(before) && /^(?:in what|which|who|what|a move|in a move|marking|making|raising|a sign|the latest)\b/i.test(after)) {
    const aside = tightenRange(text, { start: match.end, end: text.length });
    return [
      { range: tightenRange(text, { start: 0, end: match.start }), speaker: match.speaker, cue: 'according to', style: 'speaker-after' },
      { range: aside, speaker: null, cue: null, style: 'narration' },
    ];
  }
  const cut = { start: match.start, end: match.end };
  return [{ range: tightenRange(text, { start: 0, end: text.length }), speaker: match.speaker, cue: 'according to', style: 'speaker-inside', cut }];
};

/** Where a speaker phrase may start: the sentence's start, or after a short introductory phrase. */
const speakerStarts = (text: string, tokens: Token[]): number[] => {
  // "“A. …" — a quotation opening the sentence is not a speaker.
  if (/^[“"]/.test(text)) return [];
  // "But the authors cautioned…": a leading conjunction is not part of the speaker.
  // "• Northline Gas says …": a list's bullet is not part of the speaker either.
  const starts = /^(?:but|and|yet|so|still|now|then|also|[•·▪*–-])$/i.test(tokens[0]?.word ?? '') ? [1, 0] : [0];
  const firstComma = tokens.findIndex((t) => t.word.endsWith(','));
  // After an introductory phrase ("In a statement, …") the speaker comes first.
  if (firstComma >= 0 && firstComma < 14 && INTRO_START.test(tokens[0].bare)) starts.unshift(firstComma + 1);
  // "A word on those earlier rumours: the electoral office says …": after a short lead-in ending in a colon.
  const colon = tokens.findIndex((t) => t.word.endsWith(':'));
  if (colon >= 0 && colon < 8 && colon + 1 < tokens.length && (firstComma < 0 || firstComma > colon)) starts.push(colon + 1);
  return starts;
};

/** A speaker phrase with commas must be a name and an appositive: "Jane Doe, an analyst at ING,". */
const plausibleSpeakerSpan = (tokens: Token[], afterOpener = false): boolean => {
  const commas = tokens.filter((t) => t.word.endsWith(',')).length;
  if (commas === 0) return true;
  if (commas > 3) return false;
  const first = tokens.findIndex((t) => t.word.endsWith(','));
  // "Two officials in the governor's office, speaking on condition of anonymity, said": the aside may be long.
  const aside = /^(?:speaking|who|whose|which)$/.test(tokens[first + 1]?.bare ?? '');
  // After "But" or "In an email, " the speaker's article is written in lower case: "but a senior official, speaking …,".
  const head = /^\p{Lu}/u.test(tokens[0].word) || (afterOpener && /^(?:the|a|an)$/.test(tokens[0].bare));
  // "Economists at the Centre for Policy Research, an independent think tank,": a long name, then what it is.
  // "An inspection log from the State Mining Authority, released last year under …,": what it is or how it came out.
  const described = /^\p{Lu}/u.test(tokens[first].word) && (/^(?:a|an|the)$/.test(tokens[first + 1]?.bare ?? '') || DOCUMENT_PARTICIPLES.has(tokens[first + 1]?.bare ?? '')) && commas === 2 && tokens[tokens.length - 1].word.endsWith(',');
  // "A spokeswoman for the Department of Health, Jane Morrow,": a long description, then the name it describes.
  const name = tokens.slice(first + 1);
  const namedAfter = commas === 2 && name.length >= 1 && name.length <= 4 && name.every((t) => /^\p{Lu}/u.test(t.word)) && name[name.length - 1].word.endsWith(',');
  return head && first <= (aside || described || namedAfter ? 8 : 4) && tokens.length - first <= 20;
};

// "rejected claims by the opposition party that …", "denied a report in the Daily Star that …".
const OWNED_CLAIM = new RegExp(String.raw`^\s+(?:(?:the|a|an|any|these|those|recent)\s+)?(?:${deniedNouns('owned')})\s+(?:by|from|in|of)\s+([^,;:“”"]{2,80}?)\s+that\s+`, 'u');

/**
 * A denial of what a named source claims is two statements: the source's claim, and the denial of it
 * (read after the claim, so the denial's text is the claim it denies).
 */
const deniedOwnedClaim = (text: string, cueEnd: number, start: number, speaker: string, verb: string): Statement[] | null => {
  const owned = OWNED_CLAIM.exec(text.slice(cueEnd));
  if (!owned || !/\p{Lu}/u.test(owned[1]) || !isSpeakerPhrase(owned[1])) return null;
  const ownerEnd = cueEnd + owned[0].lastIndexOf(owned[1]) + owned[1].length;
  const claim = statementsFrom(text, cueEnd + owned[0].length, owned[1], 'said', 'speaker-first');
  const denial: Statement = { range: tightenRange(text, { start, end: ownerEnd }), speaker, cue: verb, style: 'denial', frameEnd: cueEnd };
  return [...claim, denial];
};

/** "X said (that) Y." / "X, an analyst at Z, believes Y." / "X has expressed frustration over Y." / "X rejected that claim." */
const speakerFirst = (text: string, sentenceTokens: readonly Token[] = tokenize(text, 48)): Statement[] | null => {
  // The speaker starts within the first 15 words and its verb within 24 more.
  const tokens = sentenceTokens.slice(0, 48);
  for (const startIndex of speakerStarts(text, tokens)) {
    for (let i = startIndex + 1; i < Math.min(tokens.length - 1, startIndex + 24); i += 1) {
      const token = tokens[i];
      const verb = token.bare;
      const is = (tag: TokenTag): boolean => token.tags.has(tag);
      const particle = VERBS.particleAfter.get(verb);
      const multiword = particle !== undefined && tokens[i + 1]?.bare === particle;
      if (particle !== undefined && !multiword) continue;
      // "CMT disputes that comparison": a word read as a noun first ("pay disputes") is a denial before what it denies.
      const deniesObject = is('denies') && (DENIED_OBJECT.test(text.slice(token.end)) || DENIED_DEMONSTRATIVE.test(text.slice(token.end)));
      if (!is('reports') && !is('expresses') && !is('needsThat') && !deniesObject) continue;
      // "raised concerns" voices a position; "raised its interest rate" is an act the publisher reports.
      if (is('voicesObject') && !VOICED_OBJECT.test(text.slice(token.end))) continue;
      if (is('passiveBeforeTo') && tokens[i + 1]?.bare === 'to') continue;
      // "will report results on May 3", "declined to say": a future or refused act, not a report.
      if (tokens[i - 1].tags.has('modal')) continue;
      // "the German state of Saxony", "a report by": a noun, not a reporting verb ("complained of" is a verb); so is
      // a word after a possessive ("a consultant’s report").
      if ((tokens[i + 1]?.bare === 'of' && is('nounOrVerb')) || tokens[i - 1].tags.has('nounMarker') || possessive(tokens[i - 1])) continue;
      // "state media reported", "its member states to": a word that is also a noun is a verb only in plain frames.
      if (is('nounOrVerb') && (tokens[i + 2]?.tags.has('reports') || tokens[i + 1]?.bare === 'to')) continue;
      let speakerEnd = i;
      while (speakerEnd > startIndex && tokens[speakerEnd - 1].tags.has('betweenSpeakerAndVerb')) speakerEnd -= 1;
      if (speakerEnd === startIndex) continue;
      // "The Kremlin on Monday" is the Kremlin: when it spoke is not who spoke.
      const speaker = text
        .slice(tokens[startIndex].start, tokens[speakerEnd - 1].end)
        .replace(/,$/, '')
        .replace(/\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))$/, '');
      // "The board’s report says": after a possessive comes its noun, and the verb after it is the frame's.
      if (/[’']s?$/.test(speaker) && /[’']/.test(speaker.slice(-2)) && tokens[i + 1]?.tags.has('reports')) continue;
      // "Resin repairs, she argues, turn yellow …": a frame set inside the statement, cut out of it.
      const inserted = /,\s+(she|he|they|we)$/iu.exec(speaker);
      const verbToken = multiword ? tokens[i + 1] : tokens[i];
      if (inserted && verbToken.word.endsWith(',') && is('reports')) {
        const cut = { start: tokens[startIndex].start + inserted.index, end: skipSpace(text, verbToken.end) };
        return [{ range: tightenRange(text, { start: tokens[startIndex].start, end: text.length }), speaker: inserted[1], cue: verb, style: 'speaker-inside', cut }];
      }
      if (!isSpeakerPhrase(speaker) || !plausibleSpeakerSpan(tokens.slice(startIndex, speakerEnd), startIndex > 0)) continue;
      const cueEnd = multiword ? tokens[i + 1].end : tokens[i].end;
      const whole = { start: tokens[startIndex].start, end: text.length };
      // "Fifteen of the 19 economists polled by X forecast …": the whole result is the pollster's finding.
      if (POLLED_BY.test(speaker)) return [{ range: tightenRange(text, whole), speaker, cue: 'found', style: 'expression', frameEnd: cueEnd }];
      if (is('denies')) {
        const owned = deniedOwnedClaim(text, cueEnd, whole.start, speaker, verb);
        if (owned) return owned;
        const object = DENIED_OBJECT.exec(text.slice(cueEnd)) ?? DENIED_DEMONSTRATIVE.exec(text.slice(cueEnd));
        if (object) {
          const denial: Statement = { range: tightenRange(text, { start: whole.start, end: cueEnd + object[0].length }), speaker, cue: verb, style: 'denial', frameEnd: cueEnd };
          return [denial, ...followUps(text, cueEnd + object[0].length, speaker, verb).statements];
        }
      }
      const next = text.slice(cueEnd).trim();
      const start = contentStartAfterCue(text, cueEnd, verb);
      const afterThat = /\bthat\s+$|:\s*$/.test(text.slice(cueEnd, start));
      // "Police figures show crime fell 12 percent": a document shows a clause without "that"; anyone else needs it.
      if (is('needsThat') && !afterThat && !(DOCUMENT_SUBJECT.test(speaker) && opensClause(text.slice(start)))) continue;
      // "said about 400 people…" approximates a number; "spoke about the plan" names a topic.
      // "announced on Monday that …" is dated, not about a topic.
      // "responded by taking on apprentices": what was done in reply is an act the publisher reports.
      if (!afterThat && /^by\s+\p{Ll}+ing\b/u.test(next)) return null;
      const topic = !afterThat && /^(?:against|about|of|over|for|on|with|to|by|up|down)\b/i.test(next) && !/^about\s+(?:\d|a\s+(?:third|quarter|half|dozen|fifth)\b|half\b)/i.test(next);
      if (is('wholeSentence') || topic) return expressionWithFollowUp(text, whole, speaker, verb, cueEnd);
      const statement = text.slice(start);
      if (statement.trim().split(/\s+/).length < 2) continue;
      // "announced a new product", "denied the allegations": an object, not a statement.
      const isClause = afterThat || /^[“"]/.test(statement) || is('takesClause') || FINITE_VERB.test(statement);
      // "announced an emergency fund": an act the publisher reports, not a statement to attribute.
      if (is('announces') && !afterThat && (!isClause || /^(?:a|an|new|plans)\s/i.test(statement))) return null;
      if (!isClause) return [{ range: tightenRange(text, whole), speaker, cue: verb, style: 'expression', frameEnd: cueEnd }];
      return statementsFrom(text, start, speaker, verb, 'speaker-first');
    }
  }
  return null;
};

// "called the plan “overdue” but cautioned that …": the position ends where a reported statement begins.
const EXPRESSION_FOLLOW_UP = new RegExp(String.raw`,?\s+(?:but|and)\s+(?:also\s+)?(${VERBS.alternation(FOLLOWING_VERBS)})\s+(?=that\s)`, 'u');

/** A whole-sentence position ("X urged Y"), and what the speaker goes on to say after it. */
const expressionWithFollowUp = (text: string, whole: Range, speaker: string, verb: string, cueEnd: number): Statement[] => {
  const follow = EXPRESSION_FOLLOW_UP.exec(text.slice(cueEnd));
  const expression = (end: number): Statement => ({ range: tightenRange(text, { start: whole.start, end }), speaker, cue: verb, style: 'expression', frameEnd: cueEnd });
  if (!follow || follow.index === undefined) return [expression(whole.end)];
  const followCue = follow[1];
  const start = contentStartAfterCue(text, cueEnd + follow.index + follow[0].length, followCue);
  return [expression(cueEnd + follow.index), ...statementsFrom(text, start, speaker, followCue, 'speaker-first')];
};

/** "This follows President X's remarks about Y." — the owner of the remarks is the source. */
const possessiveStatement = (text: string): Statement[] | null => {
  const match = /((?:\p{Lu}[\p{L}.’'-]*\s+){0,5}\p{Lu}[\p{L}.-]*)[’']s\s+(?:(?:recent|latest|earlier|public|own|repeated|new)\s+)?(\p{Ll}+)\b/u.exec(text);
  if (!match || !STATEMENT_NOUNS.has(match[2])) return null;
  if (!isSpeakerPhrase(match[1])) return null;
  return [{ range: tightenRange(text, { start: 0, end: text.length }), speaker: match[1], cue: match[2], style: 'possessive' }];
};

/**
 * Splits one sentence into its statements and who makes each: the forms reporters use, most
 * specific first; a sentence nobody is named in is the publisher's narration. `sentenceTokens` gives the
 * sentence's tokens (`tokenize(text)`), shared with the stages after this one.
 */
export const attributeSentence = (text: string, sentenceTokens?: () => readonly Token[]): Statement[] => {
  // "LONDON, May 2 (Wire) - Acme said …": the dateline is neither speaker nor statement.
  const dateline = DATELINE.exec(text);
  const after = dateline?.[0].length ?? 0;
  const tokensAfter = sentenceTokens && after > 0 ? (): readonly Token[] => tokensFrom(text, sentenceTokens(), after) : sentenceTokens;
  const statements = dateline ? attributeWords(text.slice(after), tokensAfter).map((s) => shift(s, after)) : attributeWords(text, sentenceTokens);
  return withSpeakerBackground(text, statements);
};

// "Jane Doe, who has run the shelter for 12 years, said": a countable fact about the speaker.
const SPEAKER_RELATIVE = /,\s+((?:who|which|whose)\s+(?:[^,]|,(?=\d))+?)(?=,(?!\d)|$)/u;
// A digit inside a name ("Kestrel-2", "F-35") counts nothing.
const COUNTED = /(?<![\p{L}-])\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens?|hundreds?|thousands?|millions?|billions?)\b/iu;

/**
 * A relative clause with a number inside a speaker phrase is the publisher's background about the
 * speaker ("The union, which represents 40,000 nurses, said …"), a statement of its own.
 */
const withSpeakerBackground = (text: string, statements: Statement[]): Statement[] => {
  const framed = statements.find((s) => s.speaker !== null && s.style !== 'borrowed');
  const speaker = framed?.speaker ?? '';
  const at = text.indexOf(speaker);
  // The clause may run past the speaker phrase as parsed ("said Ann Lee, 71, who has lived there for decades").
  const relative = framed && at >= 0 ? SPEAKER_RELATIVE.exec(text.slice(at)) : null;
  if (!relative || (relative.index ?? 0) >= speaker.length || !COUNTED.test(relative[1]) || relative[1].split(/\s+/).length < 3) return statements;
  const start = at + (relative.index ?? 0) + relative[0].indexOf(relative[1]);
  const range = tightenRange(text, { start, end: start + relative[1].length });
  const subject = speaker.split(',')[0].trim();
  const background: Statement = { range, speaker: null, cue: null, style: 'narration', subject };
  const after = statements.map((s) => {
    // A whole-sentence statement ("X, which owns 7%, has called for …") goes on after the clause.
    if (s.range.start > range.start || s.range.end <= range.end) return s;
    const rest = /^\s*,?\s*/.exec(text.slice(range.end))?.[0].length ?? 0;
    return { ...s, range: { start: range.end + rest, end: s.range.end }, frameEnd: undefined, subject };
  });
  return [...after, background].sort((a, b) => a.range.start - b.range.start);
};

// "The council’s own valuation puts …", "the Castmere Rivers Authority’s flood map places …", "Its register lists …".
const MEASURING_DOCUMENTS = documentsIn('measures');
const MEASURING_VERBS = VERBS.tensed('measuresInDocument');

/**
 * "The council’s own valuation puts the sale at £3.1 million": what a document its owner keeps measures is the
 * owner's statement, the whole sentence, though no reporting verb or "that" introduces it. The document's noun
 * comes within the first nine words, its verb right after it, and an owner before it ("its", "their" or a
 * possessive: "the data puts" names nobody).
 */
const documentMeasure = (text: string, tokens: readonly Token[]): Statement[] | null => {
  for (let i = 1; i < Math.min(tokens.length - 1, 9); i += 1) {
    const [noun, verb] = [tokens[i], tokens[i + 1]];
    if (noun.word !== noun.bare || !MEASURING_DOCUMENTS.has(noun.bare) || verb.word !== verb.bare || !MEASURING_VERBS.has(verb.bare)) continue;
    const before = tokens.slice(0, i);
    if (before.some((t) => /[,;:]$/.test(t.word)) || !(/^(?:its|their)$/.test(before[0].bare) || before.some(possessive))) return null;
    const speaker = text.slice(tokens[0].start, noun.end);
    return [{ range: tightenRange(text, { start: tokens[0].start, end: text.length }), speaker, cue: verb.bare, style: 'expression', frameEnd: verb.end }];
  }
  return null;
};

// "The study of 4,000 adults found no link …": what a document finds, stated without "that".
const FINDING_DOCUMENTS = documentsIn('findsWithoutThat');
const FINDING_VERBS = VERBS.tensed('findsInDocument');

/**
 * "The study of 4,000 adults found no link between coffee and heart disease", "The audit found serious failings
 * in 14 of 20 care homes": a finding a document states without "that" is the document's statement (its author's,
 * when speaker resolution knows the author), the whole sentence. The document opens the sentence; a few words
 * without a pause may describe it before its verb ("of 4,000 adults", "published on Monday").
 */
const documentFinding = (text: string, tokens: readonly Token[]): Statement[] | null => {
  const noun = tokens.findIndex((t, i) => i <= 3 && FINDING_DOCUMENTS.has(t.bare));
  if (noun < 1 || !/^(?:the|a|an|its|their|this|that|one|last|new|latest)$/.test(tokens[0].bare)) return null;
  for (let v = noun + 1; v < Math.min(tokens.length - 1, noun + 8); v += 1) {
    if (/[,;:]$/.test(tokens[v - 1].word)) return null;
    if (tokens[v].word !== tokens[v].bare || !FINDING_VERBS.has(tokens[v].bare)) continue;
    if (tokens[v + 1].bare === 'that' || tokens[v - 1].tags.has('modal')) return null;
    const speaker = text.slice(tokens[0].start, tokens[noun].end);
    return [{ range: tightenRange(text, { start: tokens[0].start, end: text.length }), speaker, cue: 'found', style: 'expression', frameEnd: tokens[v].end }];
  }
  return null;
};

// "by the authority’s own count", "by her own estimate": whose count it is says whose statement it is.
const COUNTING_NOUNS = documentsIn('byOwn');
// ("by its own count" is left to the publisher: "it" speaks for whatever spoke last, not for what was named last.)
const OWNER_PRONOUN: Readonly<Record<string, string>> = { his: 'he', her: 'she' };

/**
 * "Kelderby has been short of 90 drivers, by the authority’s own count." / "…, and by her own count she has
 * repaired 38 windows.": the statement the count goes with is its owner's; narration before it stays the publisher's.
 */
const ownCount = (text: string, tokens: readonly Token[]): Statement[] | null => {
  for (let i = 0; i < tokens.length - 3; i += 1) {
    if (tokens[i].bare !== 'by' || tokens[i].word.toLowerCase() !== 'by') continue;
    // The owner: "his" or "her", or up to six words ending in a possessive; then "own" and a counting noun.
    let own = i + 2;
    while (own <= i + 7 && own < tokens.length && tokens[own].word !== 'own') own += 1;
    if (own > i + 7 || !COUNTING_NOUNS.has(tokens[own + 1]?.bare ?? '')) continue;
    const ownerTokens = tokens.slice(i + 1, own);
    const pronoun = ownerTokens.length === 1 ? OWNER_PRONOUN[ownerTokens[0].word.toLowerCase()] : undefined;
    if (!pronoun && !possessive(ownerTokens[ownerTokens.length - 1])) continue;
    if (ownerTokens.slice(0, -1).some((t) => /[,;:]$/.test(t.word))) continue;
    const speaker = pronoun ?? text.slice(ownerTokens[0].start, ownerTokens[ownerTokens.length - 1].end).replace(/[’']s?$/, '');
    if (!isSpeakerPhrase(speaker)) continue;
    // The frame takes the comma before it, and an "and" or "but" after that comma.
    const joined = i > 1 && /^(?:and|but)$/.test(tokens[i - 1].word) && tokens[i - 2].word.endsWith(',');
    const frameStart = joined ? tokens[i - 2].end - 1 : i > 0 && tokens[i - 1].word.endsWith(',') ? tokens[i - 1].end - 1 : tokens[i].start;
    const before = tightenRange(text, { start: 0, end: frameStart });
    const after = tightenRange(text, { start: skipSpace(text, tokens[own + 1].end), end: text.length });
    const wordsIn = (range: Range): number => tokens.filter((t) => t.start >= range.start && t.end <= range.end).length;
    if (wordsIn(after) < 3) return wordsIn(before) < 3 ? null : [{ range: before, speaker, cue: 'by own count', style: 'speaker-after' }];
    const counted: Statement = { range: after, speaker, cue: 'by own count', style: 'according-to' };
    return wordsIn(before) < 3 ? [counted] : [{ range: before, speaker: null, cue: null, style: 'narration' }, counted];
  }
  return null;
};

/** "The company is urging users to …, and it said it had …": narration, then a speaker's report joined to it. */
const reportAfterNarration = (text: string, words: () => readonly Token[]): Statement[] | null => {
  for (const joint of text.matchAll(/,\s+(?:and|but)\s+/g)) {
    const at = (joint.index ?? 0) + joint[0].length;
    const tokensAfter = tokensFrom(text, words(), at);
    const framed = speakerFirst(text.slice(at), tokensAfter);
    const reported = framed?.[0].style === 'speaker-first' ? framed : documentMeasure(text.slice(at), tokensAfter);
    if (!reported) continue;
    const narration: Statement = { range: tightenRange(text, { start: 0, end: joint.index ?? 0 }), speaker: null, cue: null, style: 'narration' };
    return [narration, ...reported.map((s) => shift(s, at))];
  }
  return null;
};

/** The sentence's subject when it acted before `jointAt` ("She repeated her pledge … and said"), if a speaker can be it. */
const actingSubject = (text: string, words: () => readonly Token[], jointAt: number): string | null => {
  const tokens = words();
  const verbAt = tokens.findIndex((t, i) => i > 0 && SUBJECT_ENDING_VERB.test(t.bare));
  if (verbAt <= 0 || verbAt > 6 || tokens[verbAt].start >= jointAt) return null;
  const subject = text.slice(0, tokens[verbAt - 1].end);
  return subject.includes(',') || !isSpeakerPhrase(subject) ? null : subject;
};

/**
 * "She repeated her pledge to freeze fares and said her first act would be …": the subject of the sentence
 * did something (the publisher's narration), then said something (its own statement).
 */
const reportAfterAct = (text: string, words: () => readonly Token[]): Statement[] | null => {
  const joint = AND_REPORTED.exec(text);
  if (!joint || joint.index === undefined) return null;
  const subject = actingSubject(text, words, joint.index);
  if (subject === null) return null;
  const cue = joint[1].toLowerCase();
  const cueEnd = joint.index + joint[0].length;
  const start = contentStartAfterCue(text, cueEnd, cue);
  // "and said the plan" with no clause after it is an act ("and announced new measures"), not a report.
  if (!/\bthat\s+$/.test(text.slice(cueEnd, start)) && !FINITE_VERB.test(text.slice(start))) return null;
  const narration: Statement = { range: tightenRange(text, { start: 0, end: joint.index }), speaker: null, cue: null, style: 'narration' };
  return [narration, ...statementsFrom(text, start, subject, cue, 'speaker-first')];
};

/**
 * "Corvane has asked the court to dismiss the case, arguing in a filing that the claims are covered …": the subject
 * did something (the publisher's narration), and what it argued while doing it is its own statement.
 */
const reportWhileActing = (text: string, words: () => readonly Token[]): Statement[] | null => {
  const joint = GERUND_REPORT.exec(text);
  // ", saying the rise would be …": without "that", only a clause of its own after the gerund is reported.
  if (!joint || (!joint[2] && !opensClause(text.slice(joint.index + joint[0].length)))) return null;
  const subject = actingSubject(text, words, joint.index);
  if (subject === null) return null;
  const start = joint.index + joint[0].length;
  const narration: Statement = { range: tightenRange(text, { start: 0, end: joint.index }), speaker: null, cue: null, style: 'narration' };
  return [narration, ...statementsFrom(text, start, subject, joint[1].toLowerCase(), 'speaker-first')];
};

// ", arguing that", ", saying in a statement that", ", saying …": a report made while acting, "that" (group 2) or not.
const GERUND_REPORT = new RegExp(String.raw`,\s+(${VERBS.alternation(VERBS.gerunds('continuesAsGerund'))})\s+(?:(?:in\s+(?:a|an|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:${documentPattern('saidIn')})\s+)?(that)\s+)?`, 'u');
// Words that stand between a gerund and a verb that is not its clause's: "saying goodbye to fans who had waited".
const NOT_A_CLAUSE_SUBJECT = new Set(['to', 'who', 'which', 'that', 'where', 'when', 'whose', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as']);

/**
 * Whether words open a clause: a subject of one to five words, then its finite verb, before the next pause
 * (", saying the rise would be closer to 6 percent", ", insisting exports had risen"; not ", saying goodbye to
 * fans who had waited" or ", warning residents to stay indoors").
 */
const opensClause = (words: string): boolean => {
  const head = words.split(/[,;:]/)[0].trim().split(/\s+/).slice(0, 6);
  const verb = head.findIndex((word) => FINITE_VERB.test(word));
  return verb >= 1 && head.slice(0, verb).every((word) => !NOT_A_CLAUSE_SUBJECT.has(word.toLowerCase()));
};

// "Police figures", "Court records", "Data from the Freight Council": a speaker phrase whose head is a document.
const DOCUMENT_SUBJECT = new RegExp(String.raw`^(?:[\p{L}’'-]+\s+){0,2}?(?:${alternation(new Set([...documentsIn('speaking'), ...documentsIn('counted')]))})\b`, 'iu');

/** "Local station Radio Tarrow is reporting that …", "Officials are saying that …": a report in the progressive. */
const progressiveReport = (text: string): Statement[] | null => {
  const match = PROGRESSIVE_REPORT.exec(text);
  if (!match || !isSpeakerPhrase(match[1])) return null;
  return statementsFrom(text, match[0].length, match[1], match[2].toLowerCase(), 'speaker-first');
};

// The speaker, a form of "be", a reporting verb's -ing form and "that".
const PROGRESSIVE_REPORT = new RegExp(String.raw`^([^,;:“”"]{2,80}?)\s+(?:is|are|was|were|has been|have been)\s+(${VERBS.alternation(VERBS.gerunds('reports'))})\s+that\s+`, 'u');

// " and said", " and told reporters", " and added that": a report joined to an act without a comma.
const AND_REPORTED = new RegExp(String.raw`(?<!,)\s+and\s+(${VERBS.alternation(FOLLOWING_VERBS)})\b`, 'u');

/**
 * The frames of one sentence, read over its tokens. `sentenceTokens` gives the tokens the later stages read
 * too, so the sentence is tokenised once; without it, the sentence is tokenised here when a frame first
 * needs its words, and the speaker-first frame alone reads only the first 48.
 */
const attributeWords = (text: string, sentenceTokens?: () => readonly Token[]): Statement[] => {
  let read: readonly Token[] | undefined;
  const words = (): readonly Token[] => (read ??= sentenceTokens ? sentenceTokens() : tokenize(text));
  return (
    accordingToPrefix(text, words) ??
    speakerAfter(text, words) ??
    speakerFirst(text, read ?? (sentenceTokens ? words() : tokenize(text, 48))) ??
    documentMeasure(text, words()) ??
    documentFinding(text, words()) ??
    ownCount(text, words()) ??
    accordingToInside(text, words) ??
    possessiveStatement(text) ??
    reportAfterNarration(text, words) ??
    reportAfterAct(text, words) ??
    reportWhileActing(text, words) ??
    progressiveReport(text) ?? [{ range: tightenRange(text, { start: 0, end: text.length }), speaker: null, cue: null, style: 'narration' }]
  );
};
