import { SourceKind, type SourceRef, Stance } from '../types';
import { attributeSentence, type Statement } from './attribution';
import { type CheckworthinessWeights, type FiredFeature, judgeCheckworthiness } from './checkworthiness';
import { stripDiscourseOpeners, writeClaimText } from './claim-text';
import { type Clause, splitAfterSourceFrame, splitClauses } from './clauses';
import { alternation, CONTINUATION_OPENERS, DATE_WORDS, DENIAL_VERBS, documentPattern, SUBJECT_ENDING_VERB } from './lexicon';
import { type Range, tightenRange } from './ranges';
import { type Sentence, splitSentences } from './segment';
import { SourceBook } from './source-book';
import { isSpeakerPhrase } from './speaker-phrase';
import { readColumnist } from './columnist';
import { type ArticleGenre, readGenre, type SentenceGenre, splitFurniture } from './genre';
import { affirmsPremise, forecastInAnswer, type InterviewLayout, readInterview, rejectsPremise, withoutLabel } from './interview';
import { genderIn, pronounGender } from './pronoun-gender';
import { parseSpeaker } from './speaker';
import { classifyStance } from './stance';
import { type Token, tokenize } from './tokens';

/** A checkable statement found in an article body; `body.slice(start, end)` is where it stands. */
export interface ExtractedClaim {
  text: string;
  start: number;
  end: number;
  source: SourceRef;
  stance: Stance;
  checkworthiness: number;
}

export interface ExtractOptions {
  /** Who publishes the article: the source of every statement it makes without attribution. */
  publisher?: string | null;
  /** The lowest check-worthiness a statement needs to be a claim. */
  threshold?: number;
  /** Check-worthiness weights to use instead of the table's (fitted ones, measured before adoption). */
  weights?: CheckworthinessWeights | null;
}

/** How the attribution stage read one statement of a sentence: where it stands and who says it. */
export interface StatementTrace {
  start: number;
  end: number;
  /** The speaker as written; null when the publisher narrates. */
  speaker: string | null;
  style: Statement['style'];
}

/** One sentence as segmentation cut it, with the statements attribution found in it. */
export interface SentenceTrace {
  start: number;
  end: number;
  /** A heading, byline or caption: never read for claims. */
  heading: boolean;
  statements: StatementTrace[];
}

/** Why one clause became a claim or did not: its source, its score against the threshold, its stance. */
export interface ClauseDecision {
  start: number;
  end: number;
  /** The index of its sentence in `ExtractionTrace.sentences`. */
  sentence: number;
  /** The speaker as written; null when the publisher narrates. */
  speaker: string | null;
  source: SourceRef;
  checkworthiness: number;
  threshold: number;
  /** The check-worthiness features that fired, with what each added to the score. */
  features: FiredFeature[];
  kept: boolean;
  /** The stance of a kept clause; null for a dropped one, whose stance is never read. */
  stance: Stance | null;
}

/** Every decision the extractor made on an article, in reading order: what `--explain` reports. */
export interface ExtractionTrace {
  sentences: SentenceTrace[];
  clauses: ClauseDecision[];
}

/** Tuned on curated articles: below it lie scene-setting, musing and bare opinion. */
export const CHECKWORTHINESS_THRESHOLD = 0.43;

const UNNAMED_SOURCE: SourceRef = { name: 'Unnamed source', kind: SourceKind.UNKNOWN, affiliation: null };

const publisherSource = (publisher: string | null | undefined): SourceRef =>
  publisher && publisher.trim()
    ? { name: publisher.trim(), kind: SourceKind.PUBLICATION, affiliation: null }
    : { name: 'Unknown publisher', kind: SourceKind.UNKNOWN, affiliation: null };

/** Whether a quotation is open after reading `text`, given whether it was open before. */
const quoteOpenAfter = (text: string, open: boolean): boolean => {
  let state = open;
  for (const ch of text) {
    if (ch === '“') state = true;
    else if (ch === '”') state = false;
    else if (ch === '"') state = !state;
  }
  return state;
};

