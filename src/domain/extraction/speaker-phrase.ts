import { alternation, DOCUMENT_ROWS, documentsIn, GOVERNMENT_WORDS, MEMBER_NOUNS, ORGANIZATION_DESCRIPTOR, ORGANIZATION_WORDS, SPEAKER_NOUNS, TITLES, VAGUE_SPEAKERS } from './lexicon';
import { remembered } from './memo';
import { withoutCircumstance } from './speaker';

const NOT_IN_SPEAKER = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'may', 'might', 'should', 'must', 'that', 'which', 'who', 'because', 'if', 'when', 'while', 'although', 'though', 'than',
  'not', 'no', 'there', 'here', 'to', 'what', 'whether', 'how', 'why', 'where', 'this', 'these', 'those', 'such',
  'has', 'have', 'had', 'as', 'so', 'but', 'and', 'or', 'into', 'onto', 'about', 'against', 'over',
]);
export const DETERMINERS = new Set(['the', 'a', 'an', 'some', 'many', 'several', 'two', 'three', 'four', 'most', 'other', 'its', 'their', 'his', 'her', 'both', 'one', 'few', 'senior', 'top', 'local', 'independent', 'leading', 'outside', 'western', 'foreign', 'former', 'u.s.', 'federal', 'state', 'city', 'government']);
// Plural nouns for people by what they do: growers, commuters, cyclists, tenants, physicians.
const PEOPLE_PLURAL = /^\p{Ll}{3,}(?:ers|ors|ists|ants|ians)$/u;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const SPEAKING_NOUNS = new Set([...MEMBER_NOUNS, ...VAGUE_SPEAKERS, ...TITLES, ...GOVERNMENT_WORDS, ...ORGANIZATION_WORDS, ...SPEAKER_NOUNS, ...documentsIn('speaking')]);
// "permit data compiled by the Regional Builders Association", "filings with securities regulators": a
// document and who put it out or holds it.
const DOCUMENT_OF = new RegExp(
  String.raw`^(?:(?:the|a|an|its|their)\s+)?(?:[\p{Ll}\d-]+\s+){0,2}?(?:${alternation(new Set(DOCUMENT_ROWS.map(([noun]) => noun)))})\s+(?:(?:compiled|released|published|issued|prepared|posted|filed|obtained|kept|collected)\s+(?:[\p{L}\d]+\s+){0,3}?)?(?:by|from|with)\s+(.+)$`,
  'u',
);

// Kinds of source written before a name in lower case: "rights group Amnesty", "local station Radio Tarrow".
const KIND_BEFORE_NAME = new Set(['group', 'station', 'broadcaster', 'newspaper', 'agency', 'firm', 'company', 'charity', 'union', 'association', 'watchdog', 'regulator', 'website', 'outlet', 'network']);

// Words that open an introductory phrase ("In a statement, …", "Despite initial optimism, …").
export const INTRO_START = /^(?:in|on|at|during|speaking|earlier|later|meanwhile|however|despite|after|before|last|this|separately|also|yet|but|still|for|as|with|since|asked|writing|responding|addressing|like|unlike|while|when|though|although|now|then|today|yesterday|overall|indeed|instead|moreover|furthermore|additionally|concurrently|under|inside|among|amid|according)\b/i;

