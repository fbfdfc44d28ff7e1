/** Input rules for reviews and state-change notes. Pure: each returns its problems, empty when valid. */
import { LISTS, TEXT } from './limits';
import { EvidenceStance, Verdict } from './types';

/** Longest rationale, in characters (code points) after trimming. */
export const MAX_RATIONALE_LENGTH = TEXT.rationale;
/** Longest setClaimState note, in characters (code points) after trimming. */
export const MAX_NOTE_LENGTH = TEXT.note;
/** Most evidence links on one review. */
export const MAX_EVIDENCE_ITEMS = LISTS.evidencePerReview;
/** Longest evidence URL, in characters. */
export const MAX_EVIDENCE_URL_LENGTH = TEXT.evidenceUrl;
/** Longest evidence title, in characters (code points) after trimming. */
export const MAX_EVIDENCE_TITLE_LENGTH = TEXT.evidenceTitle;
/** Longest evidence excerpt, in characters (code points) after trimming. */
export const MAX_EVIDENCE_EXCERPT_LENGTH = TEXT.evidenceExcerpt;

/** The verdicts that must be backed by at least one evidence link and a non-empty rationale. */
export const VERDICTS_NEEDING_EVIDENCE: ReadonlySet<Verdict> = new Set([
  Verdict.SUPPORTED,
  Verdict.REFUTED,
  Verdict.MISLEADING,
]);

/** One thing wrong with an input: the field it is in (`evidence[2].url`) and a sentence saying what. */
export interface InputProblem {
  field: string;
  message: string;
}

/** One evidence link as a reviewer submits it. */
export interface EvidenceDraft {
  url: string;
  title?: string | null;
  excerpt?: string | null;
  stance: EvidenceStance;
}

/** A review as a reviewer submits it. */
export interface ReviewDraft {
  verdict: Verdict;
  confidence: number;
  rationale: string;
  evidence: readonly EvidenceDraft[];
}

const VERDICTS: ReadonlySet<string> = new Set(Object.values(Verdict));
const EVIDENCE_STANCES: ReadonlySet<string> = new Set(Object.values(EvidenceStance));
// A URL as stored must read the same as it parses: the WHATWG parser silently drops these.
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/u;

/** Length in code points, so an emoji counts as one character, as a user would count it. */
function charCount(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function checkRequiredText(field: string, label: string, value: unknown, max: number, problems: InputProblem[]): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, message: `${label} must not be empty.` });
    return;
  }
  checkLength(field, label, value, max, problems);
}

function checkLength(field: string, label: string, value: string, max: number, problems: InputProblem[]): void {
  const length = charCount(value.trim());
  if (length > max) {
    problems.push({ field, message: `${label} must be at most ${max} characters; it has ${length}.` });
  }
}

function checkOptionalText(field: string, label: string, value: unknown, max: number, problems: InputProblem[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') {
    problems.push({ field, message: `${label} must be text.` });
    return;
  }
  checkLength(field, label, value, max, problems);
}

/** The problems with an evidence URL: it must be an absolute http or https URL, as typed. */
function checkEvidenceUrl(field: string, url: unknown, problems: InputProblem[]): void {
  if (typeof url !== 'string' || url.trim() === '') {
    problems.push({ field, message: 'Evidence URL must not be empty.' });
    return;
  }
  if (url.length > MAX_EVIDENCE_URL_LENGTH) {
    problems.push({ field, message: `Evidence URL must be at most ${MAX_EVIDENCE_URL_LENGTH} characters.` });
    return;
  }
  if (WHITESPACE_OR_CONTROL.test(url)) {
    problems.push({ field, message: 'Evidence URL must not contain spaces or control characters.' });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push({ field, message: 'Evidence URL must be an absolute http or https URL.' });
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    problems.push({ field, message: `Evidence URL must use http or https, not ${parsed.protocol.slice(0, -1)}.` });
  }
}

function checkEvidence(index: number, item: unknown, problems: InputProblem[]): void {
  const field = `evidence[${index}]`;
  if (typeof item !== 'object' || item === null) {
    problems.push({ field, message: 'Evidence must be an object with a url and a stance.' });
    return;
  }
  const evidence = item as Partial<Record<keyof EvidenceDraft, unknown>>;
  checkEvidenceUrl(`${field}.url`, evidence.url, problems);
  checkOptionalText(`${field}.title`, 'Evidence title', evidence.title, MAX_EVIDENCE_TITLE_LENGTH, problems);
  checkOptionalText(`${field}.excerpt`, 'Evidence excerpt', evidence.excerpt, MAX_EVIDENCE_EXCERPT_LENGTH, problems);
  if (typeof evidence.stance !== 'string' || !EVIDENCE_STANCES.has(evidence.stance)) {
    problems.push({
      field: `${field}.stance`,
      message: `Evidence stance must be one of ${[...EVIDENCE_STANCES].join(', ')}.`,
    });
  }
}

/** The problems with a submitted review (verdict, confidence, rationale, evidence); empty when it is valid. */
export function validateReview(review: ReviewDraft): InputProblem[] {
  const problems: InputProblem[] = [];
  const { verdict, confidence, rationale, evidence } = review;

  const knownVerdict = typeof verdict === 'string' && VERDICTS.has(verdict);
  if (!knownVerdict) {
    problems.push({ field: 'verdict', message: `Verdict must be one of ${[...VERDICTS].join(', ')}.` });
  }
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    problems.push({ field: 'confidence', message: 'Confidence must be a number from 0 to 1.' });
  }

  const needsBacking = knownVerdict && VERDICTS_NEEDING_EVIDENCE.has(verdict);
  if (needsBacking) {
    checkRequiredText('rationale', `A ${verdict} verdict's rationale`, rationale, MAX_RATIONALE_LENGTH, problems);
  } else if (typeof rationale !== 'string') {
    problems.push({ field: 'rationale', message: 'Rationale must be text.' });
  } else {
    checkLength('rationale', 'Rationale', rationale, MAX_RATIONALE_LENGTH, problems);
  }

  if (!Array.isArray(evidence)) {
    problems.push({ field: 'evidence', message: 'Evidence must be a list.' });
    return problems;
  }
  if (needsBacking && evidence.length === 0) {
    problems.push({ field: 'evidence', message: `A ${verdict} verdict needs at least one evidence link.` });
  }
  if (evidence.length > MAX_EVIDENCE_ITEMS) {
    problems.push({
      field: 'evidence',
      message: `A review may have at most ${MAX_EVIDENCE_ITEMS} evidence links; it has ${evidence.length}.`,
    });
  }
  evidence.forEach((item: unknown, index) => checkEvidence(index, item, problems));
  return problems;
}

/** The problems with a setClaimState note: required after trimming, at most MAX_NOTE_LENGTH characters. */
export function validateNote(note: string): InputProblem[] {
  const problems: InputProblem[] = [];
  checkRequiredText('note', 'Note', note, MAX_NOTE_LENGTH, problems);
  return problems;
}