const FRAME_AFTER = new Set(['speaker-after', 'speaker-inside']);
const FRAME_BEFORE = new Set(['speaker-first', 'according-to']);
const SPEAKING_STYLES = new Set(['speaker-after', 'speaker-inside', 'speaker-first', 'borrowed']);
const isNarration = (statements: Statement[]): boolean => statements.every((s) => s.speaker === null);
const speakingStatement = (statements: Statement[]): Statement | undefined =>
  statements.find((s) => s.speaker !== null && SPEAKING_STYLES.has(s.style));

// A quote after "X denied that …" is X speaking, not X denying: the denial cue is not borrowed.
const borrowedCue = (from: Statement): string | null => (from.cue && DENIAL_VERBS.has(from.cue) ? 'said' : from.cue);

const borrowed = (from: Statement, sentence: Sentence): Statement[] => [
  { range: tightenRange(sentence.text, { start: 0, end: sentence.text.length }), speaker: from.speaker, cue: borrowedCue(from), style: 'borrowed' },
];

/**
 * A quotation that runs over several sentences belongs to the speaker named anywhere in it; a quote
 * with no speaker of its own continues the last speaker of its paragraph (or of the paragraph before).
 */
const attributeQuotations = (sentences: Sentence[], attributed: Statement[][]): void => {
  let run: number[] = [];
  let open = false;
  let lastSpeaker: Statement | null = null;
  let paragraph = -1;
  const closeRun = (): void => {
    if (run.length === 0) return;
    const own = run.map((i) => speakingStatement(attributed[i])).find(Boolean) ?? null;
    const speaker = own ?? lastSpeaker;
    if (speaker) {
      for (const i of run) if (isNarration(attributed[i])) attributed[i] = borrowed(speaker, sentences[i]);
      lastSpeaker = speaker;
    }
    run = [];
  };
  sentences.forEach((sentence, i) => {
    if (sentence.paragraph !== paragraph) {
      closeRun();
      // A new paragraph that does not open with a quote ends the previous speaker's turn.
      if (!/^[“"]/.test(sentence.text)) lastSpeaker = null;
      paragraph = sentence.paragraph;
      open = false;
    }
    if (sentence.heading) return;
    const quoted = open || /^[“"]/.test(sentence.text);
    if (quoted) run.push(i);
    else closeRun();
    const speaking = speakingStatement(attributed[i]);
    if (!quoted && speaking) lastSpeaker = speaking;
    open = quoteOpenAfter(sentence.text, open);
    if (!open) closeRun();
  });
  closeRun();
};

// "It put the cost at…", "They estimate…": a pronoun subject goes on with the source just quoted.
const PRONOUN_SUBJECT = /^(?:it|they)\s+(?!is\b|was\b|are\b|were\b|has been\b|seems\b|remains\b|appears\b|will be\b|would be\b)\p{Ll}+/iu;

// "… has issued a statement": the subject put out a document in its own voice.
const ISSUED_DOCUMENT = new RegExp(String.raw`^,?\s+(?:(?:has|have|had)\s+)?(?:issued|released|put out|published|posted)\s+(?:a|an|its|their)\s+(?:[\p{L}-]+\s+)?(${documentPattern('issued')})\b`, 'iu');

// A document that speaks: its next sentence of figures is still its own.
const DOCUMENT_SPEAKER = new RegExp(String.raw`\b(?:${documentPattern('speaks')})$`, 'i');

/** "Concurrently, …" or "It put the cost at …" after an attributed sentence continues that source. */
const attributeContinuations = (sentences: Sentence[], attributed: Statement[][]): void => {
  for (let i = 1; i < sentences.length; i += 1) {
    const previous = attributed[i - 1].find((s) => s.speaker !== null);
    if (!isNarration(attributed[i]) || !previous || sentences[i - 1].paragraph !== sentences[i].paragraph) continue;
    if (previous.style === 'possessive' || previous.style === 'expression' || previous.style === 'denial') continue;
    const text = sentences[i].text;
    const pronoun = PRONOUN_SUBJECT.test(text) && !/^(?:he|she|i|we)$/i.test(previous.speaker ?? '');
    // "…, the report said. Lapwing numbers rose to 146.": more figures after a document's go on quoting it.
    const moreFigures = DOCUMENT_SPEAKER.test(previous.speaker ?? '') && /\d/.test(text);
    if (CONTINUATION_OPENERS.some((re) => re.test(text)) || pronoun || moreFigures) attributed[i] = borrowed(previous, sentences[i]);
  }
};

// The words before a sentence's first verb: its subject, when it is a name or an institution.
const FIRST_VERB = SUBJECT_ENDING_VERB;

const WHEN_FIRST = new RegExp(String.raw`^(?:(?:next|last|this|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn|fall|winter|${alternation(DATE_WORDS)})|(?:on|in|by|since|until)\s+(?:${alternation(DATE_WORDS)})(?:\s+\d{1,4})?),?\s+`, 'i');

const subjectOf = (text: string): string | null => {
  // "Researchers at X, who carried out the work, flew …": the subject stands before its relative clause.
  const described = /^([^,]{3,100}),\s+(?:who|which)\s/.exec(text);
  if (described && isSpeakerPhrase(described[1])) return described[1];
  // "Next month the county commission will …": when it happens is not who does it.
  const words = text.replace(WHEN_FIRST, '').split(/\s+/);
  const verbAt = words.findIndex((w, i) => i > 0 && FIRST_VERB.test(w.replace(/[.,;:!?]+$/, '')));
  if (verbAt <= 0 || verbAt > 6) return null;
  const phrase = words.slice(0, verbAt).join(' ');
  // "The Lille ferry operator, Sundlink, has cancelled …": a description and the organisation's name.
  const appositive = /^([^,]+,\s*[^,]+),$/.exec(phrase)?.[1];
  if (appositive) {
    const parsed = parseSpeaker(appositive);
    return parsed.reference.type === 'named' && (parsed.kind === SourceKind.ORGANIZATION || parsed.kind === SourceKind.GOVERNMENT) ? appositive : null;
  }
  return /,/.test(phrase) || !isSpeakerPhrase(phrase) ? null : phrase;
};

/** The statement's range without a linking opener ("However, ") or a bare "that". */
const withoutOpener = (text: string, range: Range): Range => {
  const statement = text.slice(range.start, range.end);
  const stripped = stripDiscourseOpeners(statement).replace(/^that\s+/i, '');
  const start = range.start + (statement.length - stripped.length);
  return start < range.end ? tightenRange(text, { start, end: range.end }) : range;
};

const clauseText = (text: string, clause: Range, cut: Range | undefined): string =>
  cut && cut.start >= clause.start && cut.end <= clause.end
    ? `${text.slice(clause.start, cut.start)} ${text.slice(cut.end, clause.end)}`
    : text.slice(clause.start, clause.end);

/**
 * Who makes a clause: background about a subject and what follows an expressed position are the
 * publisher's; in an interview's answer, background too is the interviewee's ("…, which is above the
 * industry average").
 */
const clauseSpeaker = (statement: Statement, clause: Clause, index: number, answer = false): string | null => {
  if (clause.role === 'denial') return clause.speaker ?? statement.speaker;
  if (clause.role === 'background') return answer ? statement.speaker : null;
  // "X called it “a mess” and said Y": a clause with its own reporting verb is still X's.
  if (clause.cue) return statement.speaker;
  if ((statement.style === 'expression' || statement.style === 'possessive') && index > 0) return null;
  return statement.speaker;
};

/**
 * In an interview every statement of an answer is the interviewee's ("we", "our", a figure, what a
 * ministry agreed), the questions are nobody's claims, and an answer opening "No, …" or "That's not
 * accurate" denies the premise put to the interviewee.
 */
const attributeInterview = (interview: InterviewLayout, sentences: Sentence[], attributed: Statement[][]): void => {
  sentences.forEach((sentence, i) => {
    const turn = interview.turns.get(i);
    if (!turn) return;
    if (turn.role === 'question') {
      attributed[i] = [];
      return;
    }
    if (interview.interviewee === null) return;
    const premise = interview.premises.get(i);
    if (turn.opensAnswer && premise !== undefined && rejectsPremise(sentence.text, premise)) {
      attributed[i] = [{ range: tightenRange(sentence.text, { start: 0, end: sentence.text.length }), speaker: interview.interviewee, cue: 'denied', style: 'denial' }];
      return;
    }
    if (turn.opensAnswer && premise !== undefined && affirmsPremise(sentence.text, premise)) {
      attributed[i] = [{ range: tightenRange(sentence.text, { start: 0, end: sentence.text.length }), speaker: interview.interviewee, cue: 'said', style: 'affirmation' }];
      return;
    }
    attributed[i] = attributed[i].map((s) => (s.style === 'denial' ? { ...s, speaker: interview.interviewee } : { ...s, speaker: interview.interviewee, cue: 'said', style: 'borrowed' }));
  });
};

/** What the claims of one article are made with, as its sentences are read in order. */
interface Reading {
  body: string;
  /** The gender the article gives each person, read once per name. */
  genders: Map<string, ReturnType<typeof genderIn>>;
  book: SourceBook;
  publisher: SourceRef;
  threshold: number;
  weights: CheckworthinessWeights | null;
  /** The statement read last, kept or not: what "rejected that claim" denies. */
  lastText: string;
  /** The document the sentence read last speaks in ("in a statement"), found once for all its clauses. */
  document: { sentence: string; noun: string | undefined } | null;
}

const SPOKE_IN_DOCUMENT = /\bin\s+(?:a|an|its|their|his|her)\s+(?:[\p{L}-]+\s+)?(statement|release|filing|letter|memo|email|post|report)\b/iu;

/** What a later "the official" may call this speaker: a generic noun, or the common noun a description ends in. */
const nounsOf = (parsed: ReturnType<typeof parseSpeaker>): string[] => {
  if (parsed.reference.type === 'generic') return [parsed.reference.noun];
  const head = /\s(\p{Ll}+)$/u.exec(parsed.name)?.[1];
  return parsed.reference.type === 'named' && head ? [head] : [];
};

// "Skarholm hospital", "Veda council": a place's name before a kind of institution names that institution.
const PLACE_BEFORE_INSTITUTION = /^(\p{Lu}[\p{L}’'-]+)\s+(?:[\p{Ll}-]+\s+){0,2}\p{Ll}+$/u;
const NOT_A_PLACE = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|city|county|state|local|national|federal|regional|some|many|other|several|two|three|senior|top|former)$/i;

/**
 * A generic description that opens with a place's name ("Skarholm hospital says …") is read as a name
 * when the article writes that word capitalised inside a sentence too: it is a proper noun, not a
 * sentence-initial capital, and the description must not resolve to another institution.
 */
const placeNamedInstitution = (body: string, speaker: string, parsed: ReturnType<typeof parseSpeaker>): SourceRef | null => {
  if (parsed.reference.type !== 'generic' || (parsed.kind !== SourceKind.ORGANIZATION && parsed.kind !== SourceKind.GOVERNMENT)) return null;
  const match = PLACE_BEFORE_INSTITUTION.exec(speaker.trim());
  if (!match || NOT_A_PLACE.test(match[1])) return null;
  // Inside a sentence, after a lower-case word that does not join a longer name ("Department of Health"), and before one.
  const proper = new RegExp(`(?:^|\\s)(?!(?:of|and|for|the)\\s)\\p{Ll}[\\p{Ll}’'-]*,?\\s+${match[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\p{Ll}`, 'u');
  return proper.test(body) ? { name: speaker.trim(), kind: parsed.kind, affiliation: null } : null;
};

/**
 * "he said" after "Okoro … Pettersen has conceded. In a short speech he …": when the person named last is
 * known to be a woman, "he" is the last man named before (and the reverse for "she"). Null leaves the
 * pronoun to the source book.
 */
const genderedPerson = (reading: Reading, speaker: string, position: number): SourceRef | null => {
  const wanted = pronounGender(speaker);
  if (!wanted) return null;
  const last = reading.book.personBefore(position);
  if (!last) return null;
  const genderOf = (ref: SourceRef): ReturnType<typeof genderIn> => {
    let known = reading.genders.get(ref.name);
    if (known === undefined) {
      known = genderIn(reading.body, ref.name);
      reading.genders.set(ref.name, known);
    }
    return known;
  };
  const lastGender = genderOf(last);
  if (lastGender === null || lastGender === wanted) return null;
  return reading.book.personBefore(position, (ref) => genderOf(ref) === wanted);
};

/** Who makes a statement, resolved against the article so far; the publisher when nobody is named. */
const resolveSpeaker = (reading: Reading, speaker: string | null, position: number, frameAt = position, sentence = ''): { source: SourceRef; vague: boolean } => {
  // "Our data team's estimate", "our correspondents": the publication speaking of its own people.
  if (speaker === null || /^our\s/i.test(speaker.trim())) return { source: reading.publisher, vague: false };
  const parsed = parseSpeaker(speaker);
  const source = placeNamedInstitution(reading.body, speaker, parsed) ?? genderedPerson(reading, speaker, position) ?? reading.book.resolve(parsed, position, frameAt) ?? UNNAMED_SOURCE;
  // "In a joint statement, the two governments said …": a later "the statement said" is theirs.
  if (reading.document?.sentence !== sentence) reading.document = { sentence, noun: SPOKE_IN_DOCUMENT.exec(sentence)?.[1]?.toLowerCase() };
  const document = reading.document.noun;
  if (source !== UNNAMED_SOURCE) reading.book.record(source, position, document ? [...nounsOf(parsed), document] : nounsOf(parsed));
  // "experts" that nothing in the article makes specific stay a vague source.
  const vague = parsed.reference.type === 'generic' && source.kind === SourceKind.UNKNOWN && source.name.toLowerCase() === parsed.name.toLowerCase();
  return { source, vague };
};

const UNNAMED_SPOKESPERSON = /^(?:a|an)\s+(?:spokesperson|spokesman|spokeswoman|representative)$/i;

/** "Acme Press is reviewing the papers, a spokesperson said": an unnamed spokesperson speaks for the named subject. */
const spokespersonFor = (statement: Statement, text: string): string | null => {
  if (statement.style !== 'speaker-after' || !UNNAMED_SPOKESPERSON.test(statement.speaker?.trim() ?? '')) return null;
  const subject = subjectOf(text.slice(statement.range.start));
  const parsed = subject && /^\p{Lu}/u.test(subject) ? parseSpeaker(subject) : null;
  return parsed && parsed.reference.type === 'named' && parsed.kind !== SourceKind.UNKNOWN ? subject : null;
};

/** The claim one clause makes (null when it is not worth checking), with the decision that says why. */
const claimOfClause = (
  reading: Reading,
  sentence: Sentence,
  statement: Statement,
  clause: Clause,
  index: number,
  sentenceGenre: SentenceGenre,
): { claim: ExtractedClaim | null; speaker: string | null; source: SourceRef; checkworthiness: number; features: FiredFeature[] } => {
  const said = clauseSpeaker(statement, clause, index, sentenceGenre.interviewAnswer);
  const speaker = said === statement.speaker ? (spokespersonFor(statement, sentence.text) ?? said) : said;
  // A frame after its statement ("…, the company said") may refer to what the statement names.
  const frameAt = FRAME_AFTER.has(statement.style) ? sentence.start + statement.range.end : sentence.start + clause.range.start;
  // A frame before its statement ("A spokesperson confirmed that X … and Y") is read where it stands, not at each clause.
  const at = FRAME_BEFORE.has(statement.style) ? sentence.start + Math.min(statement.range.start, clause.range.start) : sentence.start + clause.range.start;
  const { source, vague } = resolveSpeaker(reading, speaker, at, FRAME_BEFORE.has(statement.style) ? at : frameAt, sentence.text);
  const words = clauseText(sentence.text, clause.range, statement.cut);
  const denial = clause.role === 'denial' || statement.style === 'denial';
  // A denial's claim is what it denies; an affirmation's, the premise it affirms.
  const answered = denial || statement.style === 'affirmation';
  const denied = reading.lastText;
  const text = answered && denied ? denied : writeClaimText(words, {
    subject: clause.subject,
    resolvePronoun: (pronoun) => (pronoun === 'he' || pronoun === 'she' ? (reading.book.personBefore(sentence.start)?.name ?? null) : null),
  });
  reading.lastText = text;
  const { score: checkworthiness, fired: features } = judgeCheckworthiness({
    statement: clause.subject && !words.startsWith(clause.subject) ? `${clause.subject} ${words}` : words,
    // A whole-sentence statement is judged on what is said, not on how the speaker is described.
    speakerPhrase: statement.style === 'expression' ? statement.speaker : null,
    sentence: sentence.text,
    namedSource: speaker !== null && !vague && source !== UNNAMED_SOURCE,
    vagueSource: vague,
    denial,
    affirmation: statement.style === 'affirmation',
    genre: sentenceGenre,
  }, reading.weights);
  if (checkworthiness < reading.threshold) return { claim: null, speaker, source, checkworthiness, features };
  // A clause after "… and denied that" or "… and said" is read with its own verb.
  const cue = speaker === null ? null : clause.role === 'denial' ? (clause.cue ?? null) : (clause.cue ?? statement.cue);
  const stance = denial
    ? Stance.DENIES
    // The first clause is read with the words before it ("Our current estimate is …"); a later one alone.
    : sentenceGenre.interviewAnswer && forecastInAnswer(index === 0 ? sentence.text.slice(0, clause.range.end) : words)
      ? Stance.HEDGES
      : classifyStance({ statement: words, cue, attributed: speaker !== null, hedged: Boolean(statement.hedged) && speaker !== null });
  const claim = { text, start: sentence.start + clause.range.start, end: sentence.start + clause.range.end, source, stance, checkworthiness };
  return { claim, speaker, source, checkworthiness, features };
};

/**
 * Finds the checkable claims of an article body: splits it into sentences, finds who says each
 * statement (the publisher when nobody does), splits joined statements into clauses, scores them,
 * and keeps the worthy ones. Claims come sorted by position, never overlapping, each with one
 * canonical source per speaker. The trace records every sentence, statement and clause decision.
 */
export const traceExtraction = (body: string, options: ExtractOptions = {}): { claims: ExtractedClaim[]; trace: ExtractionTrace } => {
  // A timestamp or a section heading run into its paragraph is cut off it first.
  const split = splitFurniture(splitSentences(body));
  const interview = readInterview(split);
  // A speaker label ("Q: ", "Hallström: ") is cut off its sentence before anything reads it.
  const sentences = interview ? split.map((s, i) => withoutLabel(s, interview.turns.get(i))) : split;
  // Each sentence with statements is tokenised once: its attribution frames and the clause stage read the same tokens.
  const tokens: (readonly Token[] | undefined)[] = [];
  const tokensOf = (i: number): readonly Token[] => (tokens[i] ??= tokenize(sentences[i].text));
  const attributed = sentences.map((s, i) =>
    s.heading || interview?.turns.get(i)?.role === 'question' ? [] : attributeSentence(s.text, () => tokensOf(i)).flatMap((statement) => splitAfterSourceFrame(s.text, statement, tokensOf(i))),
  );
  attributeQuotations(sentences, attributed);
  attributeContinuations(sentences, attributed);
  if (interview) attributeInterview(interview, sentences, attributed);
  const answers = new Set([...(interview?.turns ?? [])].filter(([, turn]) => turn.role === 'answer').map(([i]) => i));
  const genre: ArticleGenre = readGenre(sentences, answers);
  // A signed column (a byline over first-person narration, or a bio line closing it) is its author's.
  const columnist = readColumnist(sentences, Boolean(interview) || Boolean(genre.sentences[0]?.liveBlog));
  const bioAt = columnist?.bioAt ?? null;
  const genreOf = (i: number): SentenceGenre => (bioAt !== null && i >= bioAt ? { ...genre.sentences[i], authorBio: true } : genre.sentences[i]);

  const reading: Reading = {
    body,
    genders: new Map(),
    book: new SourceBook(body, options.publisher ?? null),
    // A signed column's unattributed statements are its author's, not the publisher's.
    publisher: columnist?.author ?? publisherSource(options.publisher),
    threshold: options.threshold ?? CHECKWORTHINESS_THRESHOLD,
    weights: options.weights ?? null,
    lastText: '',
    document: null,
  };
  const claims: ExtractedClaim[] = [];
  const decisions: ClauseDecision[] = [];
  sentences.forEach((sentence, i) => {
    // What an answer rejects is the premise of its question.
    const premise = interview?.premises.get(i);
    if (premise !== undefined) reading.lastText = premise;
    // A sentence that opens in narration ("The company is urging …, and it said …") has a subject "it" may mean.
    if (!sentence.heading && attributed[i][0]?.style === 'narration' && attributed[i][0].range.start === 0) {
      // "Ukraine's navy disagreed." — a later "it said" may mean this subject.
      const subject = subjectOf(sentence.text);
      const issued = subject ? ISSUED_DOCUMENT.exec(sentence.text.slice(sentence.text.indexOf(subject) + subject.length))?.[1]?.toLowerCase() ?? null : null;
      if (subject) reading.book.subject(reading.book.resolve(parseSpeaker(subject), sentence.start) ?? UNNAMED_SOURCE, sentence.start, issued);
    }
    for (const statement of attributed[i]) {
      const range = withoutOpener(sentence.text, statement.range);
      // A frame cut out of the statement ("A, she argues, B; C") is never split around; what follows it may be.
      const clauses = splitClauses(sentence.text, range, statement.cut ? statement.cut.end : statement.frameEnd, statement.speaker !== null, tokensOf(i));
      clauses.forEach((clause, index) => {
        const withSubject = index === 0 && statement.subject && !clause.subject ? { ...clause, subject: statement.subject } : clause;
        const { claim, speaker, source, checkworthiness, features } = claimOfClause(reading, sentence, statement, withSubject, index, genreOf(i));
        if (claim) claims.push(claim);
        decisions.push({
          start: sentence.start + clause.range.start,
          end: sentence.start + clause.range.end,
          sentence: i,
          speaker,
          source,
          checkworthiness,
          threshold: reading.threshold,
          features,
          kept: claim !== null,
          stance: claim?.stance ?? null,
        });
      });
    }
  });
  const canonical = reading.book.canonicalise(claims.map((c) => c.source));
  const trace: ExtractionTrace = {
    sentences: sentences.map((sentence, i) => ({
      start: sentence.start,
      end: sentence.end,
      heading: sentence.heading,
      statements: attributed[i].map((s) => ({ start: sentence.start + s.range.start, end: sentence.start + s.range.end, speaker: s.speaker, style: s.style })),
    })),
    clauses: decisions.map((d) => (d.kept ? { ...d, source: canonical(d.source) } : d)),
  };
  return { claims: claims.map((c) => ({ ...c, source: canonical(c.source) })).sort((a, b) => a.start - b.start), trace };
};

/** The checkable claims of an article body, as `traceExtraction` finds them, without the trace. */
export const extractClaims = (body: string, options: ExtractOptions = {}): ExtractedClaim[] => traceExtraction(body, options).claims;
