import type { CheckworthinessFeature, StatementFacts } from './checkworthiness';
import { forecastInAnswer, INTERVIEW_NOTE } from './interview';
import type { Sentence } from './segment';

/**
 * Genre signals: what kind of article a sentence stands in (a live blog, a press release, a guest
 * column, an interview answer) and which part of it (a press release's disclaimer, its "About" section),
 * read once per article; and the check-worthiness features that read them. Most sentences of these
 * genres are not claims: a live blog's timestamps and update promises, a release's boilerplate, a
 * profile's scenery and family anecdotes, a column's value judgements.
 */

/** The part of an article a sentence stands in, named by the heading above it. */
export type Section = 'about' | 'disclaimer' | 'logistics' | 'contact' | null;

/** What the genre of its article says about one sentence. */
export interface SentenceGenre {
  liveBlog: boolean;
  pressRelease: boolean;
  /** Part of an interviewee's answer. */
  interviewAnswer: boolean;
  /** The bio line closing a signed column, and what follows it (`columnist.ts` finds it): never a claim. */
  authorBio: boolean;
  section: Section;
  /** A feature profile: scenery, gestures and private anecdotes recur through it. */
  profile: boolean;
}

export const PLAIN_SENTENCE: SentenceGenre = { liveBlog: false, pressRelease: false, interviewAnswer: false, authorBio: false, section: null, profile: false };

/** The genre of a whole article, per sentence. */
export interface ArticleGenre {
  sentences: SentenceGenre[];
}

