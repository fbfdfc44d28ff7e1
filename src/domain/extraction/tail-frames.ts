import { APPOSITIVE_OPENERS, DOCUMENT_PARTICIPLES, TAIL_VERBS, TITLES, TOLD_AUDIENCES } from './lexicon';
import { DETERMINERS, isNounPhrase, isSpeakerPhrase } from './speaker-phrase';
import { isTitle } from './speaker';
import { type Token, type TokenTag, tagsOf } from './tokens';

/*
 * Frames that close a sentence: "…, she said.", "“…,” said Mayor Jane Doe.", "…, according to X."
 * and the same frames inside a quotation ("“A,” she said, “B.”"). Each frame is a pattern over the
 * tail's tokens, as the speaker-first frame is over a sentence's: a verb the lexicon tags `closesTail`,
 * a speaker before or after it, then what may follow (when or where, who was told, a follow-up, the end).
 */

export interface TailFrame {
  speaker: string;
  cue: string;
  /** Where the follow-up after the frame starts, relative to the tail; null when there is none. */
  rest: number | null;
  length: number;
}

/** A tail of a sentence (from a comma or a closing quote to its end) and its tokens, offsets relative to the tail. */
export interface Tail {
  text: string;
  tokens: readonly Token[];
}

/** How a frame ends: where its follow-up starts (", saying …"), and how long the frame is. */
interface Ending {
  rest: number | null;
  length: number;
}

type Frame = 'according' | 'verb-first' | 'verb-last';

// Phrasal verbs that close a tail ("…, he went on."): the particle each first word needs.
const TAIL_PARTICLES = new Map([...TAIL_VERBS].filter((form) => form.includes(' ')).map((form) => [form.slice(0, form.indexOf(' ')), form.slice(form.indexOf(' ') + 1)]));
// What may close a sentence after its frame: final punctuation, maybe a closing quote, or a closing quote alone.
const CLOSING = /^(?:[.!?]+[”"’]?|[”"’])?$/;
// What an adverbial after the verb cannot run over: it never holds a clause, a quotation or another frame.
const ADVERBIAL_STOPS = ',.;!?“"';
const WORD_CHAR = /\w/;
const SPACE = /\s/;

/** The letters a word starts with ("said" of "said,"). */
const leadOf = (word: string): string => /^[\p{L}\p{N}_]*/u.exec(word)?.[0] ?? '';
const isSpace = (char: string | undefined): boolean => char !== undefined && SPACE.test(char);
/** Two tokens written as one phrase ("according to", "went on"): one space between them. */
const adjacent = (text: string, a: Token, b: Token | undefined): b is Token => b !== undefined && b.start === a.end + 1 && text[a.end] === ' ';
const fold = (word: string, anyCase: boolean): string => (anyCase ? word.toLowerCase() : word);
/** Whether the lexicon tags a word as written (the frames after their speaker read lower case only) with `tag`. */
const tagged = (word: string, tag: TokenTag, anyCase: boolean): boolean => tagsOf(fold(word, anyCase)).has(tag);
/** Whether the lexicon tags the letters a token starts with ("said" of "said,") with `tag`. */
const leadTagged = (token: Token, tag: TokenTag, anyCase: boolean): boolean => (anyCase ? token.foldedLeadTags : token.leadTags).has(tag);

/** Nothing after `at` but the sentence's final punctuation. */
const closesAt = ({ tokens }: Tail, at: number): boolean => {
  const last = tokens[tokens.length - 1];
  if (!last || at >= last.end) return true;
  if (at > last.start) return CLOSING.test(last.word.slice(at - last.start));
  const before = tokens[tokens.length - 2];
  return (!before || at >= before.end) && CLOSING.test(last.word);
};

/** The word written from `at` to the end of its token. */
const wordFrom = ({ tokens }: Tail, at: number): string => {
  const token = tokens.find((t) => t.start <= at && at < t.end);
  return token ? token.word.slice(at - token.start) : '';
};

/** ", saying …", ", but …": a follow-up opens with the comma at `at`. Where its first word ends, or -1. */
const followUpAt = (tail: Tail, at: number, anyCase: boolean): number => {
  if (tail.text[at] !== ',') return -1;
  let from = at + 1;
  while (isSpace(tail.text[from])) from += 1;
  const lead = leadOf(wordFrom(tail, from));
  const gerund = anyCase ? /^\p{Ll}+ing$/iu.test(lead) : /^\p{Ll}+ing$/u.test(lead);
  return gerund || tagged(lead, 'followUp', anyCase) ? from + lead.length : -1;
};

