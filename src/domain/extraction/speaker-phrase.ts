import { documentsIn, GOVERNMENT_WORDS, MEMBER_NOUNS, ORGANIZATION_DESCRIPTOR, ORGANIZATION_WORDS, TITLES, VAGUE_SPEAKERS } from './lexicon';
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
const SPEAKING_NOUNS = new Set([
  ...MEMBER_NOUNS, ...VAGUE_SPEAKERS, ...TITLES, ...GOVERNMENT_WORDS, ...ORGANIZATION_WORDS,
  'ministry', 'government', 'company', 'firm', 'administration', 'president', 'minister', 'police', 'prosecutors',
  'investigators', 'authorities', 'lawmakers', 'legislators', 'doctors', 'activists', 'protesters', 'workers', 'unions',
  'scholars', 'historians', 'critics', 'supporters', 'opponents', 'economist', 'analyst', 'campaigners', 'regulators',
  'diplomats', 'leaders', 'spokesperson', 'spokesman', 'spokeswoman', 'representatives', 'governments', 'panel', 'newspaper', 'club', 'group', 'association', 'department', 'council',
  'authors', 'team', ...documentsIn('speaking'),
  'brokers', 'bankers', 'dealers', 'executives', 'managers', 'employees', 'students', 'parents', 'teachers',
  'nurses', 'farmers', 'shippers', 'owners', 'fans', 'voters', 'shoppers', 'users', 'customers', 'consumers',
  'patients', 'survivors', 'victims', 'families', 'relatives', 'neighbours', 'neighbors', 'locals', 'members',
  'paper', 'note', 'indictment', 'complaint', 'lawsuit', 'affidavit', 'documents', 'forecast', 'forecasters', 'service',
  'manufacturer', 'maker', 'owner', 'operator', 'developer', 'producer', 'supplier', 'retailer', 'insurer', 'lender',
]);
// Words that open an introductory phrase ("In a statement, …", "Despite initial optimism, …").
export const INTRO_START = /^(?:in|on|at|during|speaking|earlier|later|meanwhile|however|despite|after|before|last|this|separately|also|yet|but|still|for|as|with|since|asked|writing|responding|addressing|like|unlike|while|when|though|although|now|then|today|yesterday|overall|indeed|instead|moreover|furthermore|additionally|concurrently|under|inside|among|amid|according)\b/i;

/** Whether a phrase can name who speaks: a name, a pronoun, an organisation, "experts at X". */
const readSpeakerPhrase = (phrase: string): boolean => {
  // "an indictment unsealed last week in federal court in Ohio": where the document came from is not who speaks.
  const main = withoutCircumstance(phrase.split(',')[0].trim()).replace(/^(.*?\p{Ll}{3,})\s+(?:unsealed|filed|released|published|issued|obtained|posted)\s+(?:last|this|on|in|at|late|early|earlier)\b.*$/u, '$1');
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
    if (/ing$/.test(bare[i]) && bare[i].length > 5 && !bare[i].includes('-') && !capitalised(i) && !capitalised(i + 1) && !SPEAKING_NOUNS.has(bare[i])) return false;
  }
  // "county commissioner Alice Ng", "lead author Dr. Ann Lee": a lower-case title before a name.
  const titledName = bare.some((w) => TITLES.has(w) || TITLES.has(`${w}.`)) && capitalised(words.length - 1);
  if (!capitalised(0) && !DETERMINERS.has(bare[0]) && !SPEAKING_NOUNS.has(bare[0]) && !titledName) return false;
  // "Despite initial optimism, experts…": an introductory phrase is not the speaker.
  if (INTRO_START.test(bare[0]) && !PRONOUNS.has(bare[0])) return false;
  // A sentence-initial capital proves nothing: "The deal" is not a speaker, "The Kremlin" is.
  const named = words.some((_, i) => capitalised(i) && (i > 0 || !DETERMINERS.has(bare[0])) && !PRONOUNS.has(bare[i]));
  if (named) return true;
  // "Several growers", "two commuters": a counted group of people named by what they do.
  if (words.length <= 3 && DETERMINERS.has(bare[0]) && PEOPLE_PLURAL.test(bare[bare.length - 1])) return true;
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
