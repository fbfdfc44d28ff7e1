import { AUXILIARY_VERBS, deniedNouns, FINITE_VERB, IRREGULAR_PASTS, isFiniteClause, standsAlone, VERBS } from './lexicon';
import type { Statement } from './attribution';
import { type Range, tightenRange } from './ranges';

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
// A naming appositive ("known as CTX-417") names; it does not state anything.
const NAMING = /^(?:known|called|named|dubbed|nicknamed|titled|branded|marketed|also known)\b/;
// "documents seen by the paper" says where the reporter found the statement, not a fact of its own.
const PROVENANCE = /^(?:seen|obtained|reviewed|viewed|examined|verified)\s+by\b/;
const DENIAL_APPOSITIVE = new RegExp(
  String.raw`,\s*(?:an?|the)\s+(?:${deniedNouns('appositive')})\s+(?:that\s+)?(.+?)\s+(?:(?:flatly|strongly|firmly|categorically|vehemently|quickly|later|also)\s+)?(${VERBS.alternation(VERBS.tensed('denies'))})\s*$`,
  'u',
);

const NO_COMMENT_TAIL = /,?\s+(?:but|and)\s+(?:declined|refused|would not|did not|could not)\s+(?:to\s+)?(?:comment|say(?:\s+(?:more|how|whether|when|why|what|who|if))?|elaborate|discuss|speculate|give (?:details|further details))\b[^;]*$/u;

// "… and said (that)", "… and denied that": a second reporting verb of the same speaker, and its "that".
const SECOND_REPORT = new RegExp(String.raw`^(${VERBS.alternation([...VERBS.tensed('reports'), ...VERBS.tensed('denies')])})\s+(?:that\s+)?(?=\S)`, 'u');
const HEDGING_REPORT = VERBS.tensed('hedges');

// Verbs of intent before "to": "and expects to begin", "and aims to cut" (never a noun: "and ministers to reverse").
const INTENDING = /^(?:expects|intends|aims|hopes|plans|wants|seeks|promises|pledges|vows|threatens|agrees|refuses|declines|continues|offers|needs|expected|intended|aimed|hoped|planned|wanted|sought|promised|pledged|vowed|threatened|agreed|refused|declined|continued|offered)$/;

const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);
const wordCount = (text: string): number => words(text).length;

/** The first `limit` of `words(text)`, reading no further into the text. */
const firstWords = (text: string, limit: number): string[] => {
  const found: string[] = [];
  const word = /\S+/g;
  while (found.length < limit) {
    const match = word.exec(text);
    if (!match) break;
    found.push(match[0]);
  }
  return found;
};
// Clause tests need a few words, never all of them: counting stops at the threshold.
const hasWords = (text: string, count: number): boolean => firstWords(text, count).length >= count;

/**
 * Where `pattern` first matches at or after a position of `text`. Each cut is looked for further on,
 * so the positions asked for grow and the text is read once, however many joints it has.
 */
const forwardSearch = (text: string, pattern: RegExp): ((from: number) => number) => {
  const search = new RegExp(pattern.source, 'gu');
  let asked = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    if (from >= asked && (found === -1 || found >= from)) return found;
    search.lastIndex = from;
    asked = from;
    found = search.exec(text)?.index ?? -1;
    return found;
  };
};

/** Forward searches over one statement: finite verbs left and right of a joint, and the next comma or semicolon. */
interface Searches {
  left: (from: number) => number;
  right: (from: number) => number;
  pause: (from: number) => number;
}
const isVerbLike = (word: string): boolean => AUXILIARY.has(word) || /^\p{Ll}{3,}(?:ed|es|s)$/u.test(word);

