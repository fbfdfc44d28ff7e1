import { SourceKind, type SourceRef } from './types';

/*
 * Source identity: the key the database deduplicates stored sources on, and when two references name
 * the same source. It lives here, not in the extractor, so tuning extraction cannot re-key stored
 * sources; test/unit/sources.test.ts pins it on a table of names.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Titles that precede a person's name; affiliation words may precede the title. The extractor reads the same list. */
export const PERSON_TITLES = words(`
  president vice premier prime minister secretary chancellor governor mayor senator sen. representative rep.
  congressman congresswoman ambassador spokesman spokeswoman spokesperson minister director chairman chairwoman
  chair ceo cfo coo cto founder co-founder executive chief officer head leader king queen prince princess
  judge justice attorney general commissioner commander admiral colonel captain lieutenant sergeant
  professor prof. dr. doctor mr. mrs. ms. mx. sir dame lord lady rev. reverend pope bishop cardinal rabbi imam
  economist analyst strategist researcher scientist editor correspondent deputy assistant acting former
  envoy negotiator adviser advisor counsel lawyer superintendent inspector chairperson treasurer
  speaker whip leader lawmaker legislator mp senior junior associate principal managing partner
  president-elect councilmember councilman councilwoman councillor councilor alderman alderwoman
  assemblyman assemblywoman delegate trustee manager coach agent owner striker forward midfielder defender
  goalkeeper player captain skipper boss neurologist physician surgeon specialist epidemiologist
  secretary-general undersecretary vice-president vice-chair majority minority
  epidemiologist press author co-author provost editor-in-chief commander-in-chief
`);

/** A source with its name trimmed and its kind defaulted. */
export function cleanSourceRef(source: SourceRef): SourceRef {
  const affiliation = source.affiliation?.trim();
  return {
    name: source.name.trim().replace(/\s+/g, ' '),
    kind: source.kind ?? SourceKind.UNKNOWN,
    affiliation: affiliation ? affiliation : null,
  };
}

/**
 * The dedupe key of a source name: case-folded, without diacritics, a leading "the", possessives,
 * punctuation or extra spaces. "The U.S. Treasury’s" and "u.s. treasury" give the same key.
 */
export const normalizeSourceName = (name: string): string => {
  // Resolving sources compares the same few names many times over; the fold is remembered.
  const known = normalized.get(name);
  if (known !== undefined) return known;
  if (normalized.size > 5000) normalized.clear();
  const key = fold(name);
  normalized.set(name, key);
  return key;
};

const normalized = new Map<string, string>();

const fold = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    // Dots and apostrophes join ("U.S." is "us"); every other mark separates words.
    .replace(/[.']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');

const tokensOf = (name: string): string[] => normalizeSourceName(name).split(' ').filter(Boolean);

/** A person's name without the honorifics and titles before it ("Dr. Jane Doe" is "jane doe"). */
const personTokens = (name: string): string[] => {
  const tokens = tokensOf(name);
  let i = 0;
  // Keep at least one token so "Dr." alone still has a key.
  while (i < tokens.length - 1 && (PERSON_TITLES.has(tokens[i]) || PERSON_TITLES.has(`${tokens[i]}.`))) i += 1;
  return tokens.slice(i);
};

const isSuffix = (short: string[], long: string[]): boolean =>
  short.length > 0 && short.length < long.length && short.every((t, i) => t === long[long.length - short.length + i]);

const couldBePerson = (ref: SourceRef): boolean => ref.kind === SourceKind.PERSON || ref.kind === SourceKind.UNKNOWN;

/**
 * Whether two references name the same source: the same normalised name, or, for people, one name is
 * the other's surname or tail ("García-Lopez" and "Ana García-Lopez").
 */
export const sameSource = (a: SourceRef, b: SourceRef): boolean => {
  if (normalizeSourceName(a.name) === normalizeSourceName(b.name)) return true;
  if (a.kind !== SourceKind.PERSON && b.kind !== SourceKind.PERSON) return false;
  if (!couldBePerson(a) || !couldBePerson(b)) return false;
  const ta = personTokens(a.name);
  const tb = personTokens(b.name);
  return ta.join(' ') === tb.join(' ') || isSuffix(ta, tb) || isSuffix(tb, ta);
};

/**
 * For a list of references, a lookup of every one `sameSource` pairs with a given reference, in list
 * order. Candidates come from indexes by name and by person-name tails, then pass `sameSource` itself, so
 * the answer is that of comparing every pair without comparing every pair.
 */
export const sameSourceLookup = (refs: readonly SourceRef[]): ((ref: SourceRef) => number[]) => {
  const byName = new Map<string, number[]>();
  const byTokens = new Map<string, number[]>();
  const byTail = new Map<string, number[]>();
  const put = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  refs.forEach((ref, index) => {
    put(byName, normalizeSourceName(ref.name), index);
    if (!couldBePerson(ref)) return;
    const tokens = personTokens(ref.name);
    put(byTokens, tokens.join(' '), index);
    for (let from = 1; from < tokens.length; from += 1) put(byTail, tokens.slice(from).join(' '), index);
  });
  return (ref) => {
    const candidates = new Set(byName.get(normalizeSourceName(ref.name)) ?? []);
    if (couldBePerson(ref)) {
      const tokens = personTokens(ref.name);
      const whole = tokens.join(' ');
      for (const index of [...(byTokens.get(whole) ?? []), ...(byTail.get(whole) ?? [])]) candidates.add(index);
      for (let from = 1; from < tokens.length; from += 1) for (const index of byTokens.get(tokens.slice(from).join(' ')) ?? []) candidates.add(index);
    }
    return [...candidates].filter((index) => sameSource(refs[index], ref)).sort((a, b) => a - b);
  };
};
