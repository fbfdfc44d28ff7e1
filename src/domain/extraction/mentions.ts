import { SourceKind, type SourceRef } from '../types';
import { alternation, documentPattern, NAMING_PARTICIPLES, PERSON_NOUNS, STREET_WORDS, TITLES, VERBS } from './lexicon';
import { parseTitled, personName, tidy, withoutCircumstance } from './speaker';
import { normalizeSourceName } from '../sources';
import { classifySource } from './sources';

/** One place an article names a source. */
export interface Mention {
  ref: SourceRef;
  position: number;
  /** Nouns the article used for this source ("the company", "researchers at X"). */
  nouns: ReadonlySet<string>;
  /** Whether it spoke (was a claim's source) or was a sentence's subject, rather than only being named. */
  spoke: boolean;
}

/** What an article says about its sources before any sentence is read. */
export interface ArticleMentions {
  /** Every mention found, in order of position. */
  mentions: Mention[];
  /** The place a local story is about ("Springfield"), so "the city’s" and "city officials" can be named. */
  city: string | null;
  /** The county a local story is about ("Harlow"), so "the county’s board" can be named. */
  county: string | null;
  /** How often each capitalised word occurs: the article's main actors are named most. */
  salience: Map<string, number>;
}

// Titles are matched in either case of their first letter ("Mayor Jane Doe", "manager Graham Holt"), names only capitalised.
// Grouped by first letter ("[Pp](?:resident|remier|rime|…)"), each group in the list's order: only titles with the
// same first letter can compete at one place, so the matches are those of the flat list, tried once per letter.
const TITLE_WORDS = (() => {
  const byLetter = new Map<string, string[]>();
  for (const title of TITLES) {
    const letter = `[${title.charAt(0).toUpperCase()}${title.charAt(0)}]`;
    const rest = title.slice(1).replace(/\./g, '\\.');
    const group = byLetter.get(letter);
    if (group) group.push(rest);
    else byLetter.set(letter, [rest]);
  }
  return [...byLetter].map(([letter, rests]) => `${letter}(?:${rests.join('|')})`).join('|');
})();
const eitherCase = (words: string[]): string => words.map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`).join('|');
const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}`;
// "U.S. Treasury Secretary John Smith", "Mayor Jane Doe": a title and a capitalised name after it.
const TITLED_PERSON = new RegExp(String.raw`(?:(?:\p{Lu}[\p{L}.’'-]*\s+){0,3})(?:(?:${TITLE_WORDS})\s+)+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2}`, 'gu');
// "Jane Doe, a spokesperson for the department" / "the player’s agent, Marco Rossi,".
const DESCRIBED_PERSON = new RegExp(String.raw`(?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?(${NAME}),\s+(?:an?|the|one of)\s+[^,.;]*?\b(?:at|for|of|with|from)\s+((?:the\s+)?[^,.;]+)`, 'gu');
const NAME_AFTER_ROLE = new RegExp(String.raw`\b(?:${TITLE_WORDS}),\s+(${NAME}),`, 'gu');
// "Acme Biotech, the Boston-based company developing the drug".
const DESCRIBED_ORGANISATION =
  /((?:\p{Lu}[\p{L}&’'.-]*\s+){0,4}\p{Lu}[\p{L}&’'.-]*),\s+(?:the|a|an)\s+(?:[\p{L}\d-]+\s+){0,3}?(company|firm|group|club|team|newspaper|paper|agency|organi[sz]ation|charity|bank|network|union|party|startup|maker|manufacturer|developer|producer|publisher|broadcaster|retailer|insurer|lender|regulator|watchdog|university|institute|hospital|school|association|coalition|outlet|tabloid|daily)\b/gu;
// "the security firm Northlight Labs", "Telecom operator Acme Mobile": a kind of business before its name.
const KIND_BEFORE_ORGANISATION =
  /\b([Cc]ompany|[Ff]irm|[Gg]roup|[Oo]perator|[Cc]arrier|[Rr]etailer|[Ll]ender|[Ii]nsurer|[Aa]irline|[Bb]roadcaster|[Pp]ublisher|[Dd]eveloper|[Mm]anufacturer|[Pp]roducer|[Ss]tartup|[Ss]upplier|[Pp]rovider|[Dd]istributor|[Uu]tility|[Cc]hipmaker|[Cc]armaker|[Dd]rugmaker|[Aa]utomaker)\s+((?:\p{Lu}[\p{L}&’'.-]*\s+){0,3}\p{Lu}[\p{L}&’'.-]*)/gu;
// "Researchers at the Smith Institute": "the researchers" later means that institute.
const MEMBERS_AT = new RegExp(
  String.raw`\b(${eitherCase(['researchers', 'scientists', 'analysts', 'economists', 'officials', 'experts', 'doctors', 'engineers', 'lawyers', 'investigators', 'spokesperson', 'spokesman', 'spokeswoman'])})\s+(?:at|from|for|with)\s+((?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|for|and|&|on)\s+)?\p{Lu}[\p{L}’'.-]*)*)`,
  'gu',
);
// "a report by the city’s Department of Public Utilities": "the report found" later means that department.
// Who commissioned a report paid for it; only its author speaks through it.
const DOCUMENT_BY = new RegExp(
  String.raw`\b(${documentPattern('byline')})(?:,?\s+(?:released|published|issued|posted|compiled|conducted|prepared|(analy[sz]ed))(?:\s+[\p{L}\d]+){0,3}?)?\s+(?:by|from|of)\s+((?:the\s+)?(?:\p{Ll}+[’']s\s+|(?:county|state|city)\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|for|and|&|on)\s+)?\p{Lu}[\p{L}’'.-]*)*|(?:the\s+)?(?:city|county|state)[’']s\s+(?:own\s+)?(?:\p{Ll}+\s+){0,2}(?:department|agency|office|board|commission|authority|auditor|regulator|watchdog))`,
  'gu',
);
// "China's Ministry of Commerce", "the Department of Justice", "the State Department".
const GOVERNMENT_BODY =
  /(?:\p{Lu}[\p{L}.]*[’']s\s+|the\s+(?:\p{Lu}[\p{L}.]*\s+)?)(?:Ministry|Department|Office|Bureau|Agency|Commission|Administration)(?:\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}-]*)*)?/gu;
// A capitalised run: the candidates for people and organisations named in passing.
// Its words are on one line: a heading ("Outlook") and the name opening the paragraph under it are two runs.
const CAPITALISED_RUN = /(?<![\p{L}’'-])\p{Lu}[\p{L}&’'.-]*(?:[^\S\n]+(?:(?:of|for|and|&|on|de|von|van)[^\S\n]+)?\p{Lu}[\p{L}&’'.-]*)*/gu;
// Capitalised only because they open a sentence: "Outside Riverton’s ground" names Riverton, not "Outside Riverton".
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'to', 'of', 'as', 'after', 'before', 'during', 'outside', 'inside', 'despite', 'under', 'among', 'amid', 'asked', 'meanwhile', 'however', 'while', 'when', 'if', 'but', 'and', 'both', 'any', 'each', 'every', 'such', 'until', 'unlike', 'like', 'without', 'within', 'across', 'behind', 'beyond', 'near', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'some', 'many', 'most', 'all', 'no', 'not', 'yet', 'so', 'since', 'although', 'though', 'still', 'also', 'then', 'now', 'there', 'here', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'according', 'concurrently', 'separately', 'later', 'earlier', 'last', 'next']);
const withoutOpener = (run: string): string => {
  const [first, ...rest] = run.split(' ');
  if (rest.length > 0 && SENTENCE_OPENERS.has(first.toLowerCase())) return rest.join(' ');
  // "Shares of Acme Semiconductor": a common noun before "of" is not part of the name.
  if (rest[0] === 'of' && rest.length > 1 && classifySource(first) === SourceKind.UNKNOWN && !/^(?:Bank|University|Institute|Ministry|Department|Office|Board|College|Council|Church|House|Court|Republic|Kingdom|State|City|Museum|School)$/.test(first)) {
    return rest.slice(1).join(' ');
  }
  return run;
};

// The place a local story is about: "the Springfield City Council", "the City of Springfield".
// "Springfield Mayor Jane Doe" names the city as well.
const CITY = /\b(?:City|Town) of (\p{Lu}[\p{L}-]+)|\b(?!(?:Deputy|Former|Acting|Vice|Assistant|Interim)\b)(\p{Lu}[\p{L}-]+) (?:(?:City|Town) (?:Council|Hall|Commission|Manager|Clerk)|Mayor(?= \p{Lu}))\b/u;
// "MESTRA, Veskoria (CPA) —", "OSLO, May 2 (Wire) -": a wire story's dateline names the city it is filed from.
const DATELINE_CITY = /^\s*(\p{Lu}{3,}(?:[ -]\p{Lu}{2,})?)(?:,\s+[^()\n]{2,30}?)?\s+\([^)]{2,40}\)\s+[—–-]/u;
const titleCase = (word: string): string => word.toLowerCase().replace(/(^|[ -])(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
/** A name found by a pattern, cut where its sentence ends ("the Congressional Budget Office. The CBO"). */
const nameAt = (raw: string): string =>
  withoutCircumstance(tidy(raw.split(/(?<=\p{Ll}{2}\.)\s+/u)[0]))
    .replace(/^the\s+/, '')
    // "the city’s own auditor" is the city’s auditor.
    .replace(/([’']s?)\s+own\s+(?=\p{L})/u, '$1 ');
// "The researchers, led by Dr. Ann Lee of the University of Leeds": the study is that university's.
const LED_BY =
  /\b([Rr]esearchers|[Ss]cientists|[Aa]uthors|[Tt]eam|[Ss]tudy)\b[^.;]{0,20}?,?\s+led by\s+[^,;]{0,80}?\b(?:of|at|from)\s+((?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for|and|&|on)\s+)?\p{Lu}[\p{L}’'-]*)*)/gu;

const NUMBERS = ['data', 'figures', 'statistics', 'numbers'];
const RESEARCHERS = new Set(['researchers', 'scientists']);
const RESEARCH_NOUNS = ['study', 'paper', 'authors', 'team', 'research', 'findings', 'report'];
// "Acme said in a regulatory filing", "Acme issued a statement": "the filing showed", "the statement said" later mean Acme.
const SAID_IN_DOCUMENT = new RegExp(
  String.raw`(\p{Lu}[\p{L}&’'.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}&’'.-]*){0,4})\s+(?:(?:${VERBS.alternation(VERBS.tensed('speaksInDocument'))})\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?in|issued|released|published|put out|posted)\s+(?:a|an|its|the)\s+(?:[\p{L}-]+\s+){0,2}?(${documentPattern('saidIn')})\b`,
  'gu',
);

// Names that end like a business's, so "the company" can mean them.
const COMPANY_SUFFIX =
  /\b(?:Inc|Corp|Corporation|Co|Ltd|LLC|PLC|plc|GmbH|AG|SA|Group|Holdings|Therapeutics|Pharmaceuticals|Pharma|Minerals|Metals|Mining|Energy|Oil|Motors|Airlines|Semiconductor|Semiconductors|Technologies|Systems|Software|Labs|Industries|Enterprises|Foods|Capital|Partners|Securities|Bank)\.?$/;

const singular = (noun: string): string => noun.replace(/(?<=[^s])s$/, '');

/** "the city’s Department of Public Utilities" is the named city's department; "the county Board" the named county's. */
export const localise = (name: string, city: string | null, county: string | null = null): string => {
  const inCity = city ? name.replace(/^(?:the\s+)?city[’']s\s+/i, `${city} `) : name;
  // "county" before a capitalised body is the county the story names: "Harlow County Board of Supervisors".
  return county ? inCity.replace(/^(?:the\s+)?county(?:[’']s)?\s+(?=\p{Lu})/iu, `${county} County `) : inCity;
};

// "Harlow County", named most often: the county of a local story.
const COUNTY = /\b(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+[Cc]ounty\b/gu;

const mostNamedCounty = (body: string): string | null => {
  const counts = new Map<string, number>();
  for (const match of body.matchAll(COUNTY)) {
    const name = withoutOpener(match[1]);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

// Where a street is: "on Mill Lane", "in Quay Street", "off Harbour Road".
const PLACE_BEFORE = /\b(?:on|in|at|along|off|near|down|up|from|into)\s+$/;
const THING_CALLED = new RegExp(
  String.raw`(\p{L}+)[,]?\s+(?:(?:she|he|they|we|I|locals|everyone)\s+)?(?:calls?|names?|nicknames?|known as|${alternation([...NAMING_PARTICIPLES].filter((w) => w !== 'known'))})\s+(?:the\s+)?[“"‘]?$`,
  'u',
);
const OUTLET_BEFORE = /\b(?:(?:an?|the|its)\s+(?:\p{Ll}+\s+)?interview\s+(?:with|on)|told|speaking\s+to|in\s+comments\s+to|writing\s+in|an\s+op-ed\s+in)\s+(?:the\s+)?$/iu;

// The edges of a word standing alone: no letter (or apostrophe, hyphen) before it, no letter or hyphen after it.
const JOINS_BEFORE = /[\p{L}’'-]/u;
const JOINS_AFTER = /[\p{L}-]/u;
const SPACE = /\s/;
const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
/** The character (code point) that ends at `at`; "" at the start. */
const characterBefore = (text: string, at: number): string =>
  at <= 0 ? '' : at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? text.slice(at - 2, at) : text[at - 1];
/** The character (code point) that starts at `at`; "" at the end. */
const characterAt = (text: string, at: number): string => (at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '');

/**
 * Whether `word` occurs in `body` as a word of its own (not inside a longer one) at some place `excluded`
 * does not rule out. A scan for the word itself: the article is not searched with a pattern built per name.
 */
const standsAlone = (body: string, word: string, excluded: (start: number, end: number) => boolean): boolean => {
  for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) {
    // Never from inside a character written as two code units.
    if (at > 0 && isLow(body.charCodeAt(at)) && isHigh(body.charCodeAt(at - 1))) continue;
    const end = at + word.length;
    if (JOINS_BEFORE.test(characterBefore(body, at)) || JOINS_AFTER.test(characterAt(body, end))) continue;
    if (!excluded(at, end)) return true;
  }
  return false;
};

/**
 * "Ostrander Creamery … Ostrander brie": a two-word name whose first word the article uses alone and whose
 * last word never stands alone is a business, not a person (a person is called by the surname).
 */
const readsAsBusiness = (body: string, run: string): boolean => {
  const words = run.split(' ');
  if (words.length !== 2 || classifySource(run) !== SourceKind.PERSON || parseTitled(run)) return false;
  const [first, last] = words;
  // The first word, not followed by the last after white space.
  const beforeLast = (_: number, end: number): boolean => {
    for (let at = end; at < body.length && SPACE.test(body[at]); at += 1) if (body.startsWith(last, at + 1)) return true;
    return false;
  };
  // The last word, not after the first and white space.
  const afterFirst = (start: number): boolean => {
    for (let at = start - 1; at >= 0 && SPACE.test(body[at]); at -= 1) if (at >= first.length && body.startsWith(first, at - first.length)) return true;
    return false;
  };
  return standsAlone(body, first, beforeLast) && !standsAlone(body, last, afterFirst);
};

/** The last of `mentions` (in order of position) at or before `at`, found by halving. */
const lastNamedBy = (mentions: readonly Mention[], at: number): Mention | undefined => {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].position <= at) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? mentions[low - 1] : undefined;
};

/** People and organisations named in passing, and every later use of a known person's surname. */
const scanNamesInPassing = (body: string, mentions: Mention[], add: (ref: SourceRef, position: number, nouns?: string[]) => void): void => {
  const knownNames = new Set(mentions.map((m) => normalizeSourceName(m.ref.name)));
  // Whether a name reads as a business is a question about the whole body: asked once per name, not per mention.
  const businessNames = new Map<string, boolean>();
  const readsAsBusinessOnce = (run: string): boolean => {
    let answer = businessNames.get(run);
    if (answer === undefined) {
      answer = readsAsBusiness(body, run);
      businessNames.set(run, answer);
    }
    return answer;
  };
  const known = (name: string): boolean => knownNames.has(normalizeSourceName(name));
  for (const match of body.matchAll(CAPITALISED_RUN)) {
    // A run never goes on past the end of a sentence ("on Wednesday. He also…", "of St. Aldric’s. He said…").
    let offset = 0;
    for (const piece of match[0].split(/(?<=\p{Ll}[’']?\p{Ll}\.)\s+/u)) {
      // "Acme Airlines’ bid": a plural possessive's apostrophe is not part of the name.
      const pieceAt = (match.index ?? 0) + match[0].indexOf(piece, offset);
      const trimmed = piece.replace(/[’']s$|(?<=s)[’']$/, '').replace(/[.,]$/, '');
      // "“Joining Northwind is …": a sentence's capitalised gerund is not a first name.
      const opensSentence = pieceAt === 0 || /(?:[.!?]\s+|[“"(]|\n\s*)$/.test(body.slice(Math.max(0, pieceAt - 3), pieceAt));
      const run = withoutCircumstance(withoutOpener(opensSentence ? trimmed.replace(/^\p{Lu}\p{Ll}{3,}ing\s+(?=\p{Lu})/u, '') : trimmed));
      const position = pieceAt + piece.indexOf(run);
      offset = match[0].indexOf(piece, offset) + piece.length;
      // "said in an interview with Radio Caledonia", "told The Tribune": who is told is an outlet, never the speaker.
      if (OUTLET_BEFORE.test(body.slice(Math.max(0, position - 40), position)) && !parseTitled(run)) {
        add({ name: run, kind: SourceKind.PUBLICATION, affiliation: null }, position);
        knownNames.add(normalizeSourceName(run));
        continue;
      }
      // "the bakery on Mill Lane", "a flat in Quay Street": a street's name, not a person's ("Nathan Lane said" is one).
      if (STREET_WORDS.has(run.split(' ').pop()?.toLowerCase() ?? '') && run.includes(' ') && PLACE_BEFORE.test(body.slice(Math.max(0, position - 8), position))) {
        knownNames.add(normalizeSourceName(run));
        continue;
      }
      // "a soft log she calls Quarry Grey", "a goat named Old Mab": a thing's name, not a person's ("a man named …" is one).
      const calledBy = THING_CALLED.exec(body.slice(Math.max(0, position - 40), position))?.[1];
      if (calledBy !== undefined && !PERSON_NOUNS.has(calledBy.toLowerCase())) {
        knownNames.add(normalizeSourceName(run));
        continue;
      }
      const kind = readsAsBusinessOnce(run) ? SourceKind.ORGANIZATION : classifySource(run);
      // Every mention counts, so "a spokesperson" speaks for the institution named last.
      if ((kind === SourceKind.ORGANIZATION || kind === SourceKind.GOVERNMENT) && run.includes(' ')) {
        // "Acme Minerals", "Acme Semiconductor Inc." are what "the company" means later.
        add({ name: run, kind, affiliation: null }, position, COMPANY_SUFFIX.test(run) ? ['company', 'firm'] : []);
      }
      // "U.S. District Judge Carla Mendes" is Carla Mendes.
      // "Dr. Imran Qureshi, North Vale’s director of public health": the owner in an appositive employs the person.
      const employer = /^,\s*$/.test(body.slice(Math.max(0, position - 2), position)) && APPOSITIVE_OWNER.test(body.slice(position + run.length, position + run.length + 40));
      const person = kind === SourceKind.PERSON && !employer ? personName(run) : null;
      if (person && !known(person)) {
        add({ name: person, kind, affiliation: parseTitled(run)?.affiliation ?? null }, position + run.indexOf(person));
        knownNames.add(normalizeSourceName(person));
      }
    }
  }
  // Each surname points at the people who bear it, in the order the article names them.
  const bySurname = new Map<string, Mention[]>();
  for (const m of [...mentions].sort((a, b) => a.position - b.position)) {
    if (m.ref.kind !== SourceKind.PERSON) continue;
    const surname = m.ref.name.split(' ').pop() ?? '';
    const bearers = bySurname.get(surname);
    if (bearers) bearers.push(m);
    else bySurname.set(surname, [m]);
  }
  for (const match of body.matchAll(/(?<![\p{L}’'-])\p{Lu}[\p{L}’'-]+/gu)) {
    const at = match.index ?? 0;
    const owner = lastNamedBy(bySurname.get(match[0].replace(/[’']s$/, '')) ?? [], at);
    if (owner) add(owner.ref, at);
  }
};

// "’s director of public health", "’s chief executive": a role that the owner before it gives.
const APPOSITIVE_OWNER = new RegExp(String.raw`^[’']s\s+(?:[\p{Ll}-]+\s+)?(?:${TITLE_WORDS})\b`, 'u');

// The words a newspaper's name ends in after its town: "Portmere Daily", "Brenholm Evening Standard", "The Harwick Post".
const MASTHEAD_WORDS = new Set(`
  times post journal herald tribune news courier gazette ledger telegraph chronicle magazine daily weekly review
  observer guardian standard express mail sentinel inquirer examiner evening morning today wire dispatch record star
  press echo advertiser argus bulletin register recorder citizen leader mercury pioneer reporter world voice
`.trim().split(/\s+/));

/**
 * A local paper is named after its town: "the city" of an article whose publisher is "Portmere Daily" is
 * Portmere, when the article speaks of "the city" and names Portmere itself at least twice.
 */
const mastheadCity = (body: string, publisher: string | null): string | null => {
  if (!publisher || !/\bthe city\b/i.test(body)) return null;
  const words = publisher.trim().replace(/^The\s+/, '').split(/\s+/);
  const masthead = words.findIndex((w) => MASTHEAD_WORDS.has(w.toLowerCase()));
  if (masthead < 1 || masthead > 2 || !words.slice(masthead).every((w) => MASTHEAD_WORDS.has(w.toLowerCase()))) return null;
  const town = words.slice(0, masthead).join(' ');
  if (!words.slice(0, masthead).every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return null;
  // Named on its own, not only inside the paper's name.
  const own = new RegExp(String.raw`(?<![\p{L}-])${town.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}-])(?!\s+(?:${words.slice(masthead).join('|')})\b)`, 'gu');
  return (body.match(own) ?? []).length >= 2 ? town : null;
};

/** Finds the people and institutions an article names: by title, description, membership, authorship and name. */
export const scanMentions = (body: string, publisher: string | null = null): ArticleMentions => {
  const mentions: Mention[] = [];
  const salience = new Map<string, number>();
  for (const word of body.match(/\p{Lu}[\p{L}-]+/gu) ?? []) salience.set(word, (salience.get(word) ?? 0) + 1);
  const cityMatch = CITY.exec(body);
  const dateline = DATELINE_CITY.exec(body);
  const city = cityMatch ? (cityMatch[1] ?? cityMatch[2]) : dateline ? titleCase(dateline[1]) : mastheadCity(body, publisher);
  const county = mostNamedCounty(body);
  const add = (ref: SourceRef, position: number, nouns: string[] = []): void => {
    mentions.push({ ref: { ...ref, name: localise(ref.name, city, county) }, position, nouns: new Set(nouns.flatMap((n) => [n, singular(n)])), spoke: false });
  };
  for (const match of body.matchAll(TITLED_PERSON)) {
    const titled = parseTitled(match[0]);
    if (!titled || !personName(match[0])) continue;
    add({ name: titled.name, kind: SourceKind.PERSON, affiliation: titled.affiliation }, match.index ?? 0);
    if (titled.affiliation && classifySource(titled.affiliation) !== SourceKind.PERSON) {
      add({ name: titled.affiliation, kind: classifySource(titled.affiliation), affiliation: null }, match.index ?? 0);
    }
  }
  for (const match of body.matchAll(DESCRIBED_PERSON)) {
    const name = personName(match[1]);
    if (name) add({ name, kind: SourceKind.PERSON, affiliation: nameAt(match[2].split(/\s+(?:who|which|and|where)\s/)[0]) }, match.index ?? 0);
  }
  for (const match of body.matchAll(NAME_AFTER_ROLE)) {
    const name = personName(match[1]);
    if (name) add({ name, kind: SourceKind.PERSON, affiliation: null }, (match.index ?? 0) + match[0].indexOf(match[1]));
  }
  for (const match of body.matchAll(DESCRIBED_ORGANISATION)) {
    // The description says what it is, whatever its name looks like.
    // Only the sentence the description stands in: "in June. Layton Regional, a hospital" names Layton Regional.
    const last = match[1].split(/(?<=\p{Ll}{2}\.)\s+/u).pop() ?? match[1];
    const name = nameAt(last).replace(/^The\s+(?=\p{Lu})/u, '');
    add({ name, kind: SourceKind.ORGANIZATION, affiliation: null }, (match.index ?? 0) + match[1].lastIndexOf(last), [match[2]]);
  }
  for (const match of body.matchAll(KIND_BEFORE_ORGANISATION)) {
    const name = nameAt(match[2]).replace(/[’']s$/, '');
    // Businesses are "the company" whatever kind they are; "the operator" means this one.
    if (classifySource(name) !== SourceKind.GOVERNMENT) add({ name, kind: SourceKind.ORGANIZATION, affiliation: null }, (match.index ?? 0) + match[0].indexOf(match[2]), [match[1].toLowerCase(), 'company']);
  }
  for (const match of body.matchAll(MEMBERS_AT)) {
    const name = nameAt(match[2]);
    const member = match[1].toLowerCase();
    // "researchers at X": "the study", "the paper" and "the authors" are then X's too.
    const nouns = RESEARCHERS.has(member) ? [member, ...RESEARCH_NOUNS] : [member];
    add({ name, kind: classifySource(name) === SourceKind.PERSON ? SourceKind.ORGANIZATION : classifySource(name), affiliation: null }, match.index ?? 0, nouns);
  }
  for (const match of body.matchAll(SAID_IN_DOCUMENT)) {
    add({ name: nameAt(match[1]), kind: SourceKind.ORGANIZATION, affiliation: null }, match.index ?? 0, [match[2].toLowerCase()]);
  }
  for (const match of body.matchAll(LED_BY)) {
    const name = nameAt(match[2]);
    add({ name, kind: SourceKind.ORGANIZATION, affiliation: null }, match.index ?? 0, ['researchers', 'scientists', ...RESEARCH_NOUNS]);
  }
  for (const match of body.matchAll(DOCUMENT_BY)) {
    const name = nameAt(match[3]);
    // "the data" and "the figures" are one body of numbers, whichever word the article uses next;
    // numbers "analysed by" someone make "the analysis" theirs too.
    // "an investigation by X": its investigators and their report are X's.
    const inquiry = match[1] === 'investigation' || match[1] === 'inquiry' ? ['investigators', 'report', 'findings'] : [];
    const nouns = [...(NUMBERS.includes(match[1]) ? NUMBERS : [match[1]]), ...(match[2] ? ['analysis'] : []), ...inquiry];
    add({ name, kind: classifySource(localise(name, city, county)), affiliation: null }, match.index ?? 0, nouns);
  }
  for (const match of body.matchAll(GOVERNMENT_BODY)) {
    add({ name: match[0].replace(/^the\s+/, ''), kind: SourceKind.GOVERNMENT, affiliation: null }, match.index ?? 0, ['body']);
  }
  scanNamesInPassing(body, mentions, add);
  mentions.sort((a, b) => a.position - b.position);
  return { mentions, city, county, salience };
};
