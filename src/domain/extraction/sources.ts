import { SourceKind, type SourceRef } from '../types';
import {
  DEMONYMS,
  GOVERNMENT_METONYMS,
  GOVERNMENT_WORDS,
  METONYM_COUNTRY,
  ORGANIZATION_WORDS,
  TITLES,
  VAGUE_SPEAKERS,
} from './lexicon';

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
  while (i < tokens.length - 1 && (TITLES.has(tokens[i]) || TITLES.has(`${tokens[i]}.`))) i += 1;
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

/** Which country a government reference stands for ("Beijing", "the Chinese government", "China"). */
export const countryOf = (name: string): string | null => {
  const key = normalizeSourceName(name.replace(/\bU\.S\./g, 'u.s.'));
  const raw = name.toLowerCase().replace(/^the\s+/, '').replace(/[’']s\b/g, '');
  for (const candidate of [raw, key]) {
    const words = candidate.split(/\s+/);
    for (let n = Math.min(3, words.length); n >= 1; n -= 1) {
      const head = words.slice(0, n).join(' ');
      if (DEMONYMS[head]) return DEMONYMS[head];
      if (METONYM_COUNTRY[head]) return METONYM_COUNTRY[head];
    }
  }
  return null;
};

const GOVERNMENT_PHRASES =
  /\b(?:white house|state department|foreign office|home office|downing street|capitol hill|central bank|federal reserve|supreme court|security council|european commission|national guard)\b/i;
// "house", "state" or "court" alone are too common in other names to mean government.
const WEAK_GOVERNMENT_WORDS = new Set(['house', 'white', 'state', 'federal', 'court', 'courts', 'council']);

/** A rough kind for a source name, by the words it is made of. */
export const classifySource = (name: string): SourceKind => {
  const trimmed = name.trim();
  if (!trimmed) return SourceKind.UNKNOWN;
  const lower = trimmed.toLowerCase().replace(/^the\s+/, '');
  const words = lower.replace(/[’']s\b/g, '').split(/[\s,]+/).filter(Boolean);
  if (GOVERNMENT_PHRASES.test(lower)) return SourceKind.GOVERNMENT;
  // The head of "Ministry of Commerce", "Bank of China" or "Centers for Disease Control" is the word before "of" or "for".
  const ofIndex = words.findIndex((w) => w === 'of' || w === 'for');
  const head = ofIndex > 0 ? words[ofIndex - 1] : words[words.length - 1];
  if (ORGANIZATION_WORDS.has(head)) return SourceKind.ORGANIZATION;
  if (GOVERNMENT_WORDS.has(head) && !WEAK_GOVERNMENT_WORDS.has(head)) return SourceKind.GOVERNMENT;
  if (words.some((w) => GOVERNMENT_WORDS.has(w) && !WEAK_GOVERNMENT_WORDS.has(w))) return SourceKind.GOVERNMENT;
  if (words.some((w) => ORGANIZATION_WORDS.has(w))) return SourceKind.ORGANIZATION;
  if (words.length <= 2 && words.every((w) => GOVERNMENT_METONYMS.has(w) || DEMONYMS[w])) return SourceKind.GOVERNMENT;
  if (DEMONYMS[lower]) return SourceKind.GOVERNMENT;
  if (VAGUE_SPEAKERS.has(words[words.length - 1])) return SourceKind.UNKNOWN;
  if (looksLikePersonName(trimmed)) return SourceKind.PERSON;
  return SourceKind.UNKNOWN;
};

// Words that make a capitalised phrase a place or an event, never a person ("Riverton City", "Premier League").
// Words that are also common surnames (Park, Hall, West, Day) are left out: a title before them settles it.
const PLACE_WORDS = new Set(['city', 'county', 'state', 'street', 'road', 'avenue', 'river', 'island', 'islands', 'valley', 'square', 'center', 'centre', 'league', 'cup', 'championship', 'airport', 'station', 'mountains', 'sea', 'ocean', 'week', 'act', 'treaty', 'accord', 'agreement', 'war', 'prize', 'award', 'games', 'olympics', 'medicine', 'journal', 'annals', 'review']);

const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'la', 'le', 'du', 'dos', 'das', 'y']);

/** Two to four capitalised words, maybe with particles ("Ursula von der Leyen"), are a person's name. */
export const looksLikePersonName = (name: string): boolean => {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const capitalised = (w: string): boolean => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || /^\p{Lu}\.$/u.test(w);
  if (!capitalised(words[0]) || !capitalised(words[words.length - 1])) return false;
  // "China's Ministry", "Policy Board", "Chinese Vice" are not names of people.
  const bare = words.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  if (words.some((w) => /[’']s$/.test(w))) return false;
  if (bare.some((w) => ORGANIZATION_WORDS.has(w) || GOVERNMENT_WORDS.has(w) || PLACE_WORDS.has(w) || DEMONYMS[w])) return false;
  return words.every((w) => capitalised(w) || NAME_PARTICLES.has(w.toLowerCase()));
};

/** Picks the name that says most: the longest, keeping the first affiliation any mention gave. */
export const mergeSources = (refs: readonly SourceRef[]): SourceRef => {
  const longest = refs.reduce((best, ref) => (ref.name.length > best.name.length ? ref : best));
  const affiliation = longest.affiliation ?? refs.find((r) => r.affiliation)?.affiliation ?? null;
  const kind = longest.kind !== SourceKind.UNKNOWN ? longest.kind : (refs.find((r) => r.kind !== SourceKind.UNKNOWN)?.kind ?? SourceKind.UNKNOWN);
  return { name: longest.name, kind, affiliation };
};
