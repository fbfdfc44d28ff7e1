import { SourceKind, type SourceRef } from '../types';
import { facet, MentionIndex } from './mention-index';
import { localise, type Mention, scanMentions } from './mentions';
import { type ParsedSpeaker, parseSpeaker } from './speaker';
import { BUSINESS_NOUNS, DEMONYMS, documentsIn, MEMBER_NOUNS, NON_BUSINESS_BODIES, ORGANIZATION_DESCRIPTOR, PUBLIC_BODY_NOUNS, VAGUE_SPEAKERS } from './lexicon';
import { normalizeSourceName, sameSource, sameSourceLookup } from '../sources';
import { countryOf, mergeSources } from './sources';

// References that stand for a whole state, which a named body of that state can make specific.
const GENERIC_STATE = /^(?:the\s+)?[\p{L}.]+\s+(?:government|authorities|officials|administration)$/iu;
const CITY_GOVERNMENT = /^(?:the\s+)?city(?:[’']s)?(?:\s+(?:officials?|authorities|government|hall|administration|spokesperson|spokesman|spokeswoman|leaders))?$/i;

// Groups of people, which are never an institution's short name.
const PEOPLE_NOUNS = new Set([...MEMBER_NOUNS, ...VAGUE_SPEAKERS]);
// Documents an institution puts out in its own voice.
const ISSUED_DOCUMENTS = documentsIn('issued');
// Bodies that speak for themselves: "police said" never means the company named before, nor "court documents" it.
const STANDALONE_BODIES = new Set(['police', 'court']);
// How far back (characters) a business that spoke is still the one "the company" means.
const RECENT_SPEAKER_WINDOW = 200;
// "Drivers at Keller Foods" are people of a business, not the business.
const GROUP_AT = /^\p{Lu}\p{Ll}+s\s+(?:at|of|from|in)\s/u;
// Documents whose owner may be named before them: "the trust’s report", "Acme’s filing".
const OWNABLE_DOCUMENTS = documentsIn('owned');
// Documents that bring charges: what an indictment says, prosecutors say.
const CHARGING_DOCUMENTS = documentsIn('charges');

// "pleaded not guilty to federal charges", "an indictment unsealed in U.S. District Court".
const FEDERAL_CASE = /\bfederal\s+(?:charges?|court|indictment|grand jury|case|prosecutors?)\b|\bU\.S\.\s+(?:District\s+Court|Attorney)\b/i;

// Kinds of body one article may call by another name: a conference is "the league" in sports writing.
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  league: ['conference', 'association', 'federation'],
  conference: ['league'],
  federation: ['league', 'association'],
  association: ['league', 'federation'],
  // "the panel" is the court, tribunal or committee it sits for.
  panel: ['tribunal', 'court', 'committee', 'commission', 'board'],
  // "investigators" work for the body named for the investigation ("Coastal Safety Investigation Board").
  investigators: ['investigation'],
  // "the forecaster" is the weather service the article named ("Met Office", "National Weather Service").
  forecaster: ['met', 'weather', 'meteorological'],
};
// Groups that "others" may be more of: "Analysts were divided. … Others say …" means other analysts.
const GROUP_NOUNS = /\b(analysts|economists|experts|critics|researchers|scientists|officials|lawmakers|observers|residents|doctors|investors|traders|diplomats|activists|executives|parents|teachers|students|historians|scholars|advocates|supporters|opponents)\b/gi;
const COUNTRY_ABBREVIATIONS = new Set(['U.S.', 'U.K.', 'E.U.', 'United States', 'Britain']);
// How far back "others" looks for the group it continues.
const OTHERS_WINDOW = 600;
// Words that never name a source on their own: "The", "Chinese", "Others".
const NOT_A_NAME = /^(?:the|a|an|this|that|these|those|its|their|his|her|some|many|other)$/i;

const isInstitution = (ref: SourceRef): boolean => ref.kind === SourceKind.ORGANIZATION || ref.kind === SourceKind.GOVERNMENT;

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');

const canonicalKey = (ref: SourceRef): string => `${ref.kind}:${normalizeSourceName(ref.name)}`;
const capitalise = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const singular = (noun: string): string => noun.replace(/(?<=[^s])s$/, '');

// "Residents of the low-lying Eastside neighborhood", "farmers in Alta Meseta": a group is named by its place.
const GROUP_OF_PLACE =
  /^(\p{Ll}{3,}s)\s+(?:of|in|at|from)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3})(?:\s+(?:neighbou?rhood|area|district|village|town|city|county|region|province|valley|estate))?$/u;