/** ", “B.”": the quotation resumes after the comma at `at`. Where it resumes, or -1. */
const quotationResumesAt = (tail: Tail, at: number): number => {
  if (tail.text[at] !== ',') return -1;
  let from = at + 1;
  while (isSpace(tail.text[from])) from += 1;
  return tail.text[from] === '“' || tail.text[from] === '"' ? from : -1;
};

/** How the frame ends at `at`: a follow-up, then the end of the sentence (or, inside a quotation, the quotation resuming). */
const endingAt = (tail: Tail, at: number, anyCase: boolean, inside: boolean): Ending | null => {
  const followUp = followUpAt(tail, at, anyCase);
  if (followUp >= 0) {
    if (!inside) return { rest: at, length: tail.text.length };
    for (let from = followUp; from < tail.text.length; from += 1) {
      const resumes = quotationResumesAt(tail, from);
      if (resumes >= 0) return { rest: at, length: resumes };
    }
  }
  if (inside) {
    const resumes = quotationResumesAt(tail, at);
    return resumes >= 0 ? { rest: null, length: resumes } : null;
  }
  return closesAt(tail, at) ? { rest: null, length: tail.text.length } : null;
};

/** "said on Monday", "wrote on X late on Wednesday": when or where, after the token that ends at `index`, then the frame's end. */
const adverbialAfter = (tail: Tail, index: number, anyCase: boolean, inside: boolean): Ending | null => {
  const { text, tokens } = tail;
  const opener = tokens[index + 1];
  if (!opener) return null;
  let from: number;
  if (leadTagged(opener, 'tailAdverbial', anyCase)) from = opener.start + opener.lead.length;
  else if (fold(opener.word, anyCase) === 'ahead' && adjacent(text, opener, tokens[index + 2]) && fold(tokens[index + 2].lead, anyCase) === 'of') from = tokens[index + 2].start + 2;
  else return null;
  // It runs to the first stop, or to a "that" (a clause: "said in a statement that …" is speaker-first).
  let stop = from;
  for (; stop < text.length; stop += 1) {
    if (ADVERBIAL_STOPS.includes(text[stop])) break;
    if (!WORD_CHAR.test(text[stop - 1] ?? '') && fold(text.slice(stop, stop + 4), anyCase) === 'that' && isSpace(text[stop + 4])) break;
  }
  return endingAt(tail, stop, anyCase, inside);
};

/** "told The Associated Press": where a run of capitalised words starting at token `index` may end. */
const capitalisedRunEnds = ({ tokens }: Tail, index: number): number[] => {
  const ends: number[] = [];
  for (let i = index; i < tokens.length; i += 1) {
    const word = tokens[i].word;
    const run = /^\p{Lu}[\p{L}.]*/u.exec(word)?.[0];
    if (!run) break;
    for (let n = run.length; n >= 1; n -= 1) if (n === word.length || ',.;!?'.includes(word[n])) ends.push(tokens[i].start + n);
    if (run.length < word.length) break;
  }
  return ends;
};

/** "told reporters", "told the BBC": where who was told may end, after the token that ends at `index`. */
const audienceEnds = (tail: Tail, index: number): number[] => {
  const next = tail.tokens[index + 1];
  if (!next) return [];
  const listed = [...TOLD_AUDIENCES].filter((noun) => next.word.startsWith(noun) && (next.word.length === noun.length || ',.;!?'.includes(next.word[noun.length])));
  return [
    ...listed.map((noun) => next.start + noun.length),
    ...(next.word === 'the' && tail.tokens[index + 2] ? capitalisedRunEnds(tail, index + 2) : []),
    ...capitalisedRunEnds(tail, index + 1),
  ];
};

/** What follows a tail's verb when its speaker came first: who was told, when or where, then the frame's end. */
const afterVerb = (tail: Tail, at: number, inside: boolean): Ending | null => {
  const index = tail.tokens.findIndex((t) => t.end === at);
  for (const end of [...(index >= 0 ? audienceEnds(tail, index) : []), at]) {
    const ended = tail.tokens.findIndex((t) => t.end === end);
    const ending = (ended >= 0 ? adverbialAfter(tail, ended, false, inside) : null) ?? endingAt(tail, end, false, inside);
    if (ending) return ending;
  }
  return null;
};

