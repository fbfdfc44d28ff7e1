import { GENRE_FEATURES, PLAIN_SENTENCE, type SentenceGenre } from './genre';
import { ACTION_WORDS, CALL_TO_ACTION, DATE_WORDS, FIGURATIVE_PHRASES, TITLES, VAGUE_PHRASES } from './lexicon';

/** What a statement's check-worthiness is judged from. */
export interface CheckworthinessInput {
  /** The statement without its attribution frame. */
  statement: string;
  /** The whole sentence it stands in. */
  sentence: string;
  /** Whether someone other than the publisher makes it (a name, an organisation, "experts"). */
  namedSource: boolean;
  /** Whether the source is vague ("experts", "observers"). */
  vagueSource: boolean;
  /** Whether the statement is someone's denial of another claim ("The department rejected that claim"). */
  denial?: boolean;
  /** An interview answer affirming the premise put to the interviewee: raised to the denial floor too. */
  affirmation?: boolean;
  /** The speaker's own words at the start of the statement, whose names do not make it more checkable. */
  speakerPhrase?: string | null;
  /** What the article's genre says about the sentence (a live blog, a release's disclaimer, an answer). */
  genre?: SentenceGenre;
}

const DIGIT = /\d/;
// "one" is left out: "one of the cheapest ways", "only in one direction", "not one day less" count nothing.
const NUMBER_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|twice|double|triple|first|second|third|fourth|fifth|last)\b/i;
const MONEY_OR_SHARE = /[$€£¥]\s?\d|\d\s?(?:%|percent|per cent)|\b(?:million|billion|trillion|dollars?|euros?|pounds?|yuan|yen|money|budget|fee|price|cost|costs)\b/i;
const YEAR = /\b(?:1[89]|20)\d{2}\b/;
const QUESTION = /\?\s*[”"’]?\s*$/;
const FIRST_PERSON_SINGULAR = /\b(?:I|I’m|I'm|me|my|mine)\b/;
// Judgements nobody can check: "the wrong bill", "encouraging", "a balanced approach". ("sampled the wrong
// depths", "took a wrong turn" and "did better" say what happened.)
// ("the worst recorded this year", "the best since 2009": a measured record, not a judgement.)
const EVALUATIVE =
  /\b(?:(?<!\b(?!(?:is|are|was|were|be|been)\b)[a-z]+\s+(?:the|a)\s)wrong|right thing|easy|good|bad|(?<!\bdid\s)better(?! off)|(?<!\bdid\s)worse(?! off)|(?:best|worst)(?!\s+(?:[a-z-]+\s+)?(?:on record|recorded|since|in (?:\d+|[a-z]+) years))|great|terrible|awful|horrible|encouraging|discouraging|promising|disappointing|exciting|impressive|remarkable|unfortunate|fortunate|unfair|fair|simple|emphatic|balanced|complexity|responsible one|shame|shameful|unacceptable|ridiculous|outrageous|absurd|wonderful|fantastic|brilliant|excellent|perfect|sad|happy|proud|delighted|thrilled|pleased|beautiful|ugly|amazing|incredible|stunning|shocking|fascinating|interesting|game[- ]changer|breathtaking|unbelievable|nonsense|crazy|silly|smart|wise|foolish|brave|bold|tough|short window|long few|kinds? of numbers|a question for|in no mood|different tone|bright spot|silver lining|wake-up call|(?:different|familiar|cautionary|same old) (?:story|tale)|different picture|had enough|dedicated|devoted|hard-working|hardworking|hard to (?:take|bear|swallow|accept)|honest|decent|loyal|caring|generous|humble|talented|passionate)\b/i;
// Opinions about what ought to be, not statements of what is.
const NORMATIVE = /\b(?:should|ought|must|need(?:s|ed)? to be|needs to|deserves?|have to be)\b/i;
// "the council should stop promising dates, publish the register, and put the bus network first": a verb
// phrase split off a list still stands under the "should" before it.
const MODAL_BEFORE = /\b(?:should|must|ought to|needs? to)\b/i;
const BARE_VERB_START = /^(?!(?:the|a|an|it|he|she|they|we|i|you|its|his|her|their|our|this|that|these|those|there|which|who|what|where|when|some|many|most|all|no|not|one|two|every|each|both|if|but|and|or|as|in|on|at|for|to|by|with|from|under|after|before|while|only|also|then|so|still|more|less|about|nearly|around|up)\b)\p{Ll}+(?<!s|ed|ing)\s/u;
// How people looked or felt, and what the scene was like: colour, not claims.
const SCENE =
  /\b(?:smiled|smiling|laughed|laughing|shrugged|sighed|nodded|wept|cheered|chanted|waved|sang|danced|clapped|hugged|cried|waited|waiting(?!\s+(?:lists?|times?|rooms?|periods?))|lined up|gathered|huddled|stood|sat|strolled|glimpse|in the rain|into the evening|watched|onlookers|spectators|eerily|deserted|by surprise|late into|holding (?:handwritten |hand-made )?signs|struck a|was in no|were in no|tone|mood|atmosphere|crowd of|a handful of|can be (?:seen|heard|smelled|smelt))\b/i;
// Everyone and no one are not anyone in particular.
// "No one was injured" counts casualties: a fact, not a generality.
const UNIVERSAL_SUBJECT = /^(?:nobody|no one|everyone|everybody|anyone|anybody|people|someone|not (?:everyone|everybody|all))\b(?!\s+(?:was|were|has been|had been)\s+(?:\p{Ll}+ly\s+)?(?:injured|killed|hurt|harmed|hospitali[sz]ed|evacuated|arrested|charged|rescued|missing)\b)/iu;
// "…can call the customer service line or visit the website": service information, not a claim.
const SERVICE_INFORMATION = /\bcan\s+(?:call|visit|register|sign up|apply|contact|email|write to|find|learn|reach|download|subscribe|follow|read)\b/i;
// "…, 22 Marrow Street, is open Tuesday to Saturday from 9 a.m.": opening hours are service information too.
const OPENING_HOURS = /\b(?:is|are) open (?:daily|every day|(?:from )?\p{Lu}\p{Ll}+days? (?:to|through|until)|from \d)/u;
// "A reminder if you live nearby: keep windows closed", "If you have asthma, keep your inhaler with you": an
// instruction after a colon or after the reader's own "if you …," is advice, however it opens.
const INSTRUCTION_AFTER =
  /(?::|^(?:and |but )?if you [^,]+,)\s+(?:please\s+)?(?:keep|stay|avoid|close|shut|switch|bring|don[’']t|do not|call|check|make sure|turn|tell|write|contact|visit|go)\b/i;
// "If you care about it, now is the time to say so": the reader urged to act now.
const NOW_IS_THE_TIME = /\bnow is the time\b|\bthe time (?:has come|is now) to\b/i;
// Saying nothing is not a claim: "declined to comment", "did not respond to a request for comment".
const NO_COMMENT = /\b(?:declined to comment|declined to (?:be interviewed|elaborate|say more)|(?:declined|refused|would not|wouldn't) (?:to )?(?:say|disclose|confirm|specify|reveal|discuss) (?:whether|how|when|why|who|what|if)\b|did not (?:immediately )?(?:respond|reply) to (?:a |multiple )?requests?|could not (?:immediately )?be reached|did not return (?:calls|messages|a request)|(?:declined|refused) to (?:say|comment|elaborate|speculate)(?=\s*[.,;]|\s*$))/i;
// Deferring an answer is not a claim: "it was too early to say", "that question would have to wait".
const DEFERRAL = /\btoo (?:early|soon) to (?:say|tell|know|judge|predict|recommend|comment|speculate)\b|\bquestion (?:would|will|must|can) (?:have to )?wait\b/i;
// "How the money vanished remains unclear": an open question, not an answer.
const OPEN_QUESTION =
  /^(?:how|why|whether|what|when|where|who)\b[^.]*\b(?:remains?|is|was)\s+(?:still\s+)?(?:unclear|unknown|uncertain|a mystery|(?:far from|not yet|yet to be)\s+(?:clear|known|settled|decided|certain|resolved)|(?:another|a different|an open|a separate|a) (?:question|matter|story))\b/i;
// "Asked whether the union gave up too much, she said: “No.”": the question put to someone, not an answer.
const ASKED = /^asked\s+(?:whether|if|about|what|how|why|when|who)\b/i;
// "she said only that …": an answer that avoids the question.
const EVASION = /^only\s+that\b/i;
// "called the findings “plausible and worrying”", "an increase she called “a slow eviction”": a quoted label is a judgement, not a fact.
const QUOTED_LABEL = /\b(?:called|calling|described|branded|labell?ed)\s+(?:(?:the|this|that|it|its|their|his|her|a|an)\b[^“"”]{0,40})?[“"][^”"]{1,40}[”"]?\s*$/;
// "Our thoughts are with the families": sympathy is decent, not checkable.
const SYMPATHY =
  /\b(?:thoughts|prayers|hearts|sympathies|condolences)\s+(?:are|remain|go|goes|went|were)\s+(?:out\s+)?(?:with|to)\b|\b(?:extend|extends|extended|offer|offers|offered|send|sends|sent)\s+(?:our|their|his|her|its)\s+(?:deepest\s+|sincere\s+|heartfelt\s+)?(?:condolences|sympathies|sympathy|thoughts|prayers)\b/i;
// "Residents are asked to call the hotline": an instruction in the passive is still a call to action.
const PASSIVE_APPEAL = /\b(?:is|are)\s+(?:being\s+|also\s+)?(?:asked|urged|advised|encouraged|told|reminded|requested)\s+to\s+\p{Ll}+/u;
// "urged families to check their records": an appeal to act is advice, not a statement of fact.
const APPEAL = /^(?:[\p{L}’'.-]+\s+){1,5}?(?:is\s+|are\s+|has\s+|have\s+)?(?:urged|urges|urging|encouraged|encourages|encouraging|advised|advises|advising|called on|calls on|calling on|asked|asks|asking|reminded|reminds|reminding)\s+(?:everyone|everybody|all|families|parents|people|residents|users|customers|consumers|members|the public|drivers|travell?ers|patients|voters|fans|shoppers|viewers|readers|anyone)\b(?:\s+[\p{L}-]+){0,3}?\s+to\s+\p{Ll}+/u;
// "urged both sides to return", "advised passengers to travel only if …": whoever is told to act, it is advice.
const ADVICE = /^(?:[\p{L}’'.-]+\s+){1,5}?(?:is\s+|are\s+|has\s+|have\s+)?(?:urged|urges|urging|advised|advises|advising|encouraged|encourages|called on|calls on|reminded|reminds|wants|wanted)\s+(?:[\p{L}’'-]+\s+){1,3}?to\s+\p{Ll}+/u;
const PROMISES = /\b(?:promises to be|is set to be a|remains? to be seen|it is unclear|it remains unclear|willing to (?:guess|predict|bet|say)|anyone[’']s guess)\b/i;
// "Analysts were divided", "the mayor was blunter", "she sounded weary": how people reacted, not what happened.
const REACTION =
  /\b(?:am|is|are|was|were|been|sounded|sounds|seemed|seems|looked|looks|felt|feels|remained|remains|grew)\s+[“"]?(?:(?:not|so|very|deeply|clearly|visibly|less|more|far|even|sharply|bitterly|evenly|also|still|particularly|equally)\s+)*(?:surprised|unsurprised|divided|split|blunt|blunter|weary|tired|disappointed|frustrated|angry|furious|upset|relieved|saddened|devastated|heartbroken|shocked|stunned|dismayed|skeptical|sceptical|unconvinced|unimpressed|optimistic|pessimistic|upbeat|downbeat|hopeful|emotional|defiant|candid|grateful|thankful|nervous|anxious)\b/i;
// "greeted the news with relief", "was met with scepticism": a mood in answer to news, not a fact.
const MOOD_RESPONSE =
  /\b(?:greet(?:ed|s|ing)\s+(?:[\p{L}’'-]+\s+){1,4}?with|(?:was|were|is|are|has been|have been)\s+met\s+with|(?:little|no|small|cold)\s+comfort|(?:no|few) regrets)\b/iu;
// "Fishermen pushed back", "welcomed the ruling": a stance taken, which only its reasons make checkable.
const PUSHBACK = /\b(?:push(?:ed|es|ing)?\s+back|welcom(?:ed|es|ing)\s+(?:the|this|that|it|its))\b/i;
const REACTION_ONLY = new RegExp(`${REACTION.source}[”"’]?[.!]?\\s*$`, 'i');
// "We will earn this back": a promise in the first person plural is rhetoric, not a checkable plan.
const COLLECTIVE_PROMISE = /\b(?:we will|we[’']ll|we are going to|we[’']re going to|we must|we need to|let[’']s|let us)\b/i;
// "Now you're lucky to hear one": the generic "you" of a quote speaks of everyone and no one.
const GENERIC_YOU = /\b(?:you|you[’']re|you[’']d|you[’']ll|your)\b/i;
// "The claim could not be independently verified": the reporter saying what they could not check.
const UNVERIFIED = /\bcould not (?:be )?(?:independently )?(?:be )?(?:verified|confirmed)\b|\b(?:was|is) not (?:immediately )?clear\b/i;
// "Our highest priority", "raised serious questions": boilerplate that asserts nothing checkable.
const BOILERPLATE = /\b(?:top|highest|first|number[- ]one|main) priority\b|\bserious (?:questions|concerns)\b/i;
// "At a supermarket in Dayton, …", "On Elm Street, …": the reporter's vignette of an everyday place opens a scene, not a claim.
const SCENE_OPENER =
  /^(?:at|on|in|outside|inside|along|near)\s+(?:(?:a|an|the|one)\s+|\p{Lu}[\p{L}’'-]*\s+)(?:[\p{L}’'-]+\s+){0,2}?(?:supermarket|grocery|bakery|pharmacy|store|shop|mall|market|airport|terminal|station|bus stop|street|road|avenue|lane|square|park|beach|harbou?r|caf[eé]|diner|restaurant|pub|bar|kitchen|farmhouse|corner)\b[^,]{0,60},/iu;
// "on a grey morning": weather and time of day set a scene.
const SCENE_TIME = /\bon an? (?:[\p{L}-]+\s+)?(?:morning|afternoon|evening|night|day)\b/iu;
// "For now, households are stocking up on candles", "For residents, the night was long": how it was for people, a closing scene.
const FOR_WHOM = /^for (?:now|the moment|the time being|residents|many|most|some|the (?:thousands|hundreds|millions|rest|residents))\b[^,]*,/i;
// "This is about fairness", "the money is not enough": framing and sufficiency are judgements.
const FRAMING = /^(?:it|this|that)(?:[’']s|\s+is|\s+was)\s+(?:not\s+|all\s+|really\s+)?about\b|\b(?:not|never) (?:enough|sufficient)[.”"]?\s*$/i;
// "a difficult day for investors": a mood, not a fact.
// "But most of it is not", "it might be", "the pipes are telling us so", "Where the law requires it, yes": a
// clause that stops at its auxiliary, ends in "so" standing for what was said before, or in a bare "yes" or
// "no", leans on the sentence before it.
const ELLIPSIS =
  /,\s*(?:yes|no)[”"’]?\s*[.!]?$|\b(?:is|are|was|were|be|been|do|does|did|has|have|had|can|could|will|would|might|may|should|must|seems? to)(?:\s+not|n[’']t)?[”"’]?\s*[.!?]?$|\b(?:say|says|said|saying|tell|tells|told|telling|think|thinks|thought|do|does|did|doing)\s+(?:\p{Ll}+\s+)?so[”"’]?\s*[.!?]?$/u;
// "Orlen-Varga has issued a statement.", "agreed to answer questions from the Post": a sentence that only
// announces what follows it.
const LEAD_IN =
  /\b(?:issued|released|put out|published) (?:a|an) (?:short |brief |written |joint )?statement[.:]?$|\bagreed to (?:answer (?:questions|readers)|speak|talk|an interview|be interviewed|sit down)\b/i;
// "A tenant, who asked not to be named": how a source is kept anonymous is not a claim about anything.
const ANONYMITY = /\b(?:asked not to be (?:named|identified)|(?:spoke|speaking) on (?:the )?condition (?:of|that)|gave only (?:his|her|their) first name)\b/i;
const EVALUATED_TIME = /\b(?:difficult|tough|rough|good|bad|great|long|busy|big|historic|dark|sad|grim|bleak|strange|remarkable) (?:day|week|month|year|night|time|moment|few (?:days|weeks|months))\b/i;

// "The bridge …", "These objects …", "Many of the faults …": a statement about a definite thing; "a design
// choice, not a calibration error": one that corrects another.
const DEFINITE_OPENING = /^[“"‘]?(?:(?:many|most|some|all|none|several|each|one|both) of (?:the|these|those|its|their|our)\s|the\s|these\s|those\s)|,\s+not\s+(?:a|an|the|from|in|on|for|by|to|with)\b/i;

// "What I would say is that …", "The honest answer is that …": the speaker's own way into a statement, whose
// "I" and "honest" say nothing about what follows.
const ANSWER_FRAME =
  /^(?:what (?:i|we) (?:would|can|will|could|'d|’d)\s+(?:say|tell you|add)|the (?:honest|short|simple|real|truthful|long|true) answer|the (?:truth|fact|reality)(?: of the matter)?)\s+is,?\s+(?:that\s+)?/i;

const clamp = (value: number): number => Math.max(0, Math.min(1, value));

// Capitalised only because they open the statement.
const COMMON_OPENER = /^(?:the|a|an|this|that|these|those|it|its|he|she|they|we|i|in|on|at|for|as|if|but|and|both|any|some|many|most|all|no|one|there|here|what|when|while|after|before|under|among|about|nobody|everyone|everybody|someone|somebody|anyone|anybody|patients|people|not|now|every|today[’']s|then|so|yet|still|even)$/i;

/** Capitalised words (the first too, unless it is a common opener): the named people, places and organisations. */
const namesIn = (text: string): number => {
  const words = text.split(/\s+/).map((w) => w.replace(/^[“"‘(]+/, ''));
  const capitalised = words.filter((w, i) => /^\p{Lu}/u.test(w) && !/^I\b/.test(w) && (i > 0 || !COMMON_OPENER.test(w.replace(/[^\p{L}]+$/u, '')))).length;
  // "The governor has not…", "The judge ruled…": a definite office names an actor as a name does.
  const office = /^the\s+(\p{Ll}+)\b/iu.exec(text.replace(/^[“"‘(]+/, ''))?.[1]?.toLowerCase() ?? '';
  return capitalised + (TITLES.has(office) ? 1 : 0);
};

const actionWords = (text: string): number =>
  text
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((w) => ACTION_WORDS.has(w)).length;

/** What a sentence says about every clause in it. */
interface SentenceTraits {
  quoted: boolean;
  question: boolean;
  callToAction: boolean;
  sceneOpener: boolean;
}

// The clauses of one sentence are scored one after another: its traits are read once, not once per clause.
let lastSentence: string | null = null;
let lastTraits: SentenceTraits | null = null;

const sentenceTraits = (sentence: string): SentenceTraits => {
  if (lastTraits && lastSentence === sentence) return lastTraits;
  lastTraits = {
    quoted: /^[“"]|[”"]$/.test(sentence.trim().replace(/[.!?]+$/, '')),
    question: QUESTION.test(sentence),
    callToAction: CALL_TO_ACTION.test(sentence.replace(/^[“"‘\s]+/, '')),
    sceneOpener: SCENE_OPENER.test(sentence),
  };
  lastSentence = sentence;
  return lastTraits;
};

/** What the features read, worked out once per statement. */
export interface StatementFacts {
  statement: string;
  words: string[];
  /** Named people, places, organisations and definite offices, the speaker's own name left out. */
  names: number;
  /** Words of events and policy actions. */
  actions: number;
  digit: boolean;
  /** A full quotation, not a reported statement with a quoted phrase in it ("said the product “is safe”"). */
  quoted: boolean;
  traits: SentenceTraits;
  namedSource: boolean;
  vagueSource: boolean;
  genre: SentenceGenre;
  /** A verb phrase split off a list under a modal earlier in its sentence ("should stop …, and put …"). */
  underModal: boolean;
}

/** Which text a feature reads: the statement's words, the sentence around it, who makes it, or the article's genre. */
export type FeatureScope = 'statement' | 'sentence' | 'source' | 'document';

/**
 * One signal of check-worthiness. A pattern is a list of expressions (it fires, once, when any matches
 * the statement) or a measure of the statement's facts (how many names; 0 when it does not fire).
 * Its weight is added to the score once per firing.
 */
export interface CheckworthinessFeature {
  id: string;
  pattern: readonly RegExp[] | ((facts: StatementFacts) => number);
  scope: FeatureScope;
  weight: number;
}

/** A feature that fired on a statement: how many times (a count, or 1) and what it added to the score. */
export interface FiredFeature {
  id: string;
  value: number;
  weight: number;
}

/** Weights to score with instead of the table's own: fitted ones, to be measured before they replace them. */
export interface CheckworthinessWeights {
  base: number;
  /** By feature id; a feature left out keeps its table weight. */
  weights: Readonly<Record<string, number>>;
}

/** A statement's score, 0..1, and the features that made it ("denial-floor" when a denial was raised to the floor). */
export interface CheckworthinessJudgement {
  score: number;
  fired: FiredFeature[];
}

/** Where a declarative statement starts: near the threshold, for the features to decide. */
export const BASE_SCORE = 0.45;

/** A denial is worth checking however it is worded: someone disputes a claim. */
export const DENIAL_FLOOR = 0.6;

const when = (condition: boolean): number => (condition ? 1 : 0);

/**
 * The features, in the order they are added. Numbers, money, dates, named actors, events and policy
 * actions raise the score; questions, calls to action, musing, judgements, scene-setting and opinions
 * about what ought to be lower it.
 */
export const CHECKWORTHINESS_FEATURES: readonly CheckworthinessFeature[] = [
  { id: 'digit', pattern: [DIGIT], scope: 'statement', weight: 0.2 },
  { id: 'number-word', pattern: (f) => when(!f.digit && NUMBER_WORD.test(f.statement)), scope: 'statement', weight: 0.1 },
  { id: 'money-or-share', pattern: [MONEY_OR_SHARE], scope: 'statement', weight: 0.1 },
  {
    id: 'date',
    pattern: (f) => when(YEAR.test(f.statement) || f.words.some((w) => DATE_WORDS.has(w.toLowerCase().replace(/[,.]$/, '')) && /^\p{Lu}/u.test(w))),
    scope: 'statement',
    weight: 0.05,
  },
  // Counted up to three: a list of names is no more checkable than three of them.
  { id: 'names', pattern: (f) => Math.min(3, f.names), scope: 'statement', weight: 0.05 },
  { id: 'action-words', pattern: (f) => Math.min(3, f.actions), scope: 'statement', weight: 0.05 },
  { id: 'attributed', pattern: (f) => when(f.namedSource || f.vagueSource), scope: 'source', weight: 0.05 },
  { id: 'very-short', pattern: (f) => when(f.words.length < 4), scope: 'statement', weight: -0.3 },
  { id: 'short-without-names', pattern: (f) => when(f.words.length >= 4 && f.words.length < 6 && f.names === 0 && !f.digit), scope: 'statement', weight: -0.05 },
  { id: 'question', pattern: (f) => when(f.traits.question && QUESTION.test(f.statement)), scope: 'sentence', weight: -0.6 },
  {
    id: 'call-to-action',
    pattern: (f) =>
      when(f.traits.callToAction || [SERVICE_INFORMATION, OPENING_HOURS, INSTRUCTION_AFTER, NOW_IS_THE_TIME, PASSIVE_APPEAL, APPEAL, ADVICE].some((re) => re.test(f.statement))),
    scope: 'sentence',
    weight: -0.4,
  },
  { id: 'musing', pattern: [...VAGUE_PHRASES, PROMISES], scope: 'statement', weight: -0.45 },
  // A refusal to answer says nothing, however many numbers the question had.
  { id: 'no-comment', pattern: [NO_COMMENT], scope: 'statement', weight: -0.6 },
  { id: 'non-answer', pattern: [DEFERRAL, OPEN_QUESTION, EVASION, ASKED, SYMPATHY], scope: 'statement', weight: -0.45 },
  { id: 'judgement', pattern: [EVALUATIVE, EVALUATED_TIME, QUOTED_LABEL], scope: 'statement', weight: -0.25 },
  { id: 'normative', pattern: (f) => when(NORMATIVE.test(f.statement) || f.underModal), scope: 'sentence', weight: -0.25 },
  { id: 'figurative', pattern: FIGURATIVE_PHRASES, scope: 'statement', weight: -0.25 },
  { id: 'scene', pattern: [SCENE, SCENE_TIME, FOR_WHOM], scope: 'statement', weight: -0.25 },
  // Every clause of a vignette is scenery: "…, with handwritten signs taped to the shelves".
  { id: 'scene-opener', pattern: (f) => when(!f.namedSource && (SCENE_OPENER.test(f.statement) || f.traits.sceneOpener)), scope: 'sentence', weight: -0.5 },
  { id: 'reaction', pattern: [REACTION, MOOD_RESPONSE, BOILERPLATE, FRAMING], scope: 'statement', weight: -0.25 },
  { id: 'pushback', pattern: [PUSHBACK], scope: 'statement', weight: -0.15 },
  // "The mayor was blunter.": a reaction that is the whole statement says nothing else.
  { id: 'reaction-only', pattern: [REACTION_ONLY], scope: 'statement', weight: -0.2 },
  { id: 'unverified', pattern: [UNVERIFIED], scope: 'statement', weight: -0.45 },
  { id: 'ellipsis', pattern: [ELLIPSIS], scope: 'statement', weight: -0.3 },
  { id: 'lead-in', pattern: [LEAD_IN], scope: 'statement', weight: -0.4 },
  { id: 'anonymity', pattern: [ANONYMITY], scope: 'statement', weight: -0.4 },
  { id: 'collective-promise', pattern: [COLLECTIVE_PROMISE], scope: 'statement', weight: -0.25 },
  { id: 'generic-you', pattern: [GENERIC_YOU], scope: 'statement', weight: -0.2 },
  { id: 'universal-subject', pattern: [UNIVERSAL_SUBJECT], scope: 'statement', weight: -0.2 },
  { id: 'first-person', pattern: [FIRST_PERSON_SINGULAR], scope: 'statement', weight: -0.2 },
  // A quotation with nothing to pin it down (no number, no name) is usually colour; one about a definite
  // thing ("The bridge is safe for cars", "These objects were taken by force") is a claim about it.
  {
    id: 'bare-quote',
    pattern: (f) => when(f.quoted && !f.digit && !NUMBER_WORD.test(f.statement) && f.names === 0 && f.actions === 0 && !DEFINITE_OPENING.test(f.statement)),
    scope: 'sentence',
    weight: -0.1,
  },
  ...GENRE_FEATURES,
];

/** How many times a feature fires on a statement: 0 or 1 for an expression, the measure for a count. */
export const featureValue = (feature: CheckworthinessFeature, facts: StatementFacts): number =>
  typeof feature.pattern === 'function' ? feature.pattern(facts) : when(feature.pattern.some((re) => re.test(facts.statement)));

/** The facts the features read from a statement, its sentence and its source. */
export const statementFacts = ({ statement: said, sentence, namedSource, vagueSource, speakerPhrase = null, genre = PLAIN_SENTENCE }: CheckworthinessInput): StatementFacts => {
  const traits = sentenceTraits(sentence);
  const statement = said.replace(ANSWER_FRAME, '');
  return {
    statement,
    words: statement.split(/\s+/).filter(Boolean),
    names: namesIn(speakerPhrase && statement.startsWith(speakerPhrase) ? statement.slice(speakerPhrase.length) : statement),
    actions: actionWords(statement),
    digit: DIGIT.test(statement),
    quoted: traits.quoted || /^[“"]/.test(statement.trim()),
    traits,
    namedSource,
    vagueSource,
    genre,
    underModal: BARE_VERB_START.test(statement) && MODAL_BEFORE.test(sentence.slice(0, Math.max(0, sentence.indexOf(statement)))),
  };
};

/**
 * How worth checking a statement is, 0..1 (the base score plus the weights of the features that fired,
 * clamped), with the features that fired; a denial is raised to the denial floor.
 */
export const judgeCheckworthiness = (input: CheckworthinessInput, weights: CheckworthinessWeights | null = null): CheckworthinessJudgement => {
  const facts = statementFacts(input);
  let score = weights?.base ?? BASE_SCORE;
  const fired: FiredFeature[] = [];
  for (const feature of CHECKWORTHINESS_FEATURES) {
    const value = featureValue(feature, facts);
    if (value === 0) continue;
    const weight = (weights?.weights[feature.id] ?? feature.weight) * value;
    score += weight;
    fired.push({ id: feature.id, value, weight });
  }
  if ((input.denial || input.affirmation) && score < DENIAL_FLOOR) {
    fired.push({ id: input.denial ? 'denial-floor' : 'affirmation-floor', value: 1, weight: DENIAL_FLOOR - score });
    score = DENIAL_FLOOR;
  }
  return { score: Math.round(clamp(score) * 100) / 100, fired };
};