/** A source name as a reader writes it: capitalised, never a bare determiner. */
const readable = (ref: SourceRef): SourceRef => {
  // "The Ministry of Agriculture" is the ministry's name without its article; "The Gallery Post" keeps it.
  const group = ref.kind === SourceKind.UNKNOWN ? GROUP_OF_PLACE.exec(ref.name.charAt(0).toLowerCase() + ref.name.slice(1)) : null;
  if (group) return { ...ref, name: `${group[2]} ${group[1]}` };
  const institution = ref.kind === SourceKind.GOVERNMENT || (ref.kind === SourceKind.ORGANIZATION && /^The\s+\S+\s+\S/.test(ref.name));
  const name = ref.name.replace(institution ? /^(?:the|a|an)\s+(?=\S+\s)/i : /^(?:the|a|an)\s+(?=\S+\s)/, '');
  if (NOT_A_NAME.test(name)) return { ...ref, name: 'Unnamed source', kind: SourceKind.UNKNOWN };
  // "The Chinese said …": a nationality adjective alone stands for that country's government.
  const nationality = name.replace(/^The\s+/, '');
  const country = DEMONYMS[nationality.toLowerCase()];
  if (country && country !== nationality.toLowerCase() && !nationality.includes(' ')) return { ...ref, name: `${capitalise(nationality)} government`, kind: SourceKind.GOVERNMENT };
  return /^\p{Ll}/u.test(name) ? { ...ref, name: capitalise(name) } : name === ref.name ? ref : { ...ref, name };
};

/**
 * The sources one article names, in the order it names them: resolves pronouns, surnames, generic
 * nouns ("the company", "the researchers") and short names ("Riverton") to the source meant, and gives
 * every source one canonical (longest) name.
 */
export class SourceBook {
  private readonly mentions: MentionIndex;
  private readonly city: string | null;
  private readonly county: string | null;
  /** How often each capitalised word occurs: the article's main actors are named most. */
  private readonly salience: Map<string, number>;
  private readonly salienceByName = new Map<string, number>();
  /** The kinds of body each mention is known as (`nonBusinessKinds`), read once. */
  private readonly kindsOf = new WeakMap<Mention, readonly string[]>();

  private readonly body: string;

  /** `publisher` names the paper, whose name may name the town "the city" is. */
  constructor(body: string, publisher: string | null = null) {
    this.body = body;
    const scanned = scanMentions(body, publisher);
    this.mentions = new MentionIndex(scanned.mentions);
    this.city = scanned.city;
    this.county = scanned.county;
    this.salience = scanned.salience;
  }

  /** The organisation a short name stands for: "Riverton" for "Riverton United", when the article names it. */
  private fullOrganisationName(short: string): string | null {
    const full = this.latest(Number.MAX_SAFE_INTEGER, (m) => m.ref.kind !== SourceKind.PERSON && m.ref.name.startsWith(`${short} `), facet.startsWith(short));
    if (full) return full.name;
    // An acronym ("CBO") stands for the name whose capitalised words it spells.
    if (!/^\p{Lu}{2,6}$/u.test(short)) return null;
    // Agencies often drop their last words from the acronym: "CDC" for "Centers for Disease Control and Prevention".
    const spelled = this.latest(Number.MAX_SAFE_INTEGER, (m) => m.ref.kind !== SourceKind.PERSON && initials(m.ref.name) === short, facet.notPerson)
      ?? this.latest(Number.MAX_SAFE_INTEGER, (m) => isInstitution(m.ref) && initials(m.ref.name).length <= short.length + 1 && initials(m.ref.name).startsWith(short) && short.length >= 3);
    return spelled?.name ?? null;
  }

  /** "the city’s Department of Public Utilities" is the named city's department. */
  private localise(name: string): string {
    return localise(name, this.city, this.county);
  }