/** The tail verbs a token starts: "went on" before "went", in the case the frame reads. Each with where it ends. */
const tailVerbsAt = (tail: Tail, index: number, anyCase: boolean, whole: boolean): { cue: string; end: number }[] => {
  const { text, tokens } = tail;
  const token = tokens[index];
  if (!token) return [];
  const found: { cue: string; end: number }[] = [];
  const first = fold(token.word, anyCase);
  const particle = TAIL_PARTICLES.get(first);
  const next = tokens[index + 1];
  if (particle !== undefined && adjacent(text, token, next) && fold(whole ? next.word : next.lead, anyCase) === particle) {
    found.push({ cue: `${token.word} ${next.word.slice(0, particle.length)}`, end: next.start + particle.length });
  }
  // The verb first is a whole word ("said Jane Doe"); the verb last may carry punctuation ("she said.").
  if ((!whole || token.lead === token.word) && leadTagged(token, 'closesTail', anyCase)) found.push({ cue: token.lead, end: token.start + token.lead.length });
  return found;
};

/** "…, said the minister." / "“A,” said Mayor Jane Doe, “B.”": the verb, then the shortest speaker the frame can end after. */
const verbFirst = (tail: Tail, inside: boolean): (TailFrame & { end: number }) | null => {
  const { text, tokens } = tail;
  for (const { cue, end } of tailVerbsAt(tail, 0, true, true)) {
    const first = tokens.findIndex((t) => t.start > end);
    if (first < 0) continue;
    const start = tokens[first].start;
    for (let i = first; i < tokens.length; i += 1) {
      for (let at = i === first ? tokens[i].start + 1 : tokens[i].start; at <= tokens[i].end; at += 1) {
        const ending = (at === tokens[i].end ? adverbialAfter(tail, i, true, inside) : null) ?? endingAt(tail, at, true, inside);
        if (ending) return { speaker: text.slice(start, at), cue, end: at, ...ending };
      }
    }
  }
  return null;
};

/** "…, she said." / "…, the company has also said on Monday, adding …": the shortest speaker, the words between, the verb. */
const verbLast = (tail: Tail, inside: boolean): (TailFrame & { end: number }) | null => {
  const { text, tokens } = tail;
  const between = (token: Token): boolean => token.word === token.lead && leadTagged(token, 'beforeTailVerb', false);
  for (let last = 0; last < tokens.length - 1; last += 1) {
    let run = 0;
    while (last + 1 + run < tokens.length && between(tokens[last + 1 + run])) run += 1;
    for (let skipped = run; skipped >= 0; skipped -= 1) {
      for (const { cue, end } of tailVerbsAt(tail, last + 1 + skipped, false, false)) {
        const ending = afterVerb(tail, end, inside);
        if (ending) return { speaker: text.slice(0, tokens[last].end), cue, end: tokens[last].end, ...ending };
      }
    }
  }
  return null;
};

/** Whether an appositive opens at `at` after "according to X": "…, an analyst at …", "…, president of …", "…, published in May". */
const appositiveOpensAt = (tail: Tail, at: number): number => {
  const { text, tokens } = tail;
  if (text[at] !== ',' || !isSpace(text[at + 1])) return -1;
  const index = tokens.findIndex((t) => t.start > at);
  const token = tokens[index];
  if (!token) return -1;
  const word = token.word.toLowerCase();
  const followed = index < tokens.length - 1;
  if (followed && (APPOSITIVE_OPENERS.has(word) || DOCUMENT_PARTICIPLES.has(word))) return token.end;
  if (word === 'one' && adjacent(text, token, tokens[index + 1]) && tokens[index + 1].word.toLowerCase() === 'of' && index + 1 < tokens.length - 1) return tokens[index + 1].end;
  const title = [...TITLES].find((t) => /^[a-z-]+$/.test(t) && word.startsWith(t) && !WORD_CHAR.test(word[t.length] ?? ''));
  return title ? token.start + title.length : -1;
};

/** "…, according to people familiar with the matter." / "…, according to Karen Liu, president of the builders' association." */
const accordingTail = (tail: Tail): (TailFrame & { end: number }) | null => {
  const { text, tokens } = tail;
  const [according, to, first] = tokens;
  if (!first || according.word.toLowerCase() !== 'according' || !adjacent(text, according, to) || to.word.toLowerCase() !== 'to') return null;
  const frame = (end: number, ending: Ending): TailFrame & { end: number } => ({ speaker: text.slice(first.start, end), cue: 'according to', end, ...ending });
  for (let at = first.start + 1; at <= text.length; at += 1) {
    // The speaker holds no comma but a thousands separator ("1,200 residents").
    if (text[at - 1] === ',' && !/\d/.test(text[at] ?? '')) break;
    const appositive = appositiveOpensAt(tail, at);
    if (appositive >= 0) {
      for (let end = appositive; end <= text.length; end += 1) {
        if (followUpAt(tail, end, true) >= 0) return frame(end, { rest: end, length: text.length });
        if (closesAt(tail, end)) return frame(end, { rest: null, length: text.length });
      }
    }
    const ending = endingAt(tail, at, true, false);
    if (ending) return frame(at, ending);
  }
  return null;
};

