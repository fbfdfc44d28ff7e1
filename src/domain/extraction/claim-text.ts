import { DISCOURSE_OPENERS } from './lexicon';

/** Who a leading pronoun of a statement stands for, when the article says so. */
export type PronounResolver = (pronoun: string) => string | null;

export interface ClaimTextContext {
  /** The subject a split-off predicate shares with the clause before it. */
  subject?: string;
  resolvePronoun?: PronounResolver;
}

// A pronoun is replaced only when the verb after it reads the same with a name: "he said", not "they are".
const LEADING_PRONOUN = /^(he|she)\s+(?=\p{Ll})/iu;

/** Removes the openers that only link a sentence to the one before ("Concurrently, ", "However, "). */
export const stripDiscourseOpeners = (statement: string): string => {
  let current = statement;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(DISCOURSE_OPENERS, '');
  }
  return current;
};

/**
 * Writes a statement as a standalone claim: no frame, no wrapping quotes, no linking opener,
 * a known speaker for a leading "he"/"she", a capital first letter and a final period.
 */
export const writeClaimText = (statement: string, context: ClaimTextContext = {}): string => {
  const resolvePronoun = context.resolvePronoun ?? (() => null);
  let text = statement
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[“"‘]+|[”"’]+$/g, '')
    .replace(/^(?:that|while|whereas|with|including|although|though)\s+/i, '')
    .trim();
  text = stripDiscourseOpeners(text);
  // A predicate split from its subject gets the subject back: "has two years left" → "Smith has two years left".
  if (context.subject && /^\p{Ll}/u.test(text) && !/^(?:the|a|an|this|these|those|it|they|he|she|we)\b/.test(text)) {
    const subject = context.subject.replace(/^[“"‘]+/, '');
    // "whose son has diabetes" → "Jane Doe's son has diabetes".
    text = /^whose\s/.test(text) ? `${subject}’s ${text.slice(6)}` : `${subject} ${text.replace(/^(?:who|which)\s+/, '')}`;
  }
  const pronoun = LEADING_PRONOUN.exec(text);
  const name = pronoun ? resolvePronoun(pronoun[1].toLowerCase()) : null;
  if (pronoun && name) text = `${name} ${text.slice(pronoun[0].length)}`;
  // Quotes left unbalanced by trimming the wrapping ones are dropped too.
  if ((text.match(/[“”]/g) ?? []).length === 1) text = text.replace(/[“”]/g, '');
  if ((text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/"/g, '');
  text = text.replace(/[\s,;:–—-]+$/, '');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(text) ? text : `${text}.`;
};