/** The subject of a clause: its words before the first verb, without an appositive ("Smith, 24,"). */
const leadingSubject = (text: string): string | undefined => {
  const tokens = firstWords(text, 9);
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

/** "NP, made public by X, signifies …" / "NP, who finished fourth, have made …" → the subject's background, then the predicate. */
const subjectAppositive = (statement: string): Cut | null => {
  // A comma inside a number ("20,000") does not close the appositive.
  const match = /^([^,]{2,60}?),\s+((?:\p{Ll}+ly\s+)?(\p{Ll}+)\b(?:[^,]|,(?=\d))*?),\s+(\p{Ll}+)\b/u.exec(statement);
  if (!match) return null;
  const [, subject, appositive, firstWord, predicateVerb] = match;
  if (FINITE_VERB.test(subject) || wordCount(subject) > 7) return null;
  const relative = firstWord === 'who' || firstWord === 'which';
  const participial = PARTICIPLE.test(firstWord) || (/ly$/.test(words(appositive)[0] ?? '') && PARTICIPLE.test(words(appositive)[1] ?? ''));
  if (!relative && (!participial || NAMING.test(appositive) || PROVENANCE.test(appositive) || wordCount(appositive) < 4)) return null;
  if (!isVerbLike(predicateVerb)) return null;
  const at = subject.length + 2 + appositive.length;
  return { at, next: at + 2, role: 'background', subject: subject.trim() };
};

/** Where a statement splits between two checkable statements, and how. */
const findCut = (statement: string, searchFrom: number, from: number, searches: Searches, reported: boolean): Cut | null => {
  const joints = /;\s+|,\s+(?=(?:we|they)\s+(?:have|had|will|are|were)\s+\p{Ll}{3,})|,\s+(?:while|whereas|though|although|but|and|with|including|in what|which|who|where|when|before|after|even as|as)\s+|\s+and\s+(?=that\s|\p{Ll}+\s)/gu;
  joints.lastIndex = searchFrom;
  for (let joint = joints.exec(statement); joint; joint = joints.exec(statement)) {
    const at = joint.index;
    const next = at + joint[0].length;
    const left = statement.slice(from, at);
    const right = statement.slice(next);
    // Up to the next comma or semicolon, found without splitting the rest of the statement.
    const headEnd = searches.pause(next);
    const rightHead = headEnd < 0 ? right : statement.slice(next, headEnd);
    const word = joint[0].replace(/[;,]/g, '').trim();
    const [firstWord, secondWord] = firstWords(right, 2);
    const first = firstWord?.replace(/[“"]/g, '') ?? '';
    // A finite verb in the rest of the statement, or in the left clause (verbs never span a joint).
    const verbInRight = searches.right(next) !== -1;
    if (!hasWords(left, 3)) continue;
    if (word === '' && joint[0].startsWith(',')) {
      // "We have rebuilt the network, we have added …": two statements spliced by a comma.
      if (hasWords(left, 4) && hasWords(rightHead, 4)) return { at, next };
    } else if (word === '') {
      if (hasWords(left, 4) && hasWords(right, 4)) return { at, next };
    } else if (word === 'as') {
      // ", as consumer prices continued to climb": a second fact with its own subject and verb; ", as expected" is not.
      if (hasWords(rightHead, 5) && SUBJECT_START.test(right) && !NOT_A_SUBJECT.test(right) && /^(?:[\p{L}’'-]+\s+){1,4}?(?:\p{Ll}{3,}ed|is|are|was|were|has|have|had|will|would)\s/u.test(right)) return { at, next };
    } else if (word === 'while' || word === 'whereas') {
      if (hasWords(right, 3)) return { at, next };
    } else if (word === 'though' || word === 'although' || word === 'even as') {
      // ", though gusts are still possible", ", even as spending rose": a second fact, conceded.
      if (!/^(?:in|on|at|for|with|by|to|from|if|not|only)\b/.test(right) && standsAlone(rightHead)) return { at, next };
    } else if (word === 'but') {
      if (isFiniteClause(rightHead)) return { at, next };
    } else if (word === 'with') {
      // ", with exceptions noted only for steel": a fact of its own, stated in passing.
      if (hasWords(rightHead, 4) && !/^(?:the help|the support|a view|an eye)\b/.test(right)) return { at, next };
    } else if (word === 'including') {
      if (hasWords(rightHead, 5) && words(rightHead).some((w) => PARTICIPLE.test(w))) return { at, next };
    } else if (word === 'in what') {
      return { at, next: at + joint[0].indexOf('what'), role: 'background' };
    } else if (word === 'before' || word === 'after') {
      // ", before it was bought by a restorer": a later event with its own subject and verb.
      if (hasWords(right, 4) && /^(?:it|he|she|they|the|its|their|his|her|\p{Lu})/u.test(right) && !NOT_A_SUBJECT.test(right) && isFiniteClause(rightHead)) return { at, next };
    } else if (word === 'where' || word === 'when') {
      // ", where 40 people slept", ", when he resigned": another fact; "X, when it rains, might …" is an aside.
      const aside = /^,\s+(?:might|may|could|would|will|can|should|must|is|are|was|were|has|have|had)\b/.test(right.slice(rightHead.length));
      if (!aside && hasWords(right, 3) && SUBJECT_START.test(right) && !NOT_A_SUBJECT.test(right) && verbInRight) return { at, next: at + joint[0].indexOf(word) };
    } else if (word === 'which' || word === 'who') {
      // ", which the museum received in August": an object relative only describes the noun before it, so it is left out.
      // ", which it expects will fund operations into 2028": a forecast reported inside the relative is a statement.
      const reportedRelative = new RegExp(String.raw`^(?:he|she|they|it|we|the\s+\p{L}+)\s+(?:${VERBS.alternation(VERBS.tensed('reports'))})\s+(?:will|would|could|may|might|can|is|are|was|were|has|have|had)\b`, 'u').test(right);
      const objectRelative = !reportedRelative && /^(?:the|a|an|its|their|his|her|he|she|they|it|we|i|you)\s/i.test(right);
      if (hasWords(right, 3) && verbInRight) return { at, next: at + joint[0].indexOf(word), role: objectRelative ? 'aside' : 'background' };
    } else if (word === 'and' && joint[0].startsWith(',')) {
      // ", and we publish our terms", ", and the waiting list runs to 18 months": a present tense after its own subject.
      const presentClause = /^(?:we|they|i|you)\s+\p{Ll}{3,}\s/u.test(right) || (/^(?:the|its|their|our|his|her)\s/.test(right) && standsAlone(rightHead));
      if (SUBJECT_START.test(right) && !NOT_A_SUBJECT.test(right) && (isFiniteClause(rightHead) || presentClause)) return { at, next };
    } else if (word === 'and') {
      // "said A and that B": the second "that" opens a clause even when its verb is not recognised.
      if (first === 'that' && hasWords(right, 5)) return { at, next: next + 5 };
      // "denied that A and said B", "said A and denied that B": a second report of the speaker, with its own verb
      // ("… and expects revenue of €74 million" is an intention, not a report; narration's "and said" is left
      // to the attribution frames).
      const reporting = reported ? SECOND_REPORT.exec(right) : null;
      const hedgeWithoutThat = reporting !== null && HEDGING_REPORT.has(reporting[1]) && !/\bthat\s+$/.test(reporting[0]);
      if (reporting && !hedgeWithoutThat && hasWords(right.slice(reporting[0].length), 4) && hasWords(left, 4)) {
        return { at, next: next + reporting[0].length, cue: reporting[1] };
      }
      // "scored 21 goals and has two years left": a second predicate of the same subject.
      const after = secondWord ?? '';
      const mainVerb = /^(?:has|have|had|is|are|was|were)$/.test(first) && !/^(?:been|being|\p{Ll}+ed|\p{Ll}+en|\p{Ll}+ing)$/u.test(after);
      // "… and expects to begin enrolment in 2027": a second intention of the same subject.
      const intends = INTENDING.test(first) && after === 'to';
      if ((mainVerb || intends || /^(?:will|would|can|could|plans)$/.test(first)) && hasWords(right, 4)) {
        return { at, next, subject: leadingSubject(statement) };
      }
      // "hired an auditor and changed its rules", "came in 1991 and spent 24 years …": a second past action
      // taking its own object.
      const object = /^(?:him|her|them|it|its|his|their|the|a|an|about|around|nearly|more|\d[\d,.]*)$/.test(after);
      const pastAction = (/^\p{Ll}{3,}ed$/u.test(first) || IRREGULAR_PAST.has(first)) && object;
      const verbInLeft = (): boolean => {
        const at0 = searches.left(from);
        return at0 !== -1 && at0 < at;
      };
      if (pastAction && hasWords(right, 3) && verbInLeft()) return { at, next, subject: leadingSubject(statement) };
      // "was founded in 1958 and employs about 90 people": a present tense with its own object after a finite clause.
      const presentAction = /^\p{Ll}{3,}s$/u.test(first) && !/ss$/.test(first) && object;
      if (presentAction && hasWords(right, 3) && hasWords(left, 4) && verbInLeft()) return { at, next, subject: leadingSubject(statement) };
    }
  }
  return null;
};

/**
 * Splits a statement where it holds several checkable statements: "A; B", "A, but B", "A, and B",
 * "while A, B", "NP, made public by X, does B", "A, with B", "A, which B", "A, an account X denied"; and, in a
 * statement someone makes (`spoken`), "A and said B", "A and denied that B".
 * Ranges are tight (no spaces or final punctuation) and in order.
 */
export const splitClauses = (text: string, range: Range, frameEnd = range.start, spoken = false): Clause[] => {
  const statement = text.slice(range.start, range.end);
  // Nothing before the end of a frame inside the statement is split ("Rosa Delgado, a lawyer …, called it …").
  const protectedUntil = Math.max(0, frameEnd - range.start);
  const clauses: Clause[] = [];
  const push = (start: number, end: number, clause: Omit<Clause, 'range'>): void => {
    const tight = tightenRange(text, { start: range.start + start, end: range.start + end });
    if (clause.role !== 'aside' && tight.end > tight.start && /\p{L}/u.test(text.slice(tight.start, tight.end))) clauses.push({ range: tight, ...clause });
  };
  let end = statement.length;
  const denial = DENIAL_APPOSITIVE.exec(statement);
  if (denial && denial.index > 0 && wordCount(denial[1]) <= 6) end = denial.index;
  // "confirmed that it had sent the three reports but declined to comment further": the refusal says nothing,
  // and is left out rather than sinking the fact before it.
  const refusal = end === statement.length ? NO_COMMENT_TAIL.exec(statement) : null;
  if (refusal && hasWords(statement.slice(0, refusal.index), 4)) end = refusal.index;

  let from = 0;
  let pending: Omit<Clause, 'range'> = { role: 'main' };
  // "while A, B": the concession is a statement of its own.
  const concession = protectedUntil > 0 ? null : /^(?:while|although|though|whereas)\s+([^,]+),\s+/i.exec(statement);
  if (concession && wordCount(concession[1]) >= 3 && wordCount(statement.slice(concession[0].length, end)) >= 4) {
    const at = concession[0].indexOf(concession[1]);
    push(at, at + concession[1].length, { role: 'main' });
    from = concession[0].length;
  }
  // A speaker's reported statement ("said the master, who has since retired, had …") is one claim, appositive and all.
  const reported = /^\p{Ll}/u.test(statement.slice(from));
  const appositive = protectedUntil > 0 || reported ? null : subjectAppositive(statement.slice(from, end));
  if (appositive) {
    push(from, from + appositive.at, { role: 'background' });
    pending = { role: 'main', subject: appositive.subject };
    from += appositive.next;
  }
  const splittable = statement.slice(0, end);
  const searches: Searches = { left: forwardSearch(splittable, FINITE_VERB), right: forwardSearch(splittable, FINITE_VERB), pause: forwardSearch(splittable, /[,;]/) };
  for (let cut = findCut(splittable, Math.max(from, protectedUntil), from, searches, spoken); cut; cut = findCut(splittable, Math.max(from, protectedUntil), from, searches, spoken)) {
    push(from, cut.at, pending);
    pending = { role: cut.role ?? 'main', subject: cut.subject, cue: cut.cue };
    from = cut.next;
  }
  push(from, end, pending);
  if (denial && end < statement.length) {
    push(end, statement.length, { role: 'denial', speaker: denial[1], cue: denial[2].toLowerCase() });
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
export const splitAfterSourceFrame = (text: string, statement: Statement): Statement[] => {
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
  if (!joint || !isFiniteClause(text.slice(next, range.end)) || !hasWords(text.slice(range.start, cut.start), 4)) return [statement];
  return [
    { ...statement, range: tightenRange(text, { start: range.start, end: cut.start }), cut: undefined },
    { range: tightenRange(text, { start: next, end: range.end }), speaker: null, cue: null, style: 'narration' },
  ];
};