  /** Records the subject of a sentence nobody is quoted in ("Ukraine's navy disagreed."): "it" may mean it next. */
  subject(ref: SourceRef, position: number, issuedDocument: string | null = null): void {
    if (ref.kind === SourceKind.ORGANIZATION || ref.kind === SourceKind.GOVERNMENT) this.record(ref, position, issuedDocument ? [issuedDocument] : []);
    // "Orlen-Varga has issued a statement.": a name that issues statements is a body, and what follows is its.
    else if (issuedDocument && ref.kind === SourceKind.UNKNOWN && /^\p{Lu}/u.test(ref.name)) this.record({ ...ref, kind: SourceKind.ORGANIZATION }, position, [issuedDocument]);
  }

  /** Records a source at a position, so later pronouns, surnames and generic nouns can point back to it. */
  record(ref: SourceRef, position: number, nouns: string[] = []): void {
    // Read after every mention at or before its position.
    this.mentions.add({ ref, position, nouns: new Set(nouns), spoke: true });
  }

  private latest(position: number, accept: (mention: Mention) => boolean, among?: string): SourceRef | null {
    return this.mentions.latest(position, accept, among)?.ref ?? null;
  }

  /** How often a name's first word occurs in the article; remembered, since every resolution asks again. */
  private salienceOf(name: string): number {
    let known = this.salienceByName.get(name);
    if (known === undefined) {
      known = this.salience.get(name.replace(/^The\s+/, '').split(' ')[0]) ?? 0;
      this.salienceByName.set(name, known);
    }
    return known;
  }

  /** Of the sources before `position` that fit, the one the article names most ("the company" is its main company). */
  private mostSalient(position: number, accept: (mention: Mention) => boolean): SourceRef | null {
    return this.mentions.highest(position, accept, (mention) => this.salienceOf(mention.ref.name))?.ref ?? null;
  }

  private first(accept: (mention: Mention) => boolean): SourceRef | null {
    return this.mentions.first(accept)?.ref ?? null;
  }

  /** The person a "he" or "she" at this position refers back to. */
  personBefore(position: number, accept: (ref: SourceRef) => boolean = () => true): SourceRef | null {
    return this.latest(position, (m) => m.ref.kind === SourceKind.PERSON && accept(m.ref), facet.kind(SourceKind.PERSON));
  }

