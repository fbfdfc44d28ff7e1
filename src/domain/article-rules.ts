import { anchorQuote, QuoteSelector } from './anchoring';
import { LISTS, TEXT, unacceptableName } from './limits';
import { cleanSourceRef, normalizeSourceName } from './sources';
import { slugify } from './text';
import { isHttpUrl } from './text';
import { SourceKind, SourceRef, Stance, TextQuote } from './types';

export const MAX_TITLE_LENGTH = TEXT.articleTitle;
export const MAX_CLAIM_TEXT_LENGTH = TEXT.claimText;
export const MAX_NAME_LENGTH = TEXT.sourceName;
export const MAX_CLAIMS_PER_ARTICLE = LISTS.claimsPerArticle;

/** One claim as a seed file or `ingestArticle` gives it. */
export interface ClaimSeed {
  text: string;
  quote: string | QuoteSelector;
  source: SourceRef;
  stance: Stance;
  checkworthiness?: number | null;
}

/** A claim as a client sends it: the source's kind may be left out (UNKNOWN). */
export interface ClaimRequest {
  text: string;
  quote: QuoteSelector;
  source: { name: string; kind?: SourceKind | null; affiliation?: string | null };
  stance: Stance;
  checkworthiness?: number | null;
}

/** The claim seed for a client's request. */
export function claimSeedFrom(request: ClaimRequest): ClaimSeed {
  const { quote, source } = request;
  return {
    text: request.text,
    quote: { exact: quote.exact, prefix: quote.prefix ?? null, suffix: quote.suffix ?? null, start: quote.start ?? null },
    source: { name: source.name, kind: source.kind ?? SourceKind.UNKNOWN, affiliation: source.affiliation ?? null },
    stance: request.stance,
    checkworthiness: request.checkworthiness ?? null,
  };
}

/** An article as a seed file or `ingestArticle` gives it; claims are extracted when absent. */
export interface ArticleDraft {
  title: string;
  body: string;
  slug?: string | null;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: Date | null;
  language?: string | null;
  claims?: ClaimSeed[] | null;
}

/** A claim ready to store: anchored, with a clean source. */
export interface PreparedClaim {
  text: string;
  quote: TextQuote;
  source: SourceRef;
  normalizedSource: string;
  stance: Stance;
  checkworthiness: number | null;
  /**
   * The claim's terms for the term index (`indexTerms` of its text), when worked out ahead: the extraction
   * workers do, so the thread that stores the claim does not. Absent, they are worked out when it is stored.
   */
  terms?: readonly string[];
}

/** An article ready to store. */
export interface PreparedArticle {
  title: string;
  body: string;
  slug: string;
  url: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  language: string;
  claims: PreparedClaim[] | null;
}

export interface Problem {
  field: string;
  message: string;
}

export type Prepared = { ok: true; article: PreparedArticle } | { ok: false; problems: Problem[] };