// "16:42", "9.05am", "16:42 CET", "Updated 10:15": a time on a line of its own.
const TIME = String.raw`(?:(?:updated|posted)\s+)?\d{1,2}[:.]\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?(?:\s+(?:[A-Z]{2,4}|local time))?`;
const TIME_LINE = new RegExp(`^${TIME}$`, 'i');
// "16:42 — Police have closed…", "4:35 p.m. | The governor…": a timestamp opening the entry's first line.
const TIME_INLINE = new RegExp(`^(${TIME})(?:\\s*[—–|]\\s*|:\\s+|\\s+-\\s+)(?=[\\p{Lu}“"])`, 'iu');
// A short line with no final punctuation before a capitalised line: a heading run into its paragraph.
const HEADING_LINE = /^[\p{Lu}\d][^.!?:;,"“”]{0,40}$/u;
// A heading line never ends in a word that needs more after it.
const OPEN_ENDED = /\b(?:the|a|an|of|on|in|to|at|for|and|or|but|with|by|from|said|says|that|his|her|their|its|our|is|are|was|were)$/i;
const LIST_ITEM = /^[-–*•]\s+/;

/**
 * Sentences with a timestamp or a short heading on their first line ("16:42\nThanks for following…",
 * "Conference call\nHalvern will host…") split into that line, read as a heading, and the rest; a list
 * item long enough to be a statement ("- About 41,000 homes are without power…") is not a heading.
 */
export const splitFurniture = (sentences: readonly Sentence[]): Sentence[] =>
  sentences.flatMap((sentence) => {
    if (TIME_LINE.test(sentence.text)) return [{ ...sentence, heading: true }];
    const inline = TIME_INLINE.exec(sentence.text);
    if (inline) {
      const restStart = inline[0].length;
      return [
        { ...sentence, text: inline[1], end: sentence.start + inline[1].length, heading: true },
        { ...sentence, text: sentence.text.slice(restStart), start: sentence.start + restStart },
      ];
    }
    const newline = sentence.text.indexOf('\n');
    if (newline > 0) {
      const line = sentence.text.slice(0, newline).trim();
      const rest = sentence.text.slice(newline + 1);
      const restStart = sentence.text.length - rest.trimStart().length;
      const furniture = TIME_LINE.test(line) || (HEADING_LINE.test(line) && line.split(/\s+/).length <= 5 && !OPEN_ENDED.test(line) && /^[\p{Lu}\d“"]/u.test(rest.trimStart()));
      if (furniture && rest.trim() !== '') {
        const text = sentence.text.slice(restStart);
        return [
          { ...sentence, text: line, end: sentence.start + line.length, heading: true },
          { ...sentence, text, start: sentence.start + restStart, heading: sentence.heading && text.split(/\s+/).length <= 15 && !/[.!?;"”’)…]$/.test(text) },
        ];
      }
    }
    if (sentence.heading && LIST_ITEM.test(sentence.text) && sentence.text.split(/\s+/).length >= 8) return [{ ...sentence, heading: false }];
    return [sentence];
  });

const SECTIONS: readonly [Exclude<Section, null>, RegExp][] = [
  ['disclaimer', /forward[- ]looking|safe harbou?r|disclaimer|cautionary (?:note|statement)/i],
  ['logistics', /conference call|webcast|dial[- ]in|event details|how to (?:join|watch|listen)|investor (?:call|event)/i],
  ['contact', /^(?:(?:media|press|investor)s?\s+(?:contacts?|enquiries|inquiries|relations)|contacts?|for more information)\b/i],
  ['about', /^about\s+(?:us\b|the\s+)?\p{Lu}?/iu],
];

const sectionOf = (heading: string): Section => SECTIONS.find(([, re]) => re.test(heading.trim()))?.[0] ?? null;

// The furniture of a live page: "Last updated", "live coverage", "Refresh this page".
const LIVE_MARKS = /\blast updated\b|\blive (?:blog|coverage|updates|page)\b|\brefresh (?:this|the) page\b|\ball times (?:local|are)\b/i;
// The marks of a press release: a dateline wire, "announced today", boilerplate headings.
const RELEASE_MARKS = /\b(?:announced today|today announced|announces|\/PRNewswire\/|Business Wire|GLOBE NEWSWIRE|press release|news release|NASDAQ|NYSE|forward-looking statements)\b/i;

/** Reads the genre signals of an article from its sentences, once. */
export const readGenre = (sentences: readonly Sentence[], answers: ReadonlySet<number> = new Set()): ArticleGenre => {
  const timestamps = sentences.filter((s) => s.heading && TIME_LINE.test(s.text)).length;
  const opening = sentences.slice(0, 4).map((s) => s.text).join(' ');
  const liveBlog = timestamps >= 3 || (timestamps >= 1 && LIVE_MARKS.test(opening)) || LIVE_MARKS.test(sentences[0]?.text ?? '');
  const headings = sentences.filter((s) => s.heading).map((s) => sectionOf(s.text));
  const pressRelease =
    headings.filter((h) => h === 'disclaimer' || h === 'logistics' || h === 'contact' || h === 'about').length >= 2 || RELEASE_MARKS.test(opening);

  // A profile is told by how often its marks recur, not by any one sentence.
  const recurring = (patterns: readonly RegExp[]): number => sentences.filter((s) => !s.heading && patterns.some((re) => re.test(s.text))).length;
  const other = liveBlog || pressRelease || answers.size > 0;
  const profile = !other && recurring([SENSORY, GESTURE, FAMILY, CHILDHOOD, HABIT]) >= PROFILE_MARKS;

  let section: Section = null;
  const genres = sentences.map((sentence, i) => {
    if (sentence.heading) section = sectionOf(sentence.text);
    return {
      liveBlog,
      pressRelease,
      interviewAnswer: answers.has(i),
      authorBio: false,
      section: pressRelease ? section : null,
      profile,
    };
  });
  return { sentences: genres };
};

const when = (condition: boolean): number => (condition ? 1 : 0);

/** How many sentences with a profile's marks make an article a profile. */
const PROFILE_MARKS = 3;


// Live-blog furniture: greetings, sign-offs, update promises, where the reporters are.
const LIVE_FURNITURE =
  /\b(?:thanks? (?:you )?for (?:following|reading|joining|staying)|(?:good (?:morning|afternoon|evening)|hello) and welcome|welcome (?:back )?to our|our live (?:blog|coverage|page)|(?:pausing|closing|ending|wrapping up) (?:the|this|our) (?:live )?(?:blog|coverage)|we[’']ll (?:be back|leave it|bring you|keep you|update)|we will (?:be back|update|bring you|keep you)|(?:stay|keep) with us|(?:that[’']s|this is) (?:where|all) we|refresh (?:this|the) page|(?:full|more) (?:analysis|coverage|details|reaction) (?:in|on|to come|later|tomorrow)|our (?:reporter|correspondent|team|data team|colleague)s?\b|a (?:quick )?(?:refresher|recap|reminder) (?:on|of)|that[’']s it\b|that[’']s all (?:from us|for (?:today|tonight|now))|(?:is|are) no longer being updated|(?:full|latest) (?:report|story|coverage)\b[^.]{0,40}\bis (?:here|below|available)\b|(?:is|are) on stage now|will be back (?:from|at|tomorrow|later|with|in the morning)|(?:figures|results|pictures|photos|images|videos|updates|reports) (?:are|have been) (?:(?:now|still|starting to|beginning to) )?(?:coming |come )?in\b|has (?:just )?given (?:an|a|his|her|their) (?:update|briefing))/i;
// Reader call-outs: "Have you been affected? Send us your pictures".
const READER_CALLOUT =
  /\b(?:have you been affected|send (?:us )?your|sent us|get in touch|share your (?:photos|pictures|videos|stories|experiences)|tell us (?:your|about|what)|(?:email|contact|message) us|a reader (?:in|from|has|sent)|readers? (?:have )?(?:sent|shared|told))\b/i;
// Safety advice and instructions: imperatives, "official advice:", who "should" do what.
const SAFETY_ADVICE =
  /^(?:please\s+)?(?:stay|keep|do not|don[’']t|avoid|make sure|never|remember to|check on|switch off|turn off|charge|evacuate|move to|seek)\b|\b(?:advice|reminder|tips?|guidance)\s*:|^(?:drivers|residents|people|motorists|passengers|travell?ers|visitors|pedestrians|anyone|everyone)\b[^.]{0,40}\b(?:should|must|are (?:advised|urged|asked|told))\b/i;

// Press-release boilerplate.
const FORWARD_LOOKING = /\bforward[- ]looking\b|\b(?:risks and uncertainties|undertakes? no (?:obligation|duty)|differ materially|current (?:expectations|beliefs)|safe harbou?r|except as required by law)\b/i;
const LOGISTICS = /\b(?:conference call|webcast|dial[- ]in|replay will|investors? (?:section|page|relations)|register (?:at|on|via|for the)|live stream|will host|will be (?:available|archived|posted) on|submitted for (?:presentation|publication)|(?:at|to) an upcoming (?:[\p{L}-]+\s+)?(?:congress|conference|meeting|symposium))\b/iu;
const MISSION =
  /\b(?:is|are)\s+(?:a|an|the)\s+(?:[\p{L}-]+,?\s+){0,5}?(?:company|organi[sz]ation|firm|business|provider|developer|maker|group|charity|platform|team|leader|pioneer)\s+(?:committed|dedicated|devoted|focused|working|on a mission)\s+to\b|\b(?:our|its|their) mission\b|\bmission is to\b|\b(?:is|are|was|were|remains?|remained)\s+[“"]?(?:fully\s+|firmly\s+|deeply\s+)?committed to\b/iu;
const MEDIA_CONTACT = /\b(?:media|press) (?:contact|enquiries|inquiries|office)\b|[\w.-]+@[\w-]+\.[\w.]+|\+\d[\d\s()-]{7,}/i;
const PUFFERY = /\b(?:pioneering|innovative|world[- ]class|(?:a|the) (?:world|global|market|industry) leader|cutting[- ]edge|industry[- ]leading|best[- ]in[- ]class|(?:a|the) (?:leading|premier)|trusted|patient[- ]focused|customer[- ]focused|landmark|transformative|game[- ]changing|groundbreaking|ground[- ]breaking|unmet needs?|(?:next|natural|logical) step|our journey)\b/i;

// A profile's scenery: what a place smells, sounds and looks like, what hands do.
const SENSORY =
  /\b(?:smell(?:s|ed)? of|sound(?:s|ed)? of|the light|glows?|glowed|gleam\w*|glint\w*|mist|fog|dusted|dusty|rust(?:y|ed)|creak\w*|hum(?:s|med|ming)?|barks?|barked|sings|whistl\w+|nettles|dented|weathered|faded|smudged|still warm|still dull)\b/i;
const GESTURE =
  /\b(?:taps (?:it|the|her|his)|tapped|tilts|tilted|leans|leaned|leant|glances|glanced|grins|grinned|squints|squinted|(?:she|he|they) (?:points?|pointed) (?:to|at)|shrugs|shrugged|nods|nodded|frowns|frowned|peered|gazes|gazed|stares|stared|running (?:a|her|his) (?:hand|rag|finger)|(?:her|his) head|(?:she|he) (?:laughs|laughed|smiles|smiled|sighs|sighed)|without looking up)\b/i;
// Private life: family members, childhood, daily habits.
const FAMILY =
  /\b(?:his|her|their|my) (?:(?:two|three|four|five|late|elder|older|younger) )?(?:wife|husband|partner|son|sons|daughter|daughters|granddaughter|grandson|grandchildren|dad|mum|mom|father|mother|parents|grandfather|grandmother|grandparents|uncle|aunt|brother|brothers|sister|sisters|children|kids|dog|cat)\b/i;
const CHILDHOOD =
  /\bas an? (?:girl|boy|child|kid|teenager|young (?:man|woman))\b|\bwhen (?:she|he|i) was (?:a (?:girl|boy|child)|young|little|(?:five|six|seven|eight|nine|ten|\d))\b|^at (?:five|six|seven|eight|nine|ten|eleven|twelve)\b(?! (?:percent|am|pm|o[’']clock))/i;
const HABIT = /^(?:every|each) (?:morning|evening|night|summer|winter|spring|autumn|weekend)\b|\b(?:at|by|until) (?:ten|eleven|noon|dusk|dawn)\b(?: and again)?|^(?:in|by) (?:spring|summer|autumn|winter)\b|^(?:late|early) in the (?:afternoon|evening|morning|day)\b|^in the (?:evening|morning|afternoon)\b|^at (?:a quarter|half past|dawn|dusk|first light)\b/i;

// An opinion's value judgements and rhetoric.
const VALUE_JUDGEMENT =
  /\b(?:(?:would be|is|was) (?:a|an) (?:serious |big |costly |grave |terrible )?mistake|convenient|convincing|entitled to|obvious interest|glamorous|temptation|tempting|sensible|reckless|misguided|folly|the longer answer|the case (?:for|against)|reasons? (?:to|not to) \p{Ll}+|makes? for an?|not in dispute|(?:is|was) no secret|standing still|held (?:its|their) nerve|the (?:howls|critics|doubters)|false economy|miracle cure|whatever [\p{L} ]{1,30} says?|in other words)\b/iu;
const RHETORICAL_OPENER = /^(?:start|begin|consider|look at|take|think (?:of|about)|imagine|ask (?:yourself|any)|let[’']s|let us|(?:and )?then there (?:is|are)|(?:but |and )?there (?:is|was) (?:also )?the (?:question|matter|issue|problem) of|it is true that|to be sure|admittedly)\b/i;
// "Fixing a pipe takes a week", "But a reservoir takes a decade": a generic subject (a gerund, an indefinite noun)
// and a stock duration state what is true of any case, not of this one.
const GENERALISATION = /^it takes\b|^(?:but |and )?(?:\p{Ll}+ing\b[^,]{0,30}?|(?:a|an) [\p{Ll}-]+(?: [\p{Ll}-]+)?) (?:takes|needs|costs|lasts) (?:a|an|about a|at least a) (?:day|week|month|year|decade|generation|lifetime|fortune)\b|^(?:a|an|any|every) \p{Ll}+ (?:that|who|which) |\bis the difference between\b|\b(?:tends? to|everywhere|invariably|as a rule|if (?:the )?(?:past|history)[^,]{0,30}(?:is )?any guide|more than that|none of (?:this|that))\b/iu;
// The page's own "we" as the subject: "We're pausing the live blog here", "and will be back from 7am".
const LIVE_WE = /^(?:(?:and|but|so)\s+)?(?:we|we[’']re|we[’']ll|we[’']ve|we[’']d|our)\b|\b(?:with|for|to|join) us\b/i;
// A party's stock reply in a dispute: "He will be acquitted", "would contest the charges", "cooperating fully".
const DISPUTE_RHETORIC =
  /\b(?:will be (?:acquitted|vindicated|cleared|exonerated)|(?:would|will|intends? to|plans? to) (?:vigorously )?(?:contest|fight|appeal|challenge) (?:the|these|all|any) (?:charges|allegations|ruling|decision|claims|case)|cooperat(?:e|es|ed|ing) fully|fully cooperat(?:e|es|ed|ing)|(?:look|looks|looking) forward to (?:the|a|working|clearing)|(?:has|have) (?:always )?acted (?:lawfully|responsibly|in good faith)|(?:has|had|have) (?:no|little) (?:other )?(?:choice|alternative|option))\b/i;
// What a clause split leaves of a sentence's subject: "The library’s director, Annelie Hallström", a noun
// phrase and the name in apposition, no verb of its own. ("The study, published in the Annals of …" is left
// alone: where a study was published is a claim.)
const SUBJECT_FRAGMENT =
  /^(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+,\s+(?:\p{Lu}[\p{L}’'-]+\s*){1,3}$/u;
const VERBLESS_OPENER = /^(?:along with|as well as|together with|such as|including)\b/i;
const COUNTERFACTUAL = /(?<!\b(?:what|which|who|that)\s)\bwould (?:also |still |only |simply |surely )?(?:be|make|mean|find|buy|leave|look)\b/i;

/**
 * The genre features, appended to CHECKWORTHINESS_FEATURES: live-blog furniture, reader call-outs and
 * safety advice; a press release's boilerplate sections, disclaimer, logistics, mission statement and
 * puffery; a profile's scenery, gestures and private anecdotes; an opinion's value judgements, rhetorical
 * openers, generalisations and the publisher's counterfactuals; an interview's answers and its note.
 */
export const GENRE_FEATURES: readonly CheckworthinessFeature[] = [
  { id: 'live-furniture', pattern: [LIVE_FURNITURE], scope: 'sentence', weight: -0.5 },
  { id: 'reader-callout', pattern: [READER_CALLOUT], scope: 'sentence', weight: -0.5 },
  { id: 'safety-advice', pattern: [SAFETY_ADVICE], scope: 'statement', weight: -0.4 },
  // The live page speaking of itself: "We're pausing the live blog here" (a "we" inside a quotation is the speaker's).
  {
    id: 'live-publisher-we',
    pattern: (f) => when(f.genre.liveBlog && !f.namedSource && !f.quoted && LIVE_WE.test(f.statement)),
    scope: 'document',
    weight: -0.3,
  },
  { id: 'boilerplate-section', pattern: (f) => when(f.genre.section === 'disclaimer' || f.genre.section === 'logistics' || f.genre.section === 'contact'), scope: 'document', weight: -0.6 },
  { id: 'press-boilerplate', pattern: [FORWARD_LOOKING, LOGISTICS, MISSION, MEDIA_CONTACT], scope: 'statement', weight: -0.5 },
  { id: 'puffery', pattern: [PUFFERY], scope: 'statement', weight: -0.2 },
  { id: 'scenery', pattern: [SENSORY, GESTURE], scope: 'statement', weight: -0.25 },
  { id: 'anecdote', pattern: [FAMILY, CHILDHOOD, HABIT], scope: 'statement', weight: -0.25 },
  { id: 'value-judgement', pattern: [VALUE_JUDGEMENT], scope: 'statement', weight: -0.25 },
  { id: 'rhetorical-opener', pattern: [RHETORICAL_OPENER], scope: 'statement', weight: -0.3 },
  { id: 'generalisation', pattern: [GENERALISATION], scope: 'statement', weight: -0.2 },
  // "Abolition would also be expensive": the publisher's counterfactual is an argument, not a fact.
  { id: 'counterfactual', pattern: (f) => when(!f.namedSource && !f.digit && COUNTERFACTUAL.test(f.statement)), scope: 'statement', weight: -0.2 },
  // "The interview has been edited for length", "She spoke to the Weekly at…"; a figure in it is still a fact.
  { id: 'dispute-rhetoric', pattern: [DISPUTE_RHETORIC], scope: 'statement', weight: -0.25 },
  { id: 'subject-fragment', pattern: [SUBJECT_FRAGMENT], scope: 'statement', weight: -0.3 },
  // "along with cyclists, schoolchildren and, twice a year, a herd of cows": what a clause split leaves of a list.
  { id: 'list-fragment', pattern: [VERBLESS_OPENER], scope: 'statement', weight: -0.3 },
  { id: 'interview-note', pattern: (f) => when(!f.digit && INTERVIEW_NOTE.test(f.statement)), scope: 'sentence', weight: -0.5 },
  // An answer is the interviewee's by layout, not because a frame named a source: the "attributed" bonus
  // is taken back, or every aside of the conversation ("We are a mixed household") would be kept.
  { id: 'interview-answer', pattern: (f: StatementFacts) => when(f.genre.interviewAnswer), scope: 'document', weight: -0.05 },
  // In a profile the narrator's own sentences without a figure are mostly colour (an opinion piece's are
  // not: there the same rule cost more premises than verdicts on the tuning sets).
  { id: 'profile-narration', pattern: (f) => when(f.genre.profile && !f.namedSource && !f.vagueSource && !f.digit), scope: 'document', weight: -0.1 },
  // "The catalogue should be back by January": in an answer "should" forecasts, it does not prescribe.
  { id: 'answer-forecast', pattern: (f) => when(f.genre.interviewAnswer && forecastInAnswer(f.statement)), scope: 'document', weight: 0.25 },
  { id: 'author-bio', pattern: (f) => when(f.genre.authorBio), scope: 'document', weight: -1 },
];
