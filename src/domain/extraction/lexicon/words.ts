/**
 * Generic English word lists the extractor reasons with, one per category. Nothing here names a
 * particular article: these are hedges, titles and organisation words any news text uses. Verbs
 * live in reporting-verbs.ts, one row each, their inflections generated.
 */

import { SourceKind } from '../../types';
import { alternation } from './build';
import { documentPattern } from './documents';

const words = (text: string): ReadonlySet<string> =>
  new Set(text.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Nouns that, after a possessive, make the owner the source: "the minister's remarks about". */
export const STATEMENT_NOUNS = words(`
  remarks remark comments comment statement statements claim claims assertion assertions
  announcement announcements testimony speech words pledge pledges promise promises warning warnings
  assessment assessments report reports post posts tweet tweets letter
`);

/**
 * Noun/verb switch words: reporting verbs that are also nouns ("state media", "news reports",
 * "member states"). After their speaker they are verbs only in plain frames.
 */
export const NOUN_OR_VERB = words(`
  state states report reports claim claims note notes estimate estimates forecast forecasts
  project projects dispute answer answers tweet
`);

/** Forms of reporting verbs read as nouns first, never as a frame's verb: "the estimates", "She points to". */
export const NOUN_FIRST_FORMS = words(`estimates disputes points reports tweets counters remarks call`);

/** Words that may stand between a speaker and its verb: "the minister has also said", "Acme previously denied". */
export const BETWEEN_SPEAKER_AND_VERB = words(`
  has have had also further previously repeatedly publicly later again once then reportedly recently already now
  long separately earlier privately strongly firmly flatly quickly initially originally first subsequently
`);

/** Words before a verb that make it a future, possible or refused act: "will report", "declined to say". */
export const MODALS_BEFORE_VERB = words(`will would shall may might can could must should to won't`);

/** Words before a noun, so the word after them is no verb: "the report", "its claims". */
export const NOUN_MARKERS = words(`the a an this that its their his her`);

/** Words that qualify a statement inside its own text. */
export const HEDGE_WORDS = words(`
  may might could likely unlikely possibly possible potential potentially perhaps probably
  appears appear appeared seems seem seemed suggests suggest suggested apparently reportedly allegedly
  expect expected expects believe believed believes think thinks anticipate anticipates anticipated
  estimate estimated hope hopes hoped predict predicts predicted suspect suspects doubt doubts
  roughly approximately around nearly would should
`);

/** Phrases that deny inside the quoted statement itself. */
export const DENIAL_PHRASES: readonly RegExp[] = [
  /\bnot true\b/i,
  /\buntrue\b/i,
  /\bbaseless\b/i,
  /\bfalse(?:ly)?\b/i,
  /\bfake news\b/i,
  // "found no evidence" reports a finding; "there is no evidence" rebuts.
  /(?<!\b(?:found|find|finds|uncovered|seen)\s+)\bno (?:truth|basis|evidence)\b/i,
  /\bnever (?:said|happened|did)\b/i,
  /\bcategorically\b/i,
  /\bnonsense\b/i,
  // "it rejects the characterisation of its management": the speaker turns down an account of itself.
  /\b(?:rejects?|rejected|disputes?|disputed|denies|denied)\s+(?:the|any|all|these|those|such|that|this)\s+(?:[\p{L}-]+\s+)?(?:characteri[sz]ations?|allegations?|accusations?|claims?|suggestions?|assertions?|portrayals?)\b/iu,
];

/** Titles that precede a person's name: one list with the source identity, which strips them ("Dr. Jane Doe" is "jane doe"). */
export { PERSON_TITLES as TITLES } from '../../sources';

/** Words that end an organisation's name or name a kind of organisation. */
export const ORGANIZATION_WORDS = words(`
  inc inc. corp corp. corporation co co. ltd ltd. llc plc gmbh ag sa company companies firm group
  board bank university college institute institution foundation association society council
  center centre centers centres institutes fund trust agency network organisation organization union federation alliance
  partners holdings laboratories labs lab hospital clinic school academy press media newspaper
  times post journal herald tribune news reuters bloomberg bbc cnn party committee club league
  consultancy consulting capital securities research industries motors airlines systems technologies
  therapeutics pharmaceuticals pharma biosciences biotech energy electric financial insurance ventures
  software solutions entertainment communications telecom resources mining petroleum chemicals brands
  fc afc cf sc club united rovers athletic wanderers team courier gazette ledger telegraph chronicle
  magazine daily weekly review observer guardian standard express mail sentinel inquirer examiner
  clinic medical health hospitals church charity nonprofit coalition campaign movement
  minerals metals oil gas power foods beverages logistics shipping airways automotive steel semiconductor
  semiconductors electronics networks studios games realty properties construction engineering builders
  homes hotels resorts restaurants stores markets apparel investments advisors management assurance credit
  payments robotics aerospace defense defence dynamics enterprises international global worldwide services
  tech digital analytics cloud alliance science sciences wire newswire
  museum museums gallery galleries library archive archives observatory chamber zoo theatre theater
  orchestra opera ballet festival radio television tv broadcasting rail railway railways railroad transit
  ferries exchange laboratory
  democrats republicans socialists conservatives liberals greens communists nationalists
`);

/** Nouns that describe a business by what it does: "the chipmaker", "the Oslo-based shipper". */
export const ORGANIZATION_DESCRIPTOR =
  /(?:maker|makers|retailer|lender|insurer|airline|carrier|operator|broadcaster|publisher|developer|manufacturer|producer|giant|startup|forwarder|supplier|provider|distributor|conglomerate|chain|miner|refiner|exporter|importer|shipper|utility|studio|brewer|grocer)$/;

/** Words that make a source part of a state. */
export const GOVERNMENT_WORDS = words(`
  government ministry ministries department administration cabinet parliament congress senate
  house white kremlin pentagon embassy consulate military army navy police treasury commission
  authorities authority regulator regulators state federal municipal council court courts
  officials official ministers state-run state-owned junta presidency office bureau corps service
  prosecutors prosecutor tribunal coastguard auditor directorate inspectorate
`);

/** Capitals and seats of power that newsrooms use for their governments ("Washington said"). */
export const GOVERNMENT_METONYMS = words(`
  washington beijing moscow kyiv kiev london paris berlin tokyo brussels delhi tehran ottawa canberra
  seoul pyongyang taipei ankara riyadh jerusalem cairo brasilia brasília madrid rome warsaw minsk
  islamabad kabul damascus baghdad caracas havana beirut doha manila hanoi jakarta bangkok
  pretoria nairobi abuja addis ababa mexico dublin stockholm oslo helsinki copenhagen vienna bern
  athens lisbon budapest prague bucharest sofia belgrade zagreb tbilisi yerevan baku astana
  kremlin pentagon whitehall elysee élysée
`);

/** Countries and the adjectives that name their governments ("the Chinese government"). */
export const DEMONYMS: Readonly<Record<string, string>> = {
  american: 'u.s.', 'u.s.': 'u.s.', us: 'u.s.', 'united states': 'u.s.', america: 'u.s.',
  chinese: 'china', china: 'china', russian: 'russia', russia: 'russia',
  ukrainian: 'ukraine', ukraine: 'ukraine', british: 'u.k.', 'u.k.': 'u.k.', uk: 'u.k.', britain: 'u.k.',
  french: 'france', france: 'france', german: 'germany', germany: 'germany',
  japanese: 'japan', japan: 'japan', indian: 'india', india: 'india', iranian: 'iran', iran: 'iran',
  israeli: 'israel', israel: 'israel', canadian: 'canada', canada: 'canada',
  australian: 'australia', australia: 'australia', korean: 'korea', 'south korean': 'korea',
  'south korea': 'korea', 'north korean': 'north korea', 'north korea': 'north korea',
  turkish: 'turkey', turkey: 'turkey', saudi: 'saudi arabia', 'saudi arabia': 'saudi arabia',
  egyptian: 'egypt', egypt: 'egypt', brazilian: 'brazil', brazil: 'brazil',
  mexican: 'mexico', mexico: 'mexico', italian: 'italy', italy: 'italy', spanish: 'spain', spain: 'spain',
  polish: 'poland', poland: 'poland', taiwanese: 'taiwan', taiwan: 'taiwan', european: 'e.u.', 'e.u.': 'e.u.',
  eu: 'e.u.', pakistani: 'pakistan', pakistan: 'pakistan', afghan: 'afghanistan',
  syrian: 'syria', syria: 'syria', iraqi: 'iraq', iraq: 'iraq', venezuelan: 'venezuela', venezuela: 'venezuela',
  cuban: 'cuba', cuba: 'cuba', nigerian: 'nigeria', nigeria: 'nigeria', 'south african': 'south africa',
  'south africa': 'south africa', kenyan: 'kenya', kenya: 'kenya', irish: 'ireland', ireland: 'ireland',
  swedish: 'sweden', sweden: 'sweden', norwegian: 'norway', norway: 'norway', dutch: 'netherlands',
  netherlands: 'netherlands', swiss: 'switzerland', switzerland: 'switzerland', greek: 'greece', greece: 'greece',
  vietnamese: 'vietnam', vietnam: 'vietnam', indonesian: 'indonesia', indonesia: 'indonesia',
  filipino: 'philippines', philippines: 'philippines', thai: 'thailand', thailand: 'thailand',
};

/** Which country a capital stands for, so "Beijing" and "the Chinese government" share a country. */
export const METONYM_COUNTRY: Readonly<Record<string, string>> = {
  washington: 'u.s.', pentagon: 'u.s.', beijing: 'china', moscow: 'russia', kremlin: 'russia', kyiv: 'ukraine',
  kiev: 'ukraine', london: 'u.k.', whitehall: 'u.k.', paris: 'france', elysee: 'france', 'élysée': 'france',
  berlin: 'germany', tokyo: 'japan', brussels: 'e.u.', delhi: 'india', tehran: 'iran', ottawa: 'canada',
  canberra: 'australia', seoul: 'korea', pyongyang: 'north korea', taipei: 'taiwan', ankara: 'turkey',
  riyadh: 'saudi arabia', jerusalem: 'israel', cairo: 'egypt', madrid: 'spain', rome: 'italy', warsaw: 'poland',
};

/** Vague collective speakers: a claim attributed to them has no checkable source. */
export const VAGUE_SPEAKERS = words(`
  experts observers analysts critics commentators sources source insiders people person many some others
  officials researchers scientists economists investors traders residents witnesses reports
  diplomats lawmakers activists campaigners doctors
`);

/** Nouns that mean "a person of this organisation" in "a spokesperson for X", "researchers at X". */
export const MEMBER_NOUNS = words(`
  spokesperson spokesman spokeswoman official officials researcher researchers scientist scientists
  analyst analysts economist economists expert experts representative representatives executive executives
  source sources member members staff employee employees team director head chief leader leaders
  lawyer lawyers attorney attorneys doctors doctor engineers engineer authors author team investigators investigator
`);

/** Openers that continue the previous sentence's source ("Concurrently, the U.S. plans…"). */
export const CONTINUATION_OPENERS: readonly RegExp[] = [
  /^(?:concurrently|additionally|in addition|furthermore|moreover|also|likewise|similarly|at the same time)\b,?\s*/i,
];

/** Openers that only link a sentence to the previous one and carry no claim. */
export const DISCOURSE_OPENERS =
  /^(?:concurrently|additionally|in addition|furthermore|moreover|meanwhile|however|also|likewise|similarly|at the same time|separately|still|nonetheless|nevertheless|indeed|in fact|notably|importantly|crucially|finally|first|second|third|lastly|overall|in short|in turn|as a result|therefore|thus|consequently|yet|so|but|and)\s*,\s*/i;

/** Phrases of pure musing or scene-setting that no one can check. */
export const VAGUE_PHRASES: readonly RegExp[] = [
  /\bleft (?:pondering|wondering|guessing|to wonder)\b/i,
  /\bpondering\b/i,
  /\bremains? to be seen\b/i,
  /\btime will tell\b/i,
  /\bonly time\b/i,
  /\bwho knows\b/i,
  /\bone thing is (?:certain|clear|for sure)\b/i,
  /\bit(?:'|’)?s worth (?:noting|mentioning)\b/i,
  /\bstay tuned\b/i,
  /\bwhat (?:the future|lies ahead|comes next)\b/i,
  /\bonly the beginning\b/i,
  /\bin (?:today(?:'|’)s|this) (?:fast-paced|ever-changing|rapidly changing)\b/i,
];

/**
 * Figures of speech: idioms that say how something felt or looked, not what happened ("Regulators have
 * drawn a line", "Our members held the line, and it paid off", "one infected traveller away from an outbreak").
 */
export const FIGURATIVE_PHRASES: readonly RegExp[] = [
  /\bdr[ae]w[sn]? a line\b|\bline in the sand\b|\b(?:held|hold|holds|holding) the line\b/i,
  /\bbehind closed doors\b|\b(?:came|come|comes|coming) into view\b|\bkeep(?:s|ing)? (?:its|their|her|his) secrets\b/i,
  // "it paid off" (not "paid off the mortgage").
  /\bpaid off(?=\s*[.,;”"]|\s*$)/i,
  /\baway from (?:an?|the) (?:outbreak|disaster|catastrophe|crisis)\b/i,
  /\b(?:tip of the iceberg|perfect storm|elephant in the room|at a crossroads|uphill (?:battle|struggle)|silver bullet|double-edged sword|sea change|the last straw|slap in the face|moving the goalposts)\b/i,
  /\bwriting (?:is|was) on the wall\b|\blight at the end of the tunnel\b|\bdrop in the (?:ocean|bucket)\b|\bkick(?:s|ed|ing)? the can\b|\bheads? in the sand\b/i,
  // A simile: "Bread is like a child", "The shop was like a second home" (not "like a third of them": a share).
  /\b(?:is|are|was|were|'s|’s)\s+(?:just\s+|a\s+bit\s+|a\s+little\s+)?like\s+(?:a|an)\s+(?!third|quarter|half|fifth|tenth|dozen|hundred|thousand|million|billion)\p{Ll}+/iu,
];

/** Imperatives that open calls to action. */
export const CALL_TO_ACTION =
  /^(?:click|tap|subscribe|follow|share|sign up|join|read|watch|listen|download|don(?:'|’)t miss|let us know|tell us|comment|like|register|buy|order|get|try|learn more|find out|check out|visit|contact|call|email|see also|stay)\b/i;

/** Words that signal an event or a policy action somebody could check. */
export const ACTION_WORDS = words(`
  agreed agreement deal reached signed sign signs treaty framework plans plan planned will
  imposed impose imposes lifted lift rescind rescinded revoke revoked ban banned bans restrictions restriction
  tariff tariffs sanctions sanction export exports import imports approved approve passed pass vote voted
  law bill ruling ruled court arrested charged convicted sentenced killed died injured launched launch
  announced announce cut cuts raised raise increased increase decreased decrease rose rise fell fall
  grew grow dropped drop doubled tripled halved record highest lowest largest smallest first
  elected appointed resigned fired hired acquired merger acquisition invested investment funding
  budget deficit spending revenue profit loss losses sales billion million trillion percent
  unraveled collapsed ended began started established created founded built opened closed
  reduce reduced expanded expand controls control review process applications visa visas
  accused accusations violation violations policy policies regulation regulations rules
  orchestrated held talks negotiations summit meeting met attack attacks strike strikes
  elected election campaign poll polls survey study data report found shows showed
  maintain ease eased easing tightening tightened offer offers offered receive received receives
  paid pay pays sold sell sells bought buy buys won lost losing hired fired resigned
  published enrolled funded reported approved delivered posted spent totaled totalled
  recover recovered rebound rebounded decline declined slump slumped surge surged soar soared plunge plunged
  jump jumped climb climbed slide slid reopen reopened shut closed delay delayed
`);

/** Month and weekday names, which date a statement. */
export const DATE_WORDS = words(`
  january february march april may june july august september october november december
  jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
  monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow
`);

/** Abbreviations that never end a sentence: a title always has a name after it. */
export const NON_TERMINAL_ABBREVIATIONS = words(`
  mr. mrs. ms. mx. dr. prof. sen. rep. gov. gen. col. lt. sgt. capt. cmdr. adm. maj. st. mt. ft.
  rev. hon. pres. supt. det. insp. no. nos. vs. v. e.g. i.e. cf. approx. fig. jan. feb. mar. apr. jun.
  jul. aug. sep. sept. oct. nov. dec. ave. blvd.
`);

/** Abbreviations that may end a sentence but usually do not ("U.S.", "Inc.", "a.m."). */
export const AMBIGUOUS_ABBREVIATIONS = words(`
  u.s. u.k. u.n. e.u. u.s.a. u.a.e. d.c. inc. corp. co. ltd. llc. plc. jr. sr. a.m. p.m. etc. al.
`);

/** Words that typically open a new sentence, so a capitalised word after "U.S." is one. */
export const SENTENCE_STARTERS = words(`
  the a an it he she they we i you this that these those there in on at but and however meanwhile
  its their his her our my as after before when while if according some many most both all
  what why how who where one two three several no not yet so since although though still
  for by with from to of during under over
`);

/** Pronouns that can stand for a speaker named earlier. */
export const PERSON_PRONOUNS = words(`he she`);
export const GROUP_PRONOUNS = words(`they`);
export const THING_PRONOUNS = words(`it`);

/** Phrases before "from X" / "by X" that only say what kind of statement X made. */
export const STATEMENT_WRAPPER = new RegExp(
  String.raw`^(?:the|a|an)\s+(?:(?:recent|latest|new|official|written|joint|brief|short|formal|public|earlier|separate|annual|monthly|quarterly|preliminary|final|draft|leaked|\d{4})\s+)*(?:${documentPattern('wrapper')}|spokesperson|spokesman|spokeswoman|official|source|sources)\s+(?:from|by|of|issued by|released by|published by|posted by|compiled by|analy[sz]ed by|for|at|with|in)\s+`,
  'i',
);

/** Nouns for a source ("the company", "the agency", "the report") and the kind of source each stands for. */
export const GENERIC_HEADS: Readonly<Record<string, SourceKind>> = {
  forecaster: SourceKind.GOVERNMENT,
  watchdog: SourceKind.GOVERNMENT,
  coroner: SourceKind.GOVERNMENT,
  company: SourceKind.ORGANIZATION,
  firm: SourceKind.ORGANIZATION,
  group: SourceKind.ORGANIZATION,
  organisation: SourceKind.ORGANIZATION,
  organization: SourceKind.ORGANIZATION,
  association: SourceKind.ORGANIZATION,
  bank: SourceKind.ORGANIZATION,
  university: SourceKind.ORGANIZATION,
  institute: SourceKind.ORGANIZATION,
  board: SourceKind.ORGANIZATION,
  club: SourceKind.ORGANIZATION,
  team: SourceKind.ORGANIZATION,
  newspaper: SourceKind.ORGANIZATION,
  outlet: SourceKind.ORGANIZATION,
  network: SourceKind.ORGANIZATION,
  union: SourceKind.ORGANIZATION,
  party: SourceKind.ORGANIZATION,
  charity: SourceKind.ORGANIZATION,
  hospital: SourceKind.ORGANIZATION,
  league: SourceKind.ORGANIZATION,
  conference: SourceKind.ORGANIZATION,
  alliance: SourceKind.ORGANIZATION,
  federation: SourceKind.ORGANIZATION,
  coalition: SourceKind.ORGANIZATION,
  foundation: SourceKind.ORGANIZATION,
  college: SourceKind.ORGANIZATION,
  committee: SourceKind.ORGANIZATION,
  panel: SourceKind.ORGANIZATION,
  agency: SourceKind.GOVERNMENT,
  ministry: SourceKind.GOVERNMENT,
  department: SourceKind.GOVERNMENT,
  government: SourceKind.GOVERNMENT,
  governments: SourceKind.GOVERNMENT,
  statement: SourceKind.UNKNOWN,
  administration: SourceKind.GOVERNMENT,
  regulator: SourceKind.GOVERNMENT,
  authorities: SourceKind.GOVERNMENT,
  court: SourceKind.GOVERNMENT,
  commission: SourceKind.GOVERNMENT,
  council: SourceKind.GOVERNMENT,
  city: SourceKind.GOVERNMENT,
  police: SourceKind.GOVERNMENT,
  service: SourceKind.GOVERNMENT,
  filing: SourceKind.UNKNOWN,
  paper: SourceKind.ORGANIZATION,
  indictment: SourceKind.UNKNOWN,
  complaint: SourceKind.UNKNOWN,
  report: SourceKind.UNKNOWN,
  notice: SourceKind.UNKNOWN,
  timeline: SourceKind.UNKNOWN,
  study: SourceKind.UNKNOWN,
  survey: SourceKind.UNKNOWN,
  audit: SourceKind.UNKNOWN,
  analysis: SourceKind.UNKNOWN,
  poll: SourceKind.UNKNOWN,
  authors: SourceKind.UNKNOWN,
  figures: SourceKind.UNKNOWN,
  data: SourceKind.UNKNOWN,
};

/**
 * The objects of a denial, singular and plural, with the frames each is read in: `object` "rejected that
 * claim" (the denial is the statement), `cut` "denied reports that …" (the statement follows the noun),
 * `owned` "rejected claims by X that …" (X's claim, then the denial), `appositive` (singular only)
 * "…, an account the club denied".
 */
export type DeniedFrame = 'object' | 'cut' | 'owned' | 'appositive';
export const DENIED_NOUN_ROWS: readonly (readonly [singular: string, plural: string | null, ...frames: DeniedFrame[]])[] = [
  ['claim', 'claims', 'object', 'cut', 'owned', 'appositive'],
  ['report', 'reports', 'object', 'cut', 'owned', 'appositive'],
  ['estimate', 'estimates', 'object'],
  ['account', 'accounts', 'object', 'appositive'],
  ['allegation', 'allegations', 'object', 'cut', 'owned', 'appositive'],
  ['accusation', 'accusations', 'object', 'cut', 'owned', 'appositive'],
  ['characterisation', 'characterisations', 'object', 'appositive'],
  ['characterization', 'characterizations', 'object', 'appositive'],
  ['figure', 'figures', 'object'],
  ['number', 'numbers', 'object'],
  ['assertion', 'assertions', 'object', 'cut', 'owned', 'appositive'],
  ['suggestion', 'suggestions', 'object', 'cut', 'owned', 'appositive'],
  ['story', 'stories', 'object'],
  ['rumour', 'rumours', 'object', 'cut'],
  ['rumor', 'rumors', 'object', 'cut'],
  ['idea', null, 'object', 'cut'],
  ['notion', null, 'object', 'cut'],
  ['charge', 'charges', 'object', 'cut', 'owned', 'appositive'],
  ['criticism', null, 'object'],
  ['version', null, 'object', 'appositive'],
  ['description', null, 'object', 'appositive'],
  ['finding', 'findings', 'object'],
  ['speculation', null, 'object', 'cut'],
  ['view', 'views', 'object'],
  ['assessment', 'assessments', 'object'],
  ['argument', 'arguments', 'object'],
  ['premise', null, 'object'],
  ['conclusion', 'conclusions', 'object'],
  ['interpretation', 'interpretations', 'object'],
  ['reading', 'readings', 'object'],
  ['narrative', null, 'object'],
  ['theory', 'theories', 'object'],
  ['comparison', 'comparisons', 'object'],
];

/** The denied nouns of a frame as a regular-expression alternation, longest first. */
export const deniedNouns = (frame: DeniedFrame): string =>
  alternation(
    DENIED_NOUN_ROWS.filter(([, , ...frames]) => frames.includes(frame)).flatMap(([singular, plural]) =>
      frame === 'appositive' || plural === null ? [singular] : [singular, plural],
    ),
  );

/*
 * The words of the tail frames ("…, she said on Monday.", "…, said X, adding …", "…, according to X,
 * an analyst at Y."), read over tokens by tail-frames.ts.
 */

/** Words that open when or where a tail frame's speaker spoke: "said on Monday", "wrote on X late on Wednesday". */
export const TAIL_ADVERBIAL_OPENERS = words(`
  on in at during last this earlier later late over via after before to with told from when while yesterday today
  outside inside near following
`);
/** Who a tail frame's speaker told, in lower case: "…, she told reporters." */
export const TOLD_AUDIENCES = words(`reporters journalists lawmakers analysts investors supporters us`);
/** Words that may stand between a tail frame's speaker and its verb ("…, the firm has also said"), with any "-ly" adverb. */
export const BEFORE_TAIL_VERB = words(`has have had also later further then previously once again`);
/** Conjunctions that open a follow-up after a frame (", but experts cautioned …"), as does a gerund (", saying …"). */
export const FOLLOW_UP_CONJUNCTIONS = words(`and but though although while yet as because`);
/** Words that open an appositive after "according to X": "…, according to Karen Liu, president of …", "…, a study released …". */
export const APPOSITIVE_OPENERS = words(`a an the its his her their`);
/** What a report calls the public body it is about once it has named it: "the authority" for "Kelderby Regional Transit". */
export const PUBLIC_BODY_NOUNS = words(`authority agency regulator commission board service inspectorate directorate bureau`);
/** What the article calls a business: "the company", "the firm". */
export const BUSINESS_NOUNS = words(`company firm`);
/** Kinds of body a business never is: "the union said" after a company spoke is not the company. */
export const NON_BUSINESS_BODIES = words(`union party charity university college institute foundation federation coalition alliance league`);
/** Participles that open a sentence with an origin of its own: "Founded in 1978, the company …", "Born in 1935 in X, he …". */
export const ORIGIN_PARTICIPLES = words(`founded established built born opened launched formed incorporated headquartered`);
/** Units a dated event is counted in: ", two days after the union rejected …". */
export const TIME_UNITS = words(`hour hours day days week weeks month months year years`);
/** Words that count units before "after" or "before": ", two days after", ", a week before". */
export const COUNT_WORDS = words(`a an one two three four five six seven eight nine ten eleven twelve several`);
/** Participles that give a name rather than state a fact: "known as CTX-417", "a log called Quarry Grey". */
export const NAMING_PARTICIPLES = words(`known called named dubbed nicknamed titled branded marketed`);
/** The last word of a street's name: "Mill Lane", "Quay Street". */
export const STREET_WORDS = words(`street road lane avenue square way drive place row terrace close crescent quay wharf parade boulevard`);
/** Nouns a speaker phrase may end in, besides members, titles, bodies and documents: "the operator said", "critics say". */
export const SPEAKER_NOUNS = words(`
  ministry government company firm administration president minister police prosecutors investigators
  authorities lawmakers legislators doctors activists protesters workers unions scholars historians critics
  supporters opponents economist analyst campaigners regulators diplomats leaders spokesperson spokesman
  spokeswoman representatives governments panel newspaper club group association department council authors
  team brokers bankers dealers executives managers employees students parents teachers nurses farmers
  shippers owners fans voters shoppers users customers consumers patients survivors victims families relatives
  neighbours neighbors locals members paper note indictment complaint lawsuit affidavit documents forecast
  forecasters service manufacturer maker owner operator developer producer supplier retailer insurer lender
  forecaster watchdog coroner landlord
`);
/** Nouns for a person, which a name "called" or "named" after them still names a person by: "a man named Tom Hale". */
export const PERSON_NOUNS = words(`
  man men woman women boy boys girl girls child children baby son sons daughter daughters brother sister
  husband wife mother father grandmother grandfather aunt uncle cousin friend neighbour neighbor partner
  person people resident residents teenager pensioner widow widower
`);
/** Participles that describe a document after "according to": "…, according to the survey, published in May". */
export const DOCUMENT_PARTICIPLES = words(`released published issued compiled conducted prepared commissioned`);
