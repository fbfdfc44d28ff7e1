import { SourceKind } from '../types';
import {
  DEMONYMS,
  documentPattern,
  GENERIC_HEADS,
  GOVERNMENT_WORDS,
  GROUP_PRONOUNS,
  MEMBER_NOUNS,
  ORGANIZATION_DESCRIPTOR,
  ORGANIZATION_WORDS,
  PERSON_PRONOUNS,
  STATEMENT_WRAPPER,
  THING_PRONOUNS,
  TITLES,
  VAGUE_SPEAKERS,
} from './lexicon';
import { remembered } from './memo';
import { classifySource, looksLikePersonName } from './sources';

/** How a speaker phrase points at its source before the article's other mentions are consulted. */
export type SpeakerReference =
  | { type: 'named' }
  | { type: 'pronoun'; pronoun: 'person' | 'group' | 'thing' }
  // "the company", "the researchers", "city officials": a source the article named elsewhere.
  // `byName`: a word bodies are named with ("the museum"), which means only a body whose name holds it.
  | { type: 'generic'; kind: SourceKind; noun: string; modifiers: string[]; definite?: boolean; byName?: boolean }
  // "Addo's representatives": people speaking for a named source.
  | { type: 'representatives'; owner: string; noun: string }
  // "a former engineer at the company": someone who no longer speaks for the organisation named.
  | { type: 'former'; owner: string; noun: string };

/** A speaker phrase read on its own: "U.S. Treasury Secretary John Smith" → John Smith, U.S. Treasury. */
export interface ParsedSpeaker {
  name: string;
  affiliation: string | null;
  kind: SourceKind;
  reference: SpeakerReference;
}

const isCapitalised = (word: string): boolean => /^[\p{Lu}\d]/u.test(word);
const bareWord = (word: string): string => word.toLowerCase().replace(/[,;:]+$/, '');
export const isTitle = (word: string): boolean => TITLES.has(bareWord(word)) || TITLES.has(`${bareWord(word)}.`);

// "the report, released Tuesday by X", "court documents filed by prosecutors": the document is its author's.
const DOCUMENT_BY_AUTHOR = new RegExp(
  String.raw`^(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${documentPattern('authored')})\s*,?\s+(?:released|published|issued|compiled|conducted|prepared|filed|submitted|written|brought|analy[sz]ed|posted|provided|supplied|shared|collected)\b.*?\bby\s+([^,]+)`,
  'iu',
);

// "a timeline the city released on Tuesday": whoever put the document out speaks through it.
const DOCUMENT_OWNER_CLAUSE = new RegExp(
  String.raw`^(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${documentPattern('released')})\s+((?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|for|and|&)\s+)?\p{Lu}[\p{L}’'.-]*)*|(?:the|its|their)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)\s+(?:released|published|issued|posted|filed|put out|sent|shared)\b`,
  'u',
);

/** The kind of source a generic noun stands for, when it is one of the nouns for sources. */
const listedKind = (noun: string): SourceKind | null => {
  if (noun in GENERIC_HEADS) return GENERIC_HEADS[noun];
  // "the chipmaker", "the carmaker", "the drugmaker", "the retailer", "the lender".
  if (ORGANIZATION_DESCRIPTOR.test(noun)) return SourceKind.ORGANIZATION;
  if (noun === 'officials' || noun === 'official') return SourceKind.GOVERNMENT;
  if (VAGUE_SPEAKERS.has(noun) || MEMBER_NOUNS.has(noun)) return SourceKind.UNKNOWN;
  return null;
};

const genericKind = (noun: string): SourceKind | null => listedKind(noun) ?? nameWordKind(noun);

/** Any word institutions are named with ("the museum", "the office") points back to the body so named. */
const nameWordKind = (noun: string): SourceKind | null =>
  ORGANIZATION_WORDS.has(noun) ? SourceKind.ORGANIZATION : GOVERNMENT_WORDS.has(noun) ? SourceKind.GOVERNMENT : null;

// "data from the Freight Council": numbers need no article to be someone's.
const BARE_DATA_FROM = new RegExp(String.raw`^(?:${documentPattern('fromSource')})\s+(?:from|by|of|compiled by|published by|released by)\s+`, 'i');

