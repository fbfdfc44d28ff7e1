import { SourceKind } from '../types';
import type { Sentence } from './segment';
import { parseSpeaker, personName } from './speaker';
import { deniedNouns } from './lexicon';

/**
 * Interviews printed as questions and answers. Every answer is the interviewee's, whatever pronoun it
 * speaks in; the questions are the interviewer's and are not claims (a premise put to the interviewee
 * counts only as what the answer affirms or denies).
 *
 * Three layouts are read: "Q:" / "A:" labels, speaker labels ("Courier:" / "Hallström:"), and question
 * paragraphs with no label at all (a bold question line arrives as a plain paragraph).
 */

/** What one sentence of an interview is. */
export type InterviewRole = 'question' | 'answer';

export interface InterviewTurn {
  role: InterviewRole;
  /** Characters of the sentence taken by a speaker label ("Q: ", "Hallström: "): not part of any statement. */
  label: number;
  /** The first sentence of its answer: the one that may reject the premise of the question. */
  opensAnswer: boolean;
}

export interface InterviewLayout {
  /** The interviewee as the article names them ("Mirela Dunst", "Hallström"); null when nobody is named. */
  interviewee: string | null;
  /** By sentence index; sentences before the first question (the introduction) have no turn. */
  turns: Map<number, InterviewTurn>;
  /** By sentence index of an answer's first sentence: the question it answers, as printed. */
  premises: Map<number, string>;
}