  /**
   * Resolves what a speaker phrase refers to, given what the article says around `position`; a generic
   * noun may also point into the statement before its frame ("Acme cut jobs, the company said"), up to `frameAt`.
   */
  resolve(parsed: ParsedSpeaker, position: number, frameAt = position): SourceRef | null {
    const { reference } = parsed;
    if (reference.type === 'pronoun') {
      if (reference.pronoun === 'person') return this.personBefore(position);
      const organisation = (m: Mention): boolean => m.spoke && m.ref.kind !== SourceKind.PERSON && m.ref.kind !== SourceKind.PUBLICATION;
      return this.latest(position, organisation) ?? this.latest(position, (m) => m.spoke && m.ref.kind !== SourceKind.PUBLICATION);
    }
    if (reference.type === 'generic' && /^(?:spokesperson|spokesman|spokeswoman|representative|official)$/.test(reference.noun)) {
      // "the official said" after "a senior official, speaking on condition…, said" is that same official.
      const same = reference.definite ? this.latest(position, (m) => m.spoke && m.nouns.has(reference.noun) && m.ref.kind !== SourceKind.PUBLICATION) : null;
      if (same) return same;
      // "a company spokesperson", "a ministry official": the body the modifier names, not the one named last.
      const body = reference.modifiers.map((word) => parseSpeaker(`the ${word}`)).find((owner) => owner.reference.type === 'generic' && isInstitution(owner));
      if (body?.reference.type === 'generic') {
        const owner = this.resolveGeneric(body, body.reference.noun, body.kind, position);
        if (isInstitution(owner) && /^\p{Lu}/u.test(owner.name) && normalizeSourceName(owner.name) !== body.reference.noun) return owner;
      }
      // "a port spokesperson" after "The Port of Portmere says …": the body that spoke whose name holds the modifier.
      const modifier = reference.modifiers.map((word) => word.toLowerCase());
      const namedFor = modifier.length > 0 ? this.latest(position, (m) => m.spoke && m.ref.kind !== SourceKind.PERSON && m.ref.kind !== SourceKind.PUBLICATION && /^\p{Lu}/u.test(m.ref.name) && modifier.some((w) => normalizeSourceName(m.ref.name).split(' ').includes(w))) : null;
      if (namedFor) return this.withFullName(namedFor);
      // "The ambulance service says … . A spokesperson said …": the body that spoke just before, not one only named since.
      const spoke = this.latest(position, (m) => m.spoke && isInstitution(m.ref) && m.position >= position - RECENT_SPEAKER_WINDOW);
      if (spoke && !reference.definite) return this.withFullName(spoke);
      // "A spokesperson said…" speaks for the institution named last.
      const institution = this.latest(position, (m) => m.ref.kind === SourceKind.ORGANIZATION || m.ref.kind === SourceKind.GOVERNMENT);
      if (institution) return institution;
      // "Ferrowave said …. A spokesperson confirmed …": a one-word name that spoke is the likeliest employer.
      const spokeAsName = this.latest(position, (m) => m.spoke && m.ref.kind === SourceKind.UNKNOWN && /^\p{Lu}[\p{L}&-]+$/u.test(m.ref.name));
      if (spokeAsName) return spokeAsName;
    }
    if (reference.type === 'generic') return this.resolveGeneric(parsed, reference.noun, reference.byName ? SourceKind.UNKNOWN : reference.kind, frameAt, reference.modifiers);
    if (reference.type === 'former') {
      const owner = this.resolve(parseSpeaker(reference.owner), position);
      return { name: `Former ${owner?.name.replace(/^The\s+/, '') ?? capitalise(reference.owner)} ${reference.noun}`, kind: SourceKind.UNKNOWN, affiliation: owner?.name ?? null };
    }
    if (reference.type === 'representatives') {
      const owner = this.resolve(parseSpeaker(reference.owner), position);
      return { name: `${owner?.name ?? reference.owner}’s ${reference.noun}`, kind: SourceKind.UNKNOWN, affiliation: owner?.name ?? null };
    }
    const own: SourceRef = { name: this.localise(parsed.name), kind: parsed.kind, affiliation: parsed.affiliation };
    // Short names inside a description take their full form: "Riverton’s plans" → "Riverton United’s plans".
    if (/^\p{Ll}/u.test(own.name)) own.name = own.name.replace(/\b(\p{Lu}[\p{L}-]+)(?=[’']s\b)/gu, (short) => this.fullOrganisationName(short) ?? short);
    if (own.kind === SourceKind.PERSON || own.kind === SourceKind.UNKNOWN) {
      // A bare surname ("García-Lopez") is the person named in full before.
      const asPerson = { ...own, kind: SourceKind.PERSON };
      // Same person means same last name: a cheap test before the full comparison.
      const surname = normalizeSourceName(own.name).split(' ').pop() ?? '';
      const person = this.latest(
        position,
        (m) => m.ref.kind === SourceKind.PERSON && normalizeSourceName(m.ref.name).endsWith(surname) && sameSource(m.ref, asPerson),
        // The same source always ends in the same word, so only people with that last word are asked.
        facet.surname(surname),
      );
      // "Greenvale Fresh" after "Greenvale Fresh Foods" is the business, however person-like the short form looks.
      const longerBusiness = person && person.name === own.name && !own.affiliation ? this.fullOrganisationName(own.name) : null;
      if (person && !longerBusiness && person.name.length >= own.name.length) return { ...person, affiliation: person.affiliation ?? own.affiliation };
    }
    if (own.kind !== SourceKind.GOVERNMENT) {
      // A short name ("Riverton", "Acme Fresh") is the organisation named in full ("Riverton United", "Acme Fresh Foods").
      const full = this.fullOrganisationName(own.name.replace(/^The\s+/, ''));
      if (full) return this.latest(Number.MAX_SAFE_INTEGER, (m) => m.ref.name === full, facet.name(full));
    }
    // "the Chinese government" after "China's Ministry of Commerce" is that ministry speaking.
    if (own.kind === SourceKind.GOVERNMENT && GENERIC_STATE.test(own.name)) {
      const country = countryOf(own.name);
      const body = country
        ? this.latest(position, (m) => m.nouns.has('body') && m.ref.name !== own.name && countryOf(m.ref.name) === country)
        : null;
      if (body) return body;
    }
    return own;
  }

  /** "the company" is the company named before; "researchers" the institute they were said to be at. */
  private resolveGeneric(parsed: ParsedSpeaker, noun: string, kind: SourceKind, position: number, modifiers: string[] = []): SourceRef {
    if (this.city && CITY_GOVERNMENT.test(parsed.name)) return { name: `City of ${this.city}`, kind: SourceKind.GOVERNMENT, affiliation: null };
    const nouns = [noun, singular(noun), ...(SYNONYMS[noun] ?? [])];
    const tagged = (m: Mention): boolean => nouns.some((n) => m.nouns.has(n));
    const named = (m: Mention): boolean => nouns.some((n) => normalizeSourceName(m.ref.name).split(' ').includes(n));
    // An institution for "the agency" or "the company"; an unnamed kind of source only when no institution spoke.
    // "health officials" are people of some body, not the body "the agency" means.
    // "The union says …" after the company spoke: a union, a party or a charity is only a body the article named
    // or described so, never whichever institution spoke last; and "the company" is never such a body.
    // "The allotment association" is no union the article named either: a body known as one kind is never another.
    const bodyOfItsOwnKind = NON_BUSINESS_BODIES.has(singular(noun));
    const ruledOut = (m: Mention): boolean => {
      const kinds = this.nonBusinessKinds(m);
      return kinds.length > 0 && !kinds.some((kind) => nouns.includes(kind));
    };
    const institution = (m: Mention): boolean => m.spoke && isInstitution(m.ref) && !PEOPLE_NOUNS.has(normalizeSourceName(m.ref.name).split(' ').pop() ?? '') && !ruledOut(m);
    // "Ferrowave" may be the company meant; "Engineers" never is.
    const unclassified = (m: Mention): boolean => m.spoke && m.ref.kind === SourceKind.UNKNOWN && /^\p{Lu}/u.test(m.ref.name) && !PEOPLE_NOUNS.has(m.ref.name.toLowerCase());
    // "the health ministry" names more than "the ministry": only a source tagged or named so will do.
    // "In a statement, it said … . The company said": the business that spoke a sentence ago, not the main one.
    const justSpoke = kind === SourceKind.ORGANIZATION && modifiers.length === 0 ? this.latest(position, (m) => institution(m) && m.ref.kind === SourceKind.ORGANIZATION && !GROUP_AT.test(m.ref.name)) : null;
    const recent = justSpoke && !bodyOfItsOwnKind && this.mentions.latest(position, (m) => m.ref.name === justSpoke.name && m.spoke && m.position >= position - RECENT_SPEAKER_WINDOW) ? justSpoke : null;
    // "the fire service" is the "North Vale Fire and Rescue Service" named anywhere (a live blog names it below).
    const namedWhole = (m: Mention): boolean => isInstitution(m.ref) && [...modifiers, noun].every((w) => normalizeSourceName(m.ref.name).split(' ').includes(w.toLowerCase()));
    // "the county council" is the "Aldermoor County Council" the article names (a live blog may name it further
    // down), before a mere "Council" named on the way.
    const found =
      recent ??
      this.mostSalient(position, tagged) ??
      (modifiers.length > 0 ? this.latest(position, namedWhole) ?? this.first(namedWhole) : null) ??
      this.latest(position, named) ??
      this.first(tagged) ??
      (STANDALONE_BODIES.has(noun) || bodyOfItsOwnKind ? null : this.fallbackInstitution(noun, kind, position, modifiers, institution, unclassified, ruledOut));
    if (found) return this.withFullName(found);
    // "the report said" after "the trust’s annual report": the owner named before speaks through it.
    const owner = OWNABLE_DOCUMENTS.has(noun) ? this.documentOwner(noun, position) : null;
    if (owner) return owner;
    // "Its on-time performance report shows …": the document of the institution the article is about.
    const possessor = OWNABLE_DOCUMENTS.has(noun) && /^(?:its|their)\s/i.test(parsed.name) ? this.mostSalient(position, (m) => isInstitution(m.ref)) : null;
    if (possessor) return this.withFullName(possessor);
    // "the authority said" when no body's name holds "authority" ("Kelderby Regional Transit"): the public body
    // the article is about, not a nameless "Authority".
    const describedBody = parsed.reference.type === 'generic' && parsed.reference.byName && parsed.reference.definite && modifiers.length === 0 && PUBLIC_BODY_NOUNS.has(noun)
      ? this.mostSalient(position, (m) => isInstitution(m.ref) && !this.isBusiness(m.ref))
      : null;
    if (describedBody) return this.withFullName(describedBody);
    // "the statement said" with no issuer named: institutions issue statements, so the one named last did.
    const issuer = ISSUED_DOCUMENTS.has(noun) ? this.latest(position, (m) => isInstitution(m.ref)) : null;
    if (issuer) return this.withFullName(issuer);
    // "health officials" speak for the body named for health ("Department of Health") when the article names one.
    // The word nearest the noun says what the body does: "the state wildlife agency" is no "State Office of Emergency Management".
    const specific = modifiers[modifiers.length - 1]?.toLowerCase();
    const bodyNamedSo = specific && kind !== SourceKind.UNKNOWN ? this.latest(position, (m) => isInstitution(m.ref) && normalizeSourceName(m.ref.name).split(' ').includes(specific)) : null;
    if (bodyNamedSo) return bodyNamedSo;
    if (noun === 'governments' && /^(?:(?:the\s+)?two|both)\s/i.test(parsed.name)) return this.pairOfStates(position) ?? { name: capitalise(parsed.name), kind, affiliation: null };
    if (noun === 'others') return this.others(position) ?? { name: 'Others', kind: SourceKind.UNKNOWN, affiliation: null };
    // A case in federal court is brought by federal prosecutors.
    if (CHARGING_DOCUMENTS.has(noun) || noun === 'prosecutors') return { name: this.city ? `${this.city} prosecutors` : FEDERAL_CASE.test(this.body) ? 'Federal prosecutors' : 'Prosecutors', kind: SourceKind.GOVERNMENT, affiliation: null };
    // "Traffic police" in Portmere are Portmere traffic police; with no town named, police of the county the story names.
    const place = this.city ?? this.county;
    if (STANDALONE_BODIES.has(noun) && place) return { name: modifiers.length > 0 ? `${place} ${[...modifiers, noun].join(' ').toLowerCase()}` : `${place} ${capitalise(noun)}`, kind, affiliation: null };
    // A word bodies are named with ("the coastguard") that names nothing in the article is still that kind of body.
    const own = parsed.reference.type === 'generic' && parsed.reference.byName ? parsed.kind : kind;
    return { name: capitalise(STANDALONE_BODIES.has(noun) ? noun : this.localise(parsed.name)), kind: own, affiliation: null };
  }

  /** Who owns the last "X’s report" before `position`, resolved as a speaker would be. */
  private documentOwner(noun: string, position: number): SourceRef | null {
    const owned = new RegExp(String.raw`\b((?:the\s+)?\p{L}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*)[’']s?\s+(?:[\p{Ll}\d-]+\s+){0,3}?${noun}\b`, 'gu');
    const found = [...this.body.slice(0, position).matchAll(owned)].pop()?.[1];
    const parsed = found ? parseSpeaker(found) : null;
    if (!parsed || parsed.reference.type === 'pronoun' || (parsed.reference.type === 'generic' && OWNABLE_DOCUMENTS.has(parsed.reference.noun))) return null;
    const ref = this.resolve(parsed, position);
    return ref && ref.kind !== SourceKind.UNKNOWN ? ref : null;
  }

  /** "the two governments" after "Brazil and China agreed …": the governments of the two countries named together last. */
  private pairOfStates(position: number): SourceRef | null {
    const pairs = [...this.body.slice(0, position).matchAll(/\b(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)\s+and\s+(\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)?)\b/gu)];
    const isCountry = (name: string): boolean => DEMONYMS[name.toLowerCase()] === name.toLowerCase() || COUNTRY_ABBREVIATIONS.has(name);
    const pair = pairs.reverse().find((m) => isCountry(m[1]) && isCountry(m[2]));
    return pair ? { name: `Governments of ${pair[1]} and ${pair[2]}`, kind: SourceKind.GOVERNMENT, affiliation: null } : null;
  }

  /** "Others say …" right after "Analysts were divided": more of the group named just before. */
  private others(position: number): SourceRef | null {
    const before = this.body.slice(Math.max(0, position - OTHERS_WINDOW), position);
    const groups = [...before.matchAll(GROUP_NOUNS)];
    const group = groups[groups.length - 1]?.[1];
    return group ? { name: `Other ${group.toLowerCase()}`, kind: SourceKind.UNKNOWN, affiliation: null } : null;
  }

  /** With nothing tagged or named so, "the company" is the institution that spoke last; "the Boston-based lender" the main company. */
  private fallbackInstitution(
    noun: string,
    kind: SourceKind,
    position: number,
    modifiers: string[],
    institution: (m: Mention) => boolean,
    unclassified: (m: Mention) => boolean,
    ruledOut: (m: Mention) => boolean,
  ): SourceRef | null {
    if (kind === SourceKind.UNKNOWN) return null;
    // Before any institution has spoken, "the operator" is the main body of its kind the article has named.
    // A business is never "the regulator", nor a ministry "the company": an institution that can be meant first.
    const fits = (m: Mention): boolean => institution(m) && (kind === SourceKind.ORGANIZATION ? m.ref.kind === kind : !this.isBusiness(m.ref));
    // "The developer says …" after "a campus proposed by Ormsby Data Partners": a business named, before a council that spoke.
    const business = ORGANIZATION_DESCRIPTOR.test(noun) ? this.latest(position, (m) => m.ref.kind === SourceKind.ORGANIZATION && /^\p{Lu}/u.test(m.ref.name)) : null;
    const ofKind = (m: Mention): boolean => m.ref.kind === kind && !ruledOut(m);
    if (modifiers.length === 0) return this.latest(position, fits) ?? business ?? this.latest(position, institution) ?? this.latest(position, (m) => unclassified(m) && !ruledOut(m)) ?? this.mostSalient(position, ofKind);
    return kind === SourceKind.ORGANIZATION ? this.mostSalient(position, ofKind) : null;
  }

  /** Whether the article calls this source a company anywhere. */
  private isBusiness(ref: SourceRef): boolean {
    return this.mentions.some((m) => m.ref.name === ref.name && [...BUSINESS_NOUNS].some((noun) => m.nouns.has(noun)));
  }

  /** The kinds of body a business never is (a union, a party, a charity …) that a mention is named or described as. */
  private nonBusinessKinds(mention: Mention): readonly string[] {
    let kinds = this.kindsOf.get(mention);
    if (kinds === undefined) {
      kinds = [...mention.nouns, ...normalizeSourceName(mention.ref.name).split(' ')].filter((word) => NON_BUSINESS_BODIES.has(word));
      this.kindsOf.set(mention, kinds);
    }
    return kinds;
  }

  /** "St. Mary's" is "St. Mary's Hospital" when the article names it in full. */
  private withFullName(ref: SourceRef): SourceRef {
    if (ref.kind !== SourceKind.ORGANIZATION && ref.kind !== SourceKind.GOVERNMENT) return ref;
    const full = this.fullOrganisationName(ref.name.replace(/^The\s+/, ''));
    return full ? { ...ref, name: full } : ref;
  }

  /** One canonical reference per source: the longest name that means the same, affiliation kept. */
  canonicalise(refs: readonly SourceRef[]): (ref: SourceRef) => SourceRef {
    // Mentions of one key pool what they know (an affiliation one mention gave is kept for all).
    const byKey = new Map<string, SourceRef[]>();
    for (const ref of refs) {
      const group = byKey.get(canonicalKey(ref));
      if (group) group.push(ref);
      else byKey.set(canonicalKey(ref), [ref]);
    }
    const unique = [...byKey.values()].map((group) => mergeSources(group)).sort((a, b) => b.name.length - a.name.length);
    const canonical = new Map<string, SourceRef>();
    const sameAs = sameSourceLookup(unique);
    for (const ref of unique) {
      const group = sameAs(ref).map((index) => unique[index]);
      const longer = group.find((other) => other.name.length > ref.name.length);
      canonical.set(canonicalKey(ref), longer ? (canonical.get(canonicalKey(longer)) ?? longer) : mergeSources(group));
    }
    return (ref) => readable(canonical.get(canonicalKey(ref)) ?? ref);
  }
}