// "LSEG data", "the conference’s report": the owner of the numbers or the document speaks.
const OWNED_DOCUMENT = new RegExp(
  String.raw`^(.+?)(?:(?:[’']s?)?\s+(?:own\s+)?(?:${documentPattern('counted')})|[’']s?\s+(?:own\s+)?(?:[a-z\d][a-z\d-]*\s+){0,3}?(?:${documentPattern('possessed')}))$`,
  'i',
);
// "Office for National Statistics", "Office of Statistics", "Clearwater Data": a capitalised word, or "of", "for"
// or "and" inside a name, before a capitalised last word (a possessive owns it: "Acme’s Figures").
const NAME_ENDING_IN_DOCUMENT = /(?:\p{Lu}[\p{L}.&-]*(?<![’']s?)|\s(?:of|for|and))\s+\p{Lu}\p{Ll}+$/u;
// Words that can stand before "data" without owning it: "the data", "these new figures".
const OWNERLESS = /^(?:(?:the|these|those|this|that|such|new|latest|official|preliminary|final|raw|annual|federal|state|recent|early|more|other|some|any|all|available|published)\s*)+$/i;
// "X on Tuesday", "X last week", "X in a statement", "its report for July": when or how a source spoke, or what
// period it spoke of, is not its name.
const TRAILING_CIRCUMSTANCE =
  /\s+(?:(?:on|late on|early on|earlier on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this|earlier this|late last|next)\s+(?:week|month|year|night|morning|spring|summer|autumn|fall|winter)|yesterday|today|in\s+(?:a|an|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|release|filing|report|letter|post|interview|email|memo)|(?:in|for)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|for\s+(?:the\s+)?(?:first|second|third|fourth|last|latest|past)\s+(?:quarter|half|year|month|week))$/u;

/** A speaker phrase without the time or document it came in: "the agency on Tuesday" is the agency. */
export const withoutCircumstance = (phrase: string): string => {
  let current = phrase;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(TRAILING_CIRCUMSTANCE, '');
  }
  return current;
};

// A spokesperson for a body, then the spokesperson's name: "A spokeswoman for the Department of Health, Jane Morrow".
const NAMED_SPOKESPERSON = /^(?:the|a|an)\s+(?:\p{Ll}+\s+)?(?:spokesperson|spokesman|spokeswoman|official)\s+(?:for|at|of|with|from)\s+(?:the\s+)?(\p{Lu}[^,]*),\s*([^,]+)$/iu;

/** Removes what only describes the statement: "the recent statement from X" is X. */
const unwrapStatement = (phrase: string): string => {
  let current = phrase;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(STATEMENT_WRAPPER, '').replace(BARE_DATA_FROM, '');
  }
  return current;
};

/** "the Chinese government" reads as "Chinese government"; a proper "The Policy Board" keeps its "The". */
// "documents filed by prosecutors" names "Prosecutors", written as a source is.
const capitalise = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

const dropArticle = (phrase: string): string => phrase.replace(/^(?:the|a|an)\s+/, '');

export const tidy = (phrase: string): string =>
  phrase
    .trim()
    // "the Coastal Safety Investigation Board (CSIB)": the acronym after a name is not part of it, nor is a
    // listing's ticker ("Norrander ASA (OSE: NORR)").
    .replace(/\s*\(\p{Lu}[\p{L}]{1,9}:\s*\p{Lu}[\p{Lu}\d.]{0,9}\)/gu, '')
    .replace(/\s+\(\p{Lu}[\p{Lu}\d&.-]{1,9}\)?[,.;:]?$/u, '')
    .replace(/^[“"‘'(,\s]+|[”"’'),.:;\s]+$/g, '')
    .replace(/^(?:and|but|while|as|also)\s+/i, '')
    .replace(/\s+/g, ' ');

const affiliationOf = (words: string[]): string | null => {
  const text = tidy(words.join(' ')).replace(/[’']s$/, '');
  if (!text) return null;
  // "Chinese" alone says only the country, which is not an affiliation worth keeping.
  if (DEMONYMS[text.toLowerCase()] || !isCapitalised(text.replace(/^the\s+/i, ''))) return null;
  return text;
};

/** "U.S. Treasury Secretary John Smith", "Acme's chief executive Ann Lee", "Mayor Jane Doe". */
const readTitled = (phrase: string): { name: string; affiliation: string | null } | null => {
  const words = phrase.split(' ');
  for (let t = words.length - 2; t >= 0; t -= 1) {
    if (!isTitle(words[t])) continue;
    const nameWords = words.slice(t + 1);
    if (nameWords.some(isTitle) && !looksLikePersonName(nameWords.join(' '))) continue;
    if (!nameWords.every((w) => isCapitalised(w) || /^(?:de|van|von|der|bin|al|la|le|da|di)$/.test(w))) continue;
    let titleStart = t;
    while (titleStart > 0 && isTitle(words[titleStart - 1])) titleStart -= 1;
    return { name: nameWords.join(' '), affiliation: affiliationOf(words.slice(0, titleStart)) };
  }
  return null;
};
export const parseTitled = remembered(readTitled);

/** A person's name without the titles before it: "Dr. Priya Raman" → "Priya Raman". */
const readPersonName = (phrase: string): string | null => {
  const titled = parseTitled(phrase);
  if (!titled) return looksLikePersonName(phrase) ? phrase : null;
  // After a title ("Mayor Elena Park") two to four capitalised words are a name, whatever they mean otherwise.
  const words = titled.name.split(' ');
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w)) ? titled.name : null;
};
export const personName = remembered(readPersonName);

const parsePronoun = (phrase: string): ParsedSpeaker | null => {
  const word = phrase.toLowerCase();
  const pronoun = PERSON_PRONOUNS.has(word) ? 'person' : GROUP_PRONOUNS.has(word) ? 'group' : THING_PRONOUNS.has(word) ? 'thing' : null;
  if (!pronoun) return null;
  return { name: phrase, affiliation: null, kind: SourceKind.UNKNOWN, reference: { type: 'pronoun', pronoun } };
};

/** "the company", "the utilities report", "researchers", "outside experts", "city officials". */
const parseGeneric = (phrase: string): ParsedSpeaker | null => {
  // Only a sentence-initial capital may be in it: "The group", "City officials"; what it was "published in" does not name it.
  const lowered = (phrase.charAt(0).toLowerCase() + phrase.slice(1)).replace(/\s+(?:published|released|conducted|carried out|issued|posted|unsealed|filed|made public)\b.*$/, '');
  // "the Frankfurt-based lender": a capitalised compound modifier still describes.
  const match = /^(?:(?:the|this|that|these|those|its|their|his|her|a|an)\s+)?((?:(?:[\p{Ll}\d-]+|\p{Lu}\p{L}*-\p{Ll}+)\s+){0,3})(\p{Ll}+)$/u.exec(lowered);
  if (!match) return null;
  const noun = match[2];
  const kind = genericKind(noun);
  if (kind === null) return null;
  const modifiers = match[1].trim().split(/\s+/).filter(Boolean);
  const byName = listedKind(noun) === null;
  return { name: dropArticle(lowered), affiliation: null, kind, reference: { type: 'generic', kind, noun, modifiers, definite: /^the\s/.test(lowered), byName } };
};

// "the Austin-based maker of …", "a nonprofit group": an appositive that says its head is an organisation.
const DESCRIBES_ORGANISATION = new RegExp(
  String.raw`^(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:${Object.keys(GENERIC_HEADS).filter((n) => GENERIC_HEADS[n] === SourceKind.ORGANIZATION).join('|')}|startup|nonprofit|${ORGANIZATION_DESCRIPTOR.source.replace(/^\(\?:|\)\$$/g, '')})\b`,
  'u',
);

const PUBLICATION_DESCRIPTOR = /\b(?:newspaper|paper|daily|weekly|magazine|tabloid|broadcaster|outlet|website|channel|station|journal)\s*$/;

const BUSINESS_KINDS = ['company', 'firm', 'group', 'operator', 'carrier', 'retailer', 'lender', 'insurer', 'airline', 'broadcaster', 'publisher', 'developer', 'manufacturer', 'producer', 'startup', 'supplier', 'provider', 'distributor', 'utility', 'chipmaker', 'carmaker', 'drugmaker', 'automaker'];
// A capital-led kind ("Telecom operator", "Carrier") directly before a capitalised name.
const BUSINESS_KIND_BEFORE = new RegExp(
  String.raw`^(?:\p{Lu}\p{Ll}+\s+)?(?:${BUSINESS_KINDS.map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`).join('|')})\s+(?=\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,3}$)`,
  'u',
);

const named = (name: string, affiliation: string | null): ParsedSpeaker => {
  // "the opposition Agrarian Party", "the state-owned Acme Rail": lower-case words before a name only describe it.
  const bare = tidy(name).replace(/^(?:the|a|an)\s+/i, '');
  // "Telecom operator Brightline Mobile", "Carrier Northway Rail": a kind of business before a name describes it.
  const business = BUSINESS_KIND_BEFORE.exec(bare);
  if (business) return { name: bare.slice(business[0].length), affiliation, kind: SourceKind.ORGANIZATION, reference: { type: 'named' } };
  const clean = bare.replace(/^(?!(?:county|state|city)\s)(?:[\p{Ll}-]+\s+){1,3}(?=\p{Lu}[\p{L}.’'&-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*\p{Lu}[\p{L}.’'&-]*)*$)/u, '');
  // "the newspaper Dagbladet": the description says what kind of source the name is.
  const outlet = clean !== bare && PUBLICATION_DESCRIPTOR.test(bare.slice(0, bare.length - clean.length));
  return { name: clean, affiliation, kind: outlet ? SourceKind.PUBLICATION : classifySource(clean), reference: { type: 'named' } };
};

const isInstitutionName = (name: string): boolean => {
  const kind = classifySource(name);
  return /\p{Lu}/u.test(name) && (kind === SourceKind.ORGANIZATION || kind === SourceKind.GOVERNMENT);
};

const person = (name: string, affiliation: string | null): ParsedSpeaker => ({
  name,
  affiliation,
  kind: SourceKind.PERSON,
  reference: { type: 'named' },
});

/** The organisation after "at", "for", "of", "with" or "from" in a description ("a neurologist at the institute"). */
const organisationIn = (description: string): string | null => {
  const at = /\b(?:at|of|for|with|from)\s+((?:the\s+)?\p{Lu}[^,]*?)(?:\s+(?:and|who|which)\b.*)?$/u.exec(description);
  return at ? tidy(at[1]).replace(/^the\s+/, '') : null;
};

/**
 * Reads who a speaker phrase names: pronouns and generic nouns are left for the article to resolve;
 * titles, "X from Y", "Y's X" and appositives give the person's name and affiliation.
 */
const readSpeaker = (raw: string): ParsedSpeaker => {
  // "A spokesman for Halvard Line, Per Olsen": the person named speaks for the body, whatever its name looks like.
  const spokesperson = NAMED_SPOKESPERSON.exec(tidy(raw));
  const spokespersonName = spokesperson ? personName(tidy(spokesperson[2])) : null;
  if (spokesperson && spokespersonName) return person(spokespersonName, tidy(spokesperson[1]));
  // "Kiprono himself" is Kiprono; "the city’s own auditor" is the city’s auditor.
  let phrase = withoutCircumstance(unwrapStatement(tidy(raw)))
    .replace(/\s+(?:himself|herself|themselves|itself)$/u, '')
    .replace(/(\b[Ii]ts|\b[Tt]heir|[’']s?)\s+own\s+(?=[\p{L}\d])/u, '$1 ');
  // "the report, released Tuesday by the Brookfield Housing Coalition, a nonprofit …" is the coalition's.
  const released = DOCUMENT_BY_AUTHOR.exec(phrase);
  // "nonpartisan Legislative Budget Office": a describing adjective is not part of the name.
  if (released) phrase = capitalise(withoutCircumstance(tidy(released[1])).replace(/^(?:the\s+)?(?!(?:county|state|city)\s)(?:\p{Ll}[\p{L}-]*\s+)+(?=\p{Lu})/u, ''));
  const ownerClause = DOCUMENT_OWNER_CLAUSE.exec(phrase);
  if (ownerClause) phrase = ownerClause[1];
  // "LSEG data", "its own figures", "the company's estimates": whose numbers they are is the source.
  // "the Office for National Statistics", "Clearwater Data": a capitalised noun ending a name is part of the name.
  const owned = NAME_ENDING_IN_DOCUMENT.test(phrase) ? null : OWNED_DOCUMENT.exec(phrase);
  // "The data", "the new figures" name no owner: a determiner or adjective is not a source.
  // "state port data": an owner no name or source noun stands for leaves the document itself the source.
  const ownerless = owned !== null && !/\p{Lu}/u.test(owned[1]) && !/^(?:its|their)$/i.test(owned[1]) && genericKind(owned[1].split(/\s+/).pop()?.replace(/[’']s?$/, '') ?? '') === null;
  if (owned && !OWNERLESS.test(owned[1]) && !ownerless) phrase = /^its$/i.test(owned[1]) ? 'it' : /^their$/i.test(owned[1]) ? 'they' : owned[1];
  // "Jane Doe, a spokesperson for the department" or "Its president, Ann Lee".
  const comma = /^([^,]+),\s*(.+)$/.exec(phrase);
  let describedAffiliation: string | null = null;
  if (comma) {
    const head = tidy(comma[1]);
    const appositive = tidy(comma[2].split(',')[0]);
    const headName = personName(head);
    const appositiveName = personName(appositive);
    // "The ship’s operator, Halvard Line": a head that is a kind of organisation names an organisation, however
    // person-like its name looks ("the union’s leader, Jane Doe" stays a person: a leader is not a body).
    const headNoun = /^(?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,3}(\p{Ll}+)$/iu.exec(head)?.[1] ?? '';
    const headKind = headNoun ? genericKind(headNoun) : null;
    const bareName = /^\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,3}$/u.test(appositive);
    if (!headName && headKind === SourceKind.ORGANIZATION && bareName) {
      return { name: appositive, affiliation: null, kind: headKind, reference: { type: 'named' } };
    }
    // "The group’s lawyers, Dunmore & Reid": people acting for someone, named as a firm.
    const firmName = /^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*\s+(?:&|and)\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*$/u.test(appositive);
    if (!headName && !appositiveName && /^(?:lawyers|solicitors|attorneys|advisers|advisors|auditors|consultants)$/.test(headNoun) && firmName) {
      return { name: appositive, affiliation: null, kind: SourceKind.ORGANIZATION, reference: { type: 'named' } };
    }
    if (!headName && appositiveName) {
      // "Acme’s chief executive, Ann Lee"; "A spokeswoman for the Department of Health, Jane Morrow" (the wrapper
      // already read off: the head is the body itself); "The chief executive of Northline Gas, Ana Petrova".
      const owner = /^(\p{Lu}[^’']*)[’']s\s/u.exec(head);
      const bare = head.replace(/^the\s+/i, '');
      const kind = /^\p{Lu}/u.test(bare) ? classifySource(bare) : null;
      const body = kind === SourceKind.ORGANIZATION || kind === SourceKind.GOVERNMENT ? bare : null;
      return person(appositiveName, owner ? tidy(owner[1]) : (body ?? organisationIn(head)));
    }
    // "The maker of the pill, Acme Pharma," is Acme Pharma: the appositive names what the head describes.
    const appositiveKind = classifySource(appositive);
    if (!headName && /^\p{Ll}/u.test(head.replace(/^(?:the|a|an)\s+/i, '')) && /^\p{Lu}/u.test(appositive) && (appositiveKind === SourceKind.ORGANIZATION || appositiveKind === SourceKind.GOVERNMENT)) {
      return named(appositive, null);
    }
    // "The miners’ union, Rudar,", "The Lille ferry operator, Sundlink,": a description ending in a kind of
    // organisation, then a bare name, is that organisation, whatever the name alone would be read as.
    if (!headName && (headKind === SourceKind.ORGANIZATION || headKind === SourceKind.GOVERNMENT) && bareName && !appositiveName) {
      return { name: appositive, affiliation: null, kind: headKind, reference: { type: 'named' } };
    }
    phrase = head;
    describedAffiliation = organisationIn(comma[2]);
  }
  // "The office of Governor Patricia Wend" speaks as an office, not as the governor in person.
  const office = /^(?:[Tt]he\s+)?(?:[Pp]ress\s+)?[Oo]ffice\s+of\s+(?:the\s+)?(\p{Lu}.*)$/u.exec(phrase);
  if (office) return { name: `Office of ${office[1]}`, affiliation: null, kind: SourceKind.GOVERNMENT, reference: { type: 'named' } };
  const pronoun = parsePronoun(phrase);
  if (pronoun) return pronoun;
  const generic = parseGeneric(phrase);
  if (generic) return generic;

  // "economists polled by Kappa Research": whoever ran the poll speaks for its result.
  const pollster = /^(?:[\p{L}\d,-]+\s+){1,6}?(?:polled|surveyed|questioned|interviewed|consulted)\s+by\s+((?:the\s+)?\p{Lu}.*)$/u.exec(phrase);
  if (pollster) return named(withoutCircumstance(pollster[1]), null);
  // "a former engineer at the company" speaks for themself, not for the company.
  const former = /^(?:(?:a|an|the|one|two|three|several)\s+)?(?:former|ex-)\s*((?:[\p{Ll}-]+\s+)?[\p{Ll}-]+?)\s+(?:at|for|of|with|from)\s+(.+)$/u.exec(phrase.charAt(0).toLowerCase() + phrase.slice(1));
  if (former) return { name: phrase, affiliation: null, kind: SourceKind.UNKNOWN, reference: { type: 'former', owner: former[2], noun: former[1] } };
  // "researchers at X", "a spokesperson for X": the organisation speaks.
  const member = /^(?:(?:the|a|an|two|three|several|some|many|one|other)\s+)?(?:[\p{L}-]+\s+)?([\p{L}-]+)\s+(?:at|for|from|of|with)\s+(.+)$/u.exec(phrase);
  if (member && MEMBER_NOUNS.has(member[1].toLowerCase()) && /^(?:the\s+)?\p{Lu}/u.test(member[2])) return named(member[2], null);
  // "CDC epidemiologists", "Acme Rail engineers": staff named by their employer speak for it.
  const staffOf = /^(?:the\s+)?(\p{Lu}{2,6}|\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)+)\s+(\p{Ll}{4,})$/u.exec(phrase);
  if (staffOf && (MEMBER_NOUNS.has(staffOf[2]) || /^\p{Ll}+(?:ists|ers)$/u.test(staffOf[2]))) return named(staffOf[1], null);
  // "Train drivers at Acme Rail" are people working there, not the company itself.
  const staff = /^(?:[\p{L}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]*)\s+(?:at|with|from)\s+\p{Lu}/u.exec(phrase);
  if (staff && genericKind(staff[1]) === null) return { name: phrase, affiliation: null, kind: SourceKind.UNKNOWN, reference: { type: 'named' } };
  // "the Zoo in Dunmore", "the Crop Observatory at the University of X": where an institution stands is not its name.
  const located = /^(.+?)\s+(?:in|at)\s+(?:the\s+)?\p{Lu}[\p{L}-]+(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}-]+)*$/u.exec(phrase);
  if (located && !parseGeneric(located[1]) && isInstitutionName(located[1])) return named(located[1], describedAffiliation);
  // "Ana García-Lopez from The Policy Board", "Mayor Tom Hill of nearby Easton".
  const from = /^(.+?)\s+(?:from|of|at|with|in)\s+(.+)$/u.exec(phrase);
  const fromName = from ? personName(from[1]) : null;
  if (from && fromName) return person(fromName, /^(?:the\s+)?\p{Lu}/u.test(from[2]) ? tidy(from[2]) : null);
  // "Apple's chief executive Tim Cook" / "Addo's representatives".
  const owner = /^((?:the\s+)?\p{Lu}[^’']*?)[’']s\s+(.+)$/u.exec(phrase);
  if (owner) {
    const ownedName = personName(owner[2]);
    if (ownedName) return person(ownedName, tidy(owner[1]));
    const noun = owner[2].toLowerCase();
    if (/^(?:[\p{Ll}-]+\s+)?\p{Ll}+$/u.test(owner[2]) && (MEMBER_NOUNS.has(noun.split(' ').pop() ?? '') || /representatives|lawyers|agents|spokesperson|camp|office|family/.test(noun))) {
      return { name: phrase, affiliation: null, kind: SourceKind.UNKNOWN, reference: { type: 'representatives', owner: tidy(owner[1]), noun: owner[2] } };
    }
  }
  const titled = parseTitled(phrase);
  if (titled && (personName(phrase) || titled.name.split(' ').length === 1)) {
    return person(titled.name, titled.affiliation ?? describedAffiliation);
  }
  const result = named(phrase, describedAffiliation);
  // "Acme, the Austin-based maker of an app," is described as a business, not a person.
  if (comma && result.kind === SourceKind.UNKNOWN && DESCRIBES_ORGANISATION.test(tidy(comma[2].split(',')[0]))) return { ...result, kind: SourceKind.ORGANIZATION };
  // A name followed by a description is a person even when the name is one word ("Smith, an analyst,").
  if (comma && result.kind === SourceKind.UNKNOWN && /^\p{Lu}/u.test(result.name)) return { ...result, kind: SourceKind.PERSON };
  return result;
};
export const parseSpeaker = remembered(readSpeaker);