/** Whether a phrase can name who speaks: a name, a pronoun, an organisation, "experts at X". */
const readSpeakerPhrase = (phrase: string): boolean => {
  // "an indictment unsealed last week in federal court in Ohio": where the document came from is not who speaks.
  const main = withoutCircumstance(phrase.split(',')[0].trim()).replace(/^(.*?\p{Ll}{3,})\s+(?:unsealed|filed|released|published|issued|obtained|posted)\s+(?:last|this|on|in|at|late|early|earlier)\b.*$/u, '$1');
  const documentOf = DOCUMENT_OF.exec(main);
  if (documentOf && documentOf[1] !== main && isSpeakerPhrase(documentOf[1])) return true;
  const words = main.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  const bare = words.map((w) => w.toLowerCase().replace(/^[“"‘'(]+|[”"’'),.;:]+$/g, ''));
  if (DETERMINERS.has(bare[0]) && STATEMENT_HEADS.has(bare[1] ?? '')) return false;
  const capitalised = (i: number): boolean => i < words.length && /^[“"‘']?\p{Lu}/u.test(words[i]);
  if (words.length === 1 && PRONOUNS.has(bare[0])) return true;
  for (let i = 0; i < words.length; i += 1) {
    // "and" joins two named speakers or a name ("Health and Human Services"); otherwise it joins clauses.
    if (bare[i] === 'and' && capitalised(i + 1) && i > 0) continue;
    if (NOT_IN_SPEAKER.has(bare[i])) return false;
    // "He Wei" is a name; "he" inside a longer phrase is not.
    if (PRONOUNS.has(bare[i]) && !(capitalised(i) && capitalised(i + 1))) return false;
    // "low-lying", "long-standing" describe; a bare gerund starts a clause.
    // "the ruling Harbour Alliance": before a name it describes.
    // "a spokesperson for the governing body", "the city’s housing department": after an article or a possessive
    // inside the phrase, the -ing word describes the noun after it.
    const adjective = i >= 1 && /^(?:the|a|an|its|their)$|[’']s$/.test(bare[i - 1]) && i + 1 < words.length;
    if (/ing$/.test(bare[i]) && bare[i].length > 5 && !bare[i].includes('-') && !capitalised(i) && !capitalised(i + 1) && !SPEAKING_NOUNS.has(bare[i]) && !adjective) return false;
  }
  // "county commissioner Alice Ng", "lead author Dr. Ann Lee": a lower-case title before a name.
  // "grid operator Nordnett", "local station Radio Tarrow": a lower-case kind of source before a name.
  const titledName = bare.some((w) => TITLES.has(w) || TITLES.has(`${w}.`) || ORGANIZATION_DESCRIPTOR.test(w) || KIND_BEFORE_NAME.has(w)) && capitalised(words.length - 1);
  // "district officials", "race organisers": a lower-case noun says whose people they are.
  const last = bare[bare.length - 1];
  const groupOf = words.length <= 3 && bare.every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w) && !/ly$/.test(w)) && (SPEAKING_NOUNS.has(last) || PEOPLE_PLURAL.test(last));
  if (!capitalised(0) && !DETERMINERS.has(bare[0]) && !SPEAKING_NOUNS.has(bare[0]) && !titledName && !groupOf) return false;
  // "Despite initial optimism, experts…": an introductory phrase is not the speaker.
  if (INTRO_START.test(bare[0]) && !PRONOUNS.has(bare[0])) return false;
  // A sentence-initial capital proves nothing: "The deal" is not a speaker, "The Kremlin" is.
  const named = words.some((_, i) => capitalised(i) && (i > 0 || !DETERMINERS.has(bare[0])) && !PRONOUNS.has(bare[i]));
  if (named) return true;
  // "Several growers", "two commuters": a counted group of people named by what they do.
  if (words.length <= 3 && (DETERMINERS.has(bare[0]) || groupOf) && PEOPLE_PLURAL.test(bare[bare.length - 1])) return true;
  // "the university’s provost": the owner's noun counts as much as the speaker's.
  return bare.some((w) => SPEAKING_NOUNS.has(w.replace(/[’']s$/, ''))) || ORGANIZATION_DESCRIPTOR.test(bare[bare.length - 1]);
};
export const isSpeakerPhrase = remembered(readSpeakerPhrase);

const PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in', 'on', 'and', 'to']);
// Nouns that name a statement, not a speaker: ", an account the club denied".
const STATEMENT_HEADS = new Set(['account', 'claim', 'allegation', 'assertion', 'version', 'characterization', 'characterisation', 'charge', 'suggestion', 'description', 'accusation']);

/**
 * Whether a phrase after "said" is only a noun phrase ("the company’s chief executive", "a senior official
 * at the bank"), not the start of a clause ("the association needs 8,000 signatures").
 */
export const isNounPhrase = (phrase: string): boolean => {
  const main = phrase.split(',')[0].trim();
  if (/\d/.test(main)) return false;
  let afterPreposition = false;
  for (const word of main.split(/\s+/)) {
    const bare = word.toLowerCase().replace(/[’']s$/, '').replace(/[^\p{L}.-]/gu, '');
    if (PREPOSITIONS.has(bare)) afterPreposition = true;
    if (/^\p{Lu}/u.test(word) || afterPreposition || PREPOSITIONS.has(bare)) continue;
    if (DETERMINERS.has(bare) || SPEAKING_NOUNS.has(bare) || TITLES.has(bare)) continue;
    if (/(?:al|ior|ive|ic|ent|ant|ish|ese|an|ary|ed)$/.test(bare)) continue;
    return false;
  }
  return true;
};