const STANCES = new Set<string>(Object.values(Stance));
const KINDS = new Set<string>(Object.values(SourceKind));
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
// Control characters other than tab and newlines mean binary data, not an article.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/** Checks an article and anchors its claims; returns every problem at once, or the article ready to store. */
export function prepareArticle(draft: ArticleDraft, limits: { maxBodyBytes: number }): Prepared {
  const problems: Problem[] = [];
  const title = (draft.title ?? '').trim().replace(/\s+/g, ' ');
  const body = (draft.body ?? '').replace(/\r\n?/g, '\n').trim();
  if (title === '') problems.push({ field: 'title', message: 'must not be empty' });
  if (title.length > MAX_TITLE_LENGTH) problems.push({ field: 'title', message: `must be at most ${MAX_TITLE_LENGTH} characters` });
  if (body === '') problems.push({ field: 'body', message: 'must not be empty' });
  const bodyBytes = Buffer.byteLength(body, 'utf8');
  if (bodyBytes > limits.maxBodyBytes) {
    problems.push({ field: 'body', message: `is ${bodyBytes} bytes; at most ${limits.maxBodyBytes} are allowed` });
  }
  if (BINARY.test(body) || BINARY.test(title)) problems.push({ field: 'body', message: 'contains binary data' });
  const url = draft.url?.trim() || null;
  if (url !== null && !isHttpUrl(url)) problems.push({ field: 'url', message: 'must be an http or https URL' });
  const language = draft.language?.trim() || 'en';
  if (!LANGUAGE.test(language)) problems.push({ field: 'language', message: 'must be a language tag such as "en" or "pt-BR"' });
  const slug = draft.slug?.trim() || slugify(title);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > TEXT.articleSlug) {
    problems.push({ field: 'slug', message: 'must be lowercase letters, digits and single hyphens' });
  }
  const publishedAt = draft.publishedAt ?? null;
  if (publishedAt !== null && Number.isNaN(publishedAt.getTime())) {
    problems.push({ field: 'publishedAt', message: 'must be an ISO 8601 date' });
  }
  const publisher = draft.publisher?.trim() || null;
  if (publisher !== null && publisher.length > TEXT.articlePublisher) {
    problems.push({ field: 'publisher', message: `must be at most ${TEXT.articlePublisher} characters` });
  }
  if (language.length > TEXT.articleLanguage) problems.push({ field: 'language', message: `must be at most ${TEXT.articleLanguage} characters` });

  let claims: PreparedClaim[] | null = null;
  if (draft.claims != null) {
    if (draft.claims.length > MAX_CLAIMS_PER_ARTICLE) {
      problems.push({ field: 'claims', message: `at most ${MAX_CLAIMS_PER_ARTICLE} claims per article` });
    } else if (body !== '') {
      claims = [];
      draft.claims.forEach((seed, index) => {
        const prepared = prepareClaim(body, seed, `claims[${index}]`, problems);
        if (prepared) claims!.push(prepared);
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, article: { title, body, slug, url, publisher, publishedAt, language, claims } };
}

/** Checks one claim against its article's body; records problems under `field`. */
export function prepareClaim(body: string, seed: ClaimSeed, field: string, problems: Problem[]): PreparedClaim | null {
  const before = problems.length;
  const text = (seed.text ?? '').trim().replace(/\s+/g, ' ');
  if (text === '') problems.push({ field: `${field}.text`, message: 'must not be empty' });
  if (text.length > MAX_CLAIM_TEXT_LENGTH) problems.push({ field: `${field}.text`, message: `must be at most ${MAX_CLAIM_TEXT_LENGTH} characters` });
  if (!STANCES.has(seed.stance)) problems.push({ field: `${field}.stance`, message: `must be one of ${[...STANCES].join(', ')}` });
  const checkworthiness = seed.checkworthiness ?? null;
  if (checkworthiness !== null && !(Number.isFinite(checkworthiness) && checkworthiness >= 0 && checkworthiness <= 1)) {
    problems.push({ field: `${field}.checkworthiness`, message: 'must be from 0 to 1' });
  }
  const source = seed.source ? cleanSourceRef(seed.source) : null;
  if (!source || source.name === '') {
    problems.push({ field: `${field}.source.name`, message: 'must not be empty' });
  } else {
    if (source.name.length > MAX_NAME_LENGTH) problems.push({ field: `${field}.source.name`, message: `must be at most ${MAX_NAME_LENGTH} characters` });
    if (!KINDS.has(source.kind)) problems.push({ field: `${field}.source.kind`, message: `must be one of ${[...KINDS].join(', ')}` });
    if (normalizeSourceName(source.name) === '') problems.push({ field: `${field}.source.name`, message: 'must contain letters or digits' });
    const nameProblem = unacceptableName(source.name);
    if (nameProblem) problems.push({ field: `${field}.source.name`, message: nameProblem });
    if (source.affiliation && source.affiliation.length > TEXT.sourceAffiliation) {
      problems.push({ field: `${field}.source.affiliation`, message: `must be at most ${TEXT.sourceAffiliation} characters` });
    }
  }
  const selector: QuoteSelector = typeof seed.quote === 'string' ? { exact: seed.quote } : seed.quote ?? { exact: '' };
  for (const side of ['prefix', 'suffix'] as const) {
    const context = selector[side];
    if (context && context.length > TEXT.quoteContext) {
      problems.push({ field: `${field}.quote.${side}`, message: `must be at most ${TEXT.quoteContext} characters` });
    }
  }
  const contextTooLong = problems.some((p) => p.field.startsWith(`${field}.quote.`));
  const anchored = contextTooLong ? null : anchorQuote(body, selector);
  if (anchored && !anchored.ok) problems.push({ field: `${field}.quote`, message: anchored.message });
  if (problems.length > before || !anchored?.ok || !source) return null;
  return {
    text,
    quote: anchored.quote,
    source,
    normalizedSource: normalizeSourceName(source.name),
    stance: seed.stance,
    checkworthiness,
  };
}
