import { SourceKind, type SourceRef } from '../types';
import { normalizeSourceName, PERSON_TITLES } from '../sources';
import { remembered } from './memo';
import { DEMONYMS, GOVERNMENT_METONYMS, GOVERNMENT_WORDS, METONYM_COUNTRY, ORGANIZATION_WORDS, VAGUE_SPEAKERS } from './lexicon';

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
// A court of law names its kind ("Harwick Crown Court", "the Court of Appeal"); "Calder Court" is a block of flats.
const COURT_OF_LAW =
  /\b(?:crown|county|magistrates[’']?|district|high|federal|circuit|appeals?|family|youth|coroner[’']?s|criminal|civil|superior|constitutional) court\b|\bcourt of (?:appeals?|justice|session|protection)\b/i;
// "house", "state" or "court" alone are too common in other names to mean government.
const WEAK_GOVERNMENT_WORDS = new Set(['house', 'white', 'state', 'federal', 'court', 'courts', 'council']);

/** A rough kind for a source name, by the words it is made of. */
const readKind = (name: string): SourceKind => {
  const trimmed = name.trim();
  if (!trimmed) return SourceKind.UNKNOWN;
  const lower = trimmed.toLowerCase().replace(/^the\s+/, '');
  const words = lower.replace(/[’']s\b/g, '').split(/[\s,]+/).filter(Boolean);
  if (GOVERNMENT_PHRASES.test(lower) || COURT_OF_LAW.test(lower)) return SourceKind.GOVERNMENT;
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
export const classifySource = remembered(readKind);

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
  // "The Port", "A Spokesperson": an article never opens a person's name; "St. Aldric", "Saint Mary" are
  // churches and towns (a person called St. John has a first name before it).
  if (/^(?:the|a|an|st\.?|saint)$/i.test(words[0])) return false;
  // "China's Ministry", "Policy Board", "Chinese Vice" are not names of people.
  const bare = words.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  if (words.some((w) => /[’']s$/.test(w))) return false;
  if (bare.some((w) => ORGANIZATION_WORDS.has(w) || GOVERNMENT_WORDS.has(w) || PLACE_WORDS.has(w) || DEMONYMS[w])) return false;
  // "Superintendent Dr", "Chief Inspector": titles with no name after them name nobody.
  if (bare.every((w) => PERSON_TITLES.has(w) || PERSON_TITLES.has(`${w}.`))) return false;
  return words.every((w) => capitalised(w) || NAME_PARTICLES.has(w.toLowerCase()));
};

/** Picks the name that says most: the longest, keeping the first affiliation any mention gave. */
export const mergeSources = (refs: readonly SourceRef[]): SourceRef => {
  const longest = refs.reduce((best, ref) => (ref.name.length > best.name.length ? ref : best));
  const affiliation = longest.affiliation ?? refs.find((r) => r.affiliation)?.affiliation ?? null;
  const kind = longest.kind !== SourceKind.UNKNOWN ? longest.kind : (refs.find((r) => r.kind !== SourceKind.UNKNOWN)?.kind ?? SourceKind.UNKNOWN);
  return { name: longest.name, kind, affiliation };
};