// "Q:", "Q.", "Question:", "A:", "Answer:".
const QA_LABEL = /^(Q|A|Question|Answer)\s*[:.]\s+/;
// "Courier:", "Hallström:", "Mirela Dunst:": one to three capitalised words and a colon open the paragraph.
const NAME_LABEL = /^(\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,2}):\s+/u;
// A time of day ("10:30") is not a label.
const NOT_A_LABEL = /^(?:Note|Update|Updated|Correction|Editor[’']s note|Source|Sources|Photo|Read more|Related|Key points|Watch|Listen)$/i;

/** The label opening a paragraph's first sentence, and what it is: a Q/A letter or a speaker's name. */
const labelOf = (text: string): { label: string; length: number; qa: boolean } | null => {
  const qa = QA_LABEL.exec(text);
  if (qa) return { label: qa[1].charAt(0).toUpperCase(), length: qa[0].length, qa: true };
  const named = NAME_LABEL.exec(text);
  if (named && !NOT_A_LABEL.test(named[1])) return { label: named[1], length: named[0].length, qa: false };
  return null;
};

interface Paragraph {
  index: number;
  /** Indices into the article's sentences. */
  sentences: number[];
}

const paragraphsOf = (sentences: readonly Sentence[]): Paragraph[] => {
  const paragraphs: Paragraph[] = [];
  sentences.forEach((sentence, i) => {
    const last = paragraphs[paragraphs.length - 1];
    if (last && last.index === sentence.paragraph) last.sentences.push(i);
    else paragraphs.push({ index: sentence.paragraph, sentences: [i] });
  });
  return paragraphs;
};

const endsInQuestion = (text: string): boolean => /\?\s*[”"’]?\s*$/.test(text);
// "You have raised prices twice", "Your critics say…", "Staff have told us…": a premise put to the interviewee.
const ADDRESSES_INTERVIEWEE = /\b(?:you|your|yours|yourself|told us|tell us)\b/i;
// The publication's own interview note: "The interview has been edited for length and clarity."
// "Yes.", "No, …", "That’s not accurate.": a paragraph that replies to the one before it.
const REPLY_OPENER = /^(?:yes|yeah|no|not|that[’']s|that is|it is|it[’']s|right|true|partly|absolutely|exactly|well)\b/i;
export const INTERVIEW_NOTE = /\b(?:interview|conversation|exchange|transcript)\b[^.]*\b(?:edited|condensed|shortened|abridged)\b|\b(?:spoke|talked|sat down)\s+(?:to|with)\b/i;

// Two to five capitalised words ("Superintendent Dr", "Chief Inspector Maren Hale"); a hyphen may join two
// capitalised parts of one word ("Solvang-Reyes"). Titles in front are cut off by `personIn`.
const FULL_NAME = /(?<![\p{L}’'])(\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*(?:\s+\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*){1,4})(?![\p{L}])/gu;
const NOT_A_FIRST_NAME = /^(?:The|A|An|This|That|These|Those|In|On|At|For|After|Before|When|While|Since|Six|Five|Four|Three|Two|One|Last|Next|Our|Its|Their|His|Her|Mr|Mrs|Ms|Dr|Prof|Sir|Dame|National|Regional|City|County|State|Royal|North|South|East|West|New|Old|Saint|St)$/;

/**
 * The person a run of capitalised words names, titles in front cut off ("Chief Inspector Maren Hale" names
 * Maren Hale; "Superintendent Dr" names nobody): two or three words that are not a sentence opener.
 */
const personIn = (run: string): string | null => {
  const name = personName(run);
  const words = name?.split(' ') ?? [];
  if (name === null || words.length > 3 || NOT_A_FIRST_NAME.test(words[0])) return null;
  return parseSpeaker(name).kind === SourceKind.PERSON ? name : null;
};

/**
 * The person the introduction presents: of the full names in it, the one whose surname recurs most in
 * the article (labels included), the one that "spoke to" or "talked to" the publication breaking ties.
 */
const intervieweeIn = (sentences: readonly Sentence[], introEnd: number, labels: readonly string[]): string | null => {
  const whole = sentences.map((s) => s.text).join(' ');
  let best: { name: string; score: number } | null = null;
  for (let i = 0; i < introEnd; i += 1) {
    const text = sentences[i].text;
    for (const m of text.matchAll(FULL_NAME)) {
      const name = personIn(m[1]);
      if (name === null) continue;
      const words = name.split(' ');
      const surname = words[words.length - 1];
      const recurs = whole.split(surname).length - 1;
      const labelled = labels.some((l) => l === name || l === surname) ? 10 : 0;
      const speaks = INTERVIEW_NOTE.test(text) ? 1 : 0;
      const score = recurs + labelled + speaks;
      if (!best || score > best.score) best = { name, score };
    }
  }
  return best?.name ?? null;
};

/** A question paragraph of an unlabelled interview: short, and asking or putting a premise to "you". */
const looksLikeQuestion = (sentences: readonly Sentence[], paragraph: Paragraph, next: Paragraph): boolean => {
  if (paragraph.sentences.length > 3) return false;
  const last = sentences[paragraph.sentences[paragraph.sentences.length - 1]].text;
  if (endsInQuestion(last)) return true;
  const text = paragraph.sentences.map((i) => sentences[i].text).join(' ');
  if (paragraph.sentences.length > 1 || text.split(/\s+/).length > 25) return false;
  return ADDRESSES_INTERVIEWEE.test(text) || REPLY_OPENER.test(sentences[next.sentences[0]].text);
};

/**
 * Reads an article as an interview, or returns null when it is not laid out as one. Labelled layouts
 * need at least two labelled questions and two labelled answers; an unlabelled one needs at least three
 * paragraphs that end in a question mark, each followed by a paragraph that does not (two, when the
 * introduction says an interview took place).
 */
export const readInterview = (sentences: readonly Sentence[]): InterviewLayout | null => {
  const paragraphs = paragraphsOf(sentences).filter((p) => !sentences[p.sentences[0]].heading);
  if (paragraphs.length < 4) return null;
  const labels = paragraphs.map((p) => labelOf(sentences[p.sentences[0]].text));

  // Labelled: which label asks (Q, or the name whose paragraphs end in questions) and which answers.
  const counts = new Map<string, { paragraphs: number; asking: number; qa: boolean }>();
  paragraphs.forEach((p, i) => {
    const label = labels[i];
    if (!label) return;
    const entry = counts.get(label.label) ?? { paragraphs: 0, asking: 0, qa: label.qa };
    entry.paragraphs += 1;
    if (endsInQuestion(sentences[p.sentences[p.sentences.length - 1]].text)) entry.asking += 1;
    counts.set(label.label, entry);
  });
  const recurring = [...counts.entries()].filter(([, c]) => c.paragraphs >= 2);
  let asker: string | null = null;
  let answerer: string | null = null;
  if (counts.get('Q')?.qa && counts.get('A')?.qa && recurring.length >= 2) {
    asker = 'Q';
    answerer = 'A';
  } else if (recurring.length === 2) {
    const [a, b] = recurring.sort((x, y) => y[1].asking / y[1].paragraphs - x[1].asking / x[1].paragraphs);
    if (a[1].asking >= 2 && a[1].asking / a[1].paragraphs > b[1].asking / b[1].paragraphs + 0.3) {
      asker = a[0];
      answerer = b[0];
    }
  } else if (recurring.length === 1) {
    // Only the questions are labelled ("Q:", "Courier:"): the answers are the unlabelled paragraphs after them.
    const [label, c] = recurring[0];
    if ((c.qa && label === 'Q') || (c.asking >= 2 && c.asking / c.paragraphs >= 0.5)) asker = label;
  }

  const turns = new Map<number, InterviewTurn>();
  const premises = new Map<number, string>();
  let firstTurn = -1;
  const setParagraph = (p: Paragraph, role: InterviewRole, label: number, premise: string | null): void => {
    p.sentences.forEach((s, k) => turns.set(s, { role, label: k === 0 ? label : 0, opensAnswer: role === 'answer' && k === 0 }));
    if (firstTurn < 0) firstTurn = p.sentences[0];
    if (role === 'answer' && premise !== null) premises.set(p.sentences[0], premise);
  };
  const questionText = (p: Paragraph, label: number): string =>
    p.sentences.map((s, k) => (k === 0 ? sentences[s].text.slice(label) : sentences[s].text)).join(' ');

  if (asker) {
    let role: InterviewRole | null = null;
    let premise: string | null = null;
    let label = 0;
    paragraphs.forEach((p, i) => {
      const own = labels[i];
      if (own && own.label === asker) {
        role = 'question';
        label = own.length;
        premise = questionText(p, label);
      } else if (own && own.label === answerer) {
        role = 'answer';
        label = own.length;
      } else if (own) {
        // A third label (another speaker, "Editor's note:") ends the turn.
        role = null;
        return;
      } else if (answerer === null && role === 'question') {
        // With unlabelled answers, the paragraph after a question answers it.
        role = 'answer';
        label = 0;
        setParagraph(p, role, label, premise);
        return;
      } else {
        // An unlabelled paragraph goes on with the turn before it.
        label = 0;
      }
      if (role) setParagraph(p, role, label, role === 'answer' && own ? premise : null);
    });
    if (firstTurn < 0) return null;
    if (answerer === null || answerer === 'A') return { interviewee: intervieweeIn(sentences, firstTurn, []), turns, premises };
    // A label is a name the article gives in full in its introduction ("Hallström" for "Annelie Hallström").
    const full = intervieweeIn(sentences, firstTurn, [answerer]);
    const named = full !== null && (full === answerer || full.endsWith(` ${answerer}`));
    return { interviewee: named ? full : answerer, turns, premises };
  }

  // Unlabelled: question paragraphs, each followed by answer paragraphs.
  const asking = paragraphs.map((p) => endsInQuestion(sentences[p.sentences[p.sentences.length - 1]].text) && p.sentences.length <= 3);
  const alternations = asking.filter((q, i) => q && i + 1 < paragraphs.length && !asking[i + 1]).length;
  const start = asking.indexOf(true);
  // Two questions answered are an interview when the introduction says one took place ("talked to the Herald").
  const announced = sentences.slice(0, paragraphs[start]?.sentences[0] ?? 0).some((s) => INTERVIEW_NOTE.test(s.text));
  if (alternations < (announced ? 2 : 3)) return null;
  let premise: string | null = null;
  let answered = true;
  for (let i = start; i < paragraphs.length; i += 1) {
    const p = paragraphs[i];
    // A premise put without a question mark ("Your critics say…") is a question too, between two answers.
    const question = asking[i] || (answered && i + 1 < paragraphs.length && !asking[i + 1] && i > start && looksLikeQuestion(sentences, p, paragraphs[i + 1]));
    if (question) {
      premise = questionText(p, 0);
      setParagraph(p, 'question', 0, null);
      answered = false;
    } else {
      setParagraph(p, 'answer', 0, answered ? null : premise);
      answered = true;
    }
  }
  return { interviewee: intervieweeIn(sentences, firstTurn, []), turns, premises };
};

// "No, we did not pay.", "That’s not accurate.", "I don’t accept that.": the answer rejects the premise.
const REJECTS_PREMISE = new RegExp(
  String.raw`^(?:no|nope|not at all|absolutely not|certainly not|not true|that[’']s (?:not|simply not|just not) (?:true|accurate|right|correct|fair|the case|what happened)|that is (?:not|simply not) (?:true|accurate|right|correct|fair|the case)|that[’']s wrong|that is wrong|i (?:don[’']t|do not) (?:accept|agree with|buy) (?:that|this|the premise)|i (?:disagree|reject that)|we (?:don[’']t|do not) accept (?:that|this)|` +
    // "That figure is wrong.", "Those numbers are simply not true."
    String.raw`(?:that|this|those|these)\s+(?:${deniedNouns('object')})\s+(?:is|are)\s+(?:simply\s+|just\s+|completely\s+|plainly\s+)?(?:wrong|incorrect|false|inaccurate|misleading|not (?:true|accurate|right|correct)))\b`,
  'i',
);

// A rejection that may only answer a yes/no question: "No.", "Not at all."
const BARE_NO = /^(?:no|nope|not at all|absolutely not|certainly not|not true)$/i;

/**
 * Whether the first sentence of an answer rejects the premise put to the interviewee. A bare "No." only
 * rejects a premise put as a statement; after a real question it answers it and says nothing checkable.
 */
export const rejectsPremise = (answer: string, premise: string): boolean => {
  const match = REJECTS_PREMISE.exec(answer.trim());
  if (!match) return false;
  // "That figure is wrong." rejects whatever was put; a bare "No." may only answer the question.
  const bare = /^[\s.!]*$/.test(answer.trim().slice(match[0].length)) && BARE_NO.test(match[0]);
  return !bare || !endsInQuestion(premise);
};

// "It was one of the triggers, yes.", "On a small scale, it does.", "It might.": an answer that only affirms.
const AFFIRMS_PREMISE = /^(?:yes|yeah|absolutely|certainly|definitely|indeed|partly|possibly|perhaps|probably)\b|,\s*yes[.!]?$|\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|might|may)[.!]?$/i;
const NEGATED = /\b(?:not|no|never|nor)\b|n[’']t\b/i;

/**
 * Whether the first sentence of an answer does nothing but affirm (or, with "might", hedge) the premise of the
 * question put to the interviewee: a short answer of two words or more, without a negation, opening or ending in
 * an affirmation.
 */
export const affirmsPremise = (answer: string, premise: string): boolean => {
  const text = answer.trim();
  // A bare "Yes." answers the question and says nothing checkable, as a bare "No." does.
  const words = text.split(/\s+/).length;
  return endsInQuestion(premise) && words >= 2 && words <= 8 && AFFIRMS_PREMISE.test(text) && !NEGATED.test(text);
};

/** The sentence with its speaker label cut off: offsets move with it, so quotes still anchor in the body. */
export const withoutLabel = (sentence: Sentence, turn: InterviewTurn | undefined): Sentence =>
  turn && turn.label > 0
    ? { ...sentence, text: sentence.text.slice(turn.label), start: sentence.start + turn.label }
    : sentence;

// "should be back by January", "Our current estimate is…", "I would expect…": the interviewee forecasting.
const FORECAST = /\b(?:should (?:be|have|reopen|return|finish|open)|(?:our|my) (?:current |best |latest )?(?:estimate|guess|expectation)|(?:we|i) (?:would )?(?:expect|estimate|hope|reckon)|(?:is|are) expected to)\b/i;

/** Whether a statement of an answer is a forecast, which the interviewee hedges however plainly put. */
export const forecastInAnswer = (statement: string): boolean => FORECAST.test(statement);