/** "according to a study by X that adds to concerns …": the relative clause describes the source, not who it is. */
const withoutRelativeClause = ({ text, tokens }: Tail, start: number, end: number): string => {
  for (let i = 1; i < tokens.length && tokens[i].start < end; i += 1) {
    if (tokens[i - 1].start < start || (tokens[i].word !== 'that' && tokens[i].word !== 'which') || !tokens[i + 1] || tokens[i + 1].start >= end) continue;
    if (/^\p{Ll}+\b/u.test(tokens[i + 1].word.slice(0, end - tokens[i + 1].start))) return text.slice(start, tokens[i - 1].end);
  }
  return text.slice(start, end);
};

const FRAMES: Record<Frame, (tail: Tail, inside: boolean) => (TailFrame & { end: number }) | null> = {
  according: (tail) => accordingTail(tail),
  'verb-first': verbFirst,
  'verb-last': verbLast,
};

/**
 * Whether a token can open a tail frame's verb or "according to": a tail with none of them after its
 * start is no frame, and is not read.
 */
export const opensTailFrame = (token: Token): boolean =>
  token.foldedLeadTags.has('closesTail') || TAIL_PARTICLES.has(token.word.toLowerCase()) || token.bare.endsWith('according');

/** The frame a tail is, if any: "according to X", then verb first, then verb last; inside a quotation, the two verb frames. */
export const matchTail = (tail: Tail, inside: boolean): TailFrame | null => {
  const frames: Frame[] = inside ? ['verb-first', 'verb-last'] : ['according', 'verb-first', 'verb-last'];
  for (const frame of frames) {
    const match = FRAMES[frame](tail, inside);
    if (!match) continue;
    const speaker = frame === 'according' ? withoutRelativeClause(tail, match.end - match.speaker.length, match.end) : match.speaker;
    // "The maker, Acme Corp, said" cut inside the appositive: a closing comma needs an opening one.
    if (/^[^,]*,\s*$/.test(speaker) || !isSpeakerPhrase(speaker)) continue;
    // Before an appositive comes a name ("Jane Doe, a spokesperson") or a role ("the company’s lawyer, Ann Cole").
    const [head, ...described] = speaker.split(',');
    const headWords = head.trim().toLowerCase().split(/\s+/);
    const role = DETERMINERS.has(headWords[0]) && TITLES.has(headWords[headWords.length - 1]);
    // "the Rev. Tobias Renwick, the vicar of …": a title and a name after "the" are a name.
    const titledName = headWords[0] === 'the' && headWords.length >= 3 && isTitle(headWords[1]) && /^\p{Lu}/u.test(head.trim().split(/\s+/)[2]);
    if (frame !== 'according' && described.length > 0 && !/^\p{Lu}/u.test(head.trim()) && !role && !titledName) continue;
    // "…, where the candidate, Yusuf Marlow, leads the incumbent by four votes, the officer said": a verb after the
    // comma opens a clause, not an appositive.
    if (described.some((part) => CLAUSE_AFTER_COMMA.test(part))) continue;
    // After a verb, the speaker must be a noun phrase and nothing more.
    if (frame === 'verb-first' && !isNounPhrase(speaker)) continue;
    return { speaker, cue: match.cue.toLowerCase(), rest: match.rest, length: match.length };
  }
  return null;
};

const CLAUSE_AFTER_COMMA = /^\s*\p{Ll}{3,}(?:es|s|ed)\s+(?:the|a|an|its|their|his|her|by|to)\s/u;

/** Points where a tail frame may begin: after a comma or a closing quote. */
export const splitPoints = (text: string): number[] => {
  // British single quotes close with ’, which is also an apostrophe: only a sentence opening with ‘ uses it.
  const closing = /^‘/.test(text) ? /,\s+|[”"’](?=\s+\p{L})\s*|[”"’],\s*/gu : /,\s+|[”"](?=\s+\p{L})\s*|[”"],\s*/gu;
  return [...text.matchAll(closing)].map((m) => (m.index ?? 0) + m[0].length);
};
