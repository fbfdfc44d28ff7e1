import { ACTION_WORDS, CALL_TO_ACTION, DATE_WORDS, TITLES, VAGUE_PHRASES } from './lexicon';

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
  /** The speaker's own words at the start of the statement, whose names do not make it more checkable. */
  speakerPhrase?: string | null;
}

const DIGIT = /\d/;
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|twice|double|triple|first|second|third|fourth|fifth|last)\b/i;
const MONEY_OR_SHARE = /[$€£¥]\s?\d|\d\s?(?:%|percent|per cent)|\b(?:million|billion|trillion|dollars?|euros?|pounds?|yuan|yen|money|budget|fee|price|cost|costs)\b/i;
const YEAR = /\b(?:1[89]|20)\d{2}\b/;
const QUESTION = /\?\s*[”"’]?\s*$/;
const FIRST_PERSON_SINGULAR = /\b(?:I|I’m|I'm|me|my|mine)\b/;
// Judgements nobody can check: "the wrong bill", "encouraging", "a balanced approach".
const EVALUATIVE =
  /\b(?:wrong|right thing|easy|good|bad|better|worse|best|worst|great|terrible|awful|horrible|encouraging|discouraging|promising|disappointing|exciting|impressive|remarkable|unfortunate|fortunate|unfair|fair|simple|emphatic|balanced|complexity|responsible one|shame|shameful|unacceptable|ridiculous|outrageous|absurd|wonderful|fantastic|brilliant|excellent|perfect|sad|happy|proud|delighted|thrilled|pleased|beautiful|ugly|amazing|incredible|stunning|shocking|fascinating|interesting|game[- ]changer|breathtaking|unbelievable|nonsense|crazy|silly|smart|wise|foolish|brave|bold|tough|short window|long few|kinds? of numbers|a question for|in no mood|different tone|bright spot|silver lining|wake-up call|(?:different|familiar|cautionary|same old) (?:story|tale)|different picture|had enough|dedicated|devoted|hard-working|hardworking|hard to (?:take|bear|swallow|accept)|honest|decent|loyal|caring|generous|humble|talented|passionate)\b/i;
// Opinions about what ought to be, not statements of what is.
const NORMATIVE = /\b(?:should|ought|must|need(?:s|ed)? to be|needs to|deserves?|have to be)\b/i;
// How people looked or felt, and what the scene was like: colour, not claims.
const SCENE =
  /\b(?:smiled|smiling|laughed|laughing|shrugged|sighed|nodded|wept|cheered|chanted|waved|sang|danced|clapped|hugged|cried|waited|waiting|lined up|gathered|huddled|stood|sat|strolled|glimpse|in the rain|into the evening|watched|onlookers|spectators|eerily|deserted|by surprise|late into|holding (?:handwritten |hand-made )?signs|struck a|was in no|were in no|tone|mood|atmosphere|crowd of|a handful of)\b/i;
// Everyone and no one are not anyone in particular.
const UNIVERSAL_SUBJECT = /^(?:nobody|no one|everyone|everybody|anyone|anybody|people|someone|not (?:everyone|everybody|all))\b/i;
// "…can call the customer service line or visit the website": service information, not a claim.
const SERVICE_INFORMATION = /\bcan\s+(?:call|visit|register|sign up|apply|contact|email|write to|find|learn|reach|download|subscribe|follow|read)\b/i;
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
// "called the findings “plausible and worrying”": a quoted label is a judgement, not a fact.
const QUOTED_LABEL = /\b(?:called|calling|described|branded|labell?ed)\s+(?:the|this|that|it|its|their|his|her|a|an)\b[^“"”]{0,40}[“"][^”"]{1,40}[”"]?\s*$/;
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
  /\b(?:greet(?:ed|s|ing)\s+(?:[\p{L}’'-]+\s+){1,4}?with|(?:was|were|is|are|has been|have been)\s+met\s+with|(?:little|no|small|cold)\s+comfort)\b/iu;
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
// "This is about fairness", "the money is not enough": framing and sufficiency are judgements.
const FRAMING = /^(?:it|this|that)(?:[’']s|\s+is|\s+was)\s+(?:not\s+|all\s+|really\s+)?about\b|\b(?:not|never) (?:enough|sufficient)[.”"]?\s*$/i;
// "a difficult day for investors": a mood, not a fact.
const EVALUATED_TIME = /\b(?:difficult|tough|rough|good|bad|great|long|busy|big|historic|dark|sad|grim|bleak|strange|remarkable) (?:day|week|month|year|night|time|moment|few (?:days|weeks|months))\b/i;

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

/**
 * How worth checking a statement is, 0..1. A declarative statement starts near the threshold; numbers,
 * money, dates, named actors, events and policy actions raise it; questions, calls to action, musing,
 * judgements, scene-setting and opinions about what ought to be lower it.
 */
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

export const scoreCheckworthiness = ({ statement, sentence, namedSource, vagueSource, denial = false, speakerPhrase = null }: CheckworthinessInput): number => {
  const words = statement.split(/\s+/).filter(Boolean);
  // A full quotation, not a reported statement with a quoted phrase in it ("said the product “is safe”").
  const traits = sentenceTraits(sentence);
  const quoted = traits.quoted || /^[“"]/.test(statement.trim());
  let score = 0.45;
  if (DIGIT.test(statement)) score += 0.2;
  else if (NUMBER_WORD.test(statement)) score += 0.1;
  if (MONEY_OR_SHARE.test(statement)) score += 0.1;
  if (YEAR.test(statement) || words.some((w) => DATE_WORDS.has(w.toLowerCase().replace(/[,.]$/, '')) && /^\p{Lu}/u.test(w))) score += 0.05;
  const names = namesIn(speakerPhrase && statement.startsWith(speakerPhrase) ? statement.slice(speakerPhrase.length) : statement);
  score += Math.min(0.15, names * 0.05);
  score += Math.min(0.15, actionWords(statement) * 0.05);
  if (namedSource || vagueSource) score += 0.05;
  if (words.length < 4) score -= 0.3;
  else if (words.length < 6 && names === 0 && !DIGIT.test(statement)) score -= 0.05;
  if (traits.question && QUESTION.test(statement)) score -= 0.6;
  if (traits.callToAction || SERVICE_INFORMATION.test(statement) || PASSIVE_APPEAL.test(statement) || APPEAL.test(statement) || ADVICE.test(statement)) score -= 0.4;
  if (VAGUE_PHRASES.some((re) => re.test(statement)) || PROMISES.test(statement)) score -= 0.45;
  // A refusal to answer says nothing, however many numbers the question had.
  if (NO_COMMENT.test(statement)) score -= 0.6;
  if (DEFERRAL.test(statement) || OPEN_QUESTION.test(statement) || EVASION.test(statement) || ASKED.test(statement) || SYMPATHY.test(statement)) score -= 0.45;
  if (EVALUATIVE.test(statement) || EVALUATED_TIME.test(statement) || QUOTED_LABEL.test(statement)) score -= 0.25;
  if (NORMATIVE.test(statement)) score -= 0.25;
  if (SCENE.test(statement) || SCENE_TIME.test(statement)) score -= 0.25;
  // Every clause of a vignette is scenery: "…, with handwritten signs taped to the shelves".
  if (!namedSource && (SCENE_OPENER.test(statement) || traits.sceneOpener)) score -= 0.5;
  if (REACTION.test(statement) || MOOD_RESPONSE.test(statement) || BOILERPLATE.test(statement) || FRAMING.test(statement)) score -= 0.25;
  if (PUSHBACK.test(statement)) score -= 0.15;
  // "The mayor was blunter.": a reaction that is the whole statement says nothing else.
  if (REACTION_ONLY.test(statement)) score -= 0.2;
  if (UNVERIFIED.test(statement)) score -= 0.45;
  if (COLLECTIVE_PROMISE.test(statement)) score -= 0.25;
  if (GENERIC_YOU.test(statement)) score -= 0.2;
  if (UNIVERSAL_SUBJECT.test(statement)) score -= 0.2;
  if (FIRST_PERSON_SINGULAR.test(statement)) score -= 0.2;
  // A quotation with nothing to pin it down (no number, no name) is usually colour.
  if (quoted && !DIGIT.test(statement) && !NUMBER_WORD.test(statement) && names === 0 && actionWords(statement) === 0) score -= 0.1;
  if (denial) score = Math.max(score, 0.6);
  return Math.round(clamp(score) * 100) / 100;
};
