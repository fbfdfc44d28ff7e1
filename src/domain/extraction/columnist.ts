import { SourceKind, type SourceRef } from '../types';
import type { Sentence } from './segment';
import { personName } from './speaker';

/**
 * A signed column: an opinion piece by a guest columnist or a staff columnist. What it says without
 * attribution is its author's, not the publisher's. The author is named by a byline at the top
 * ("By Margit Olander") and the column is told in the first person, or by a bio line closing it
 * ("Dr. Nadia Okafor is a general practitioner in Harwick and chairs …", "Margit Olander is the
 * Evening Standard’s transport columnist.").
 */
export interface Columnist {
  author: SourceRef;
  /** The index of the bio line's first sentence: it and what follows are about the author, never claims. */
  bioAt: number | null;
}

const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}`;
const HONORIFIC = String.raw`(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev)\.?\s+)`;
// "Dr. Nadia Okafor is a general practitioner …", "Ines Kovač is a senior lecturer …", "Jo Lam was the …".
const BIO_LINE = new RegExp(String.raw`^(${HONORIFIC}?${NAME})\s+(?:is|was|has been|serves as|works as)\s+(?:a|an|the)\s+\S`, 'u');
// "By Margit Olander", "By Dr. Jo Lam": a byline on a line of its own, perhaps after the section's label
// ("GUEST COLUMN | By Ines Halloran", "Opinion: By Jo Lam").
const BYLINE = new RegExp(String.raw`^(?:\p{L}[\p{L} ]{1,30}\s*[|:•–—]\s*)?By\s+(${HONORIFIC}?${NAME})$`, 'u');
// The narrator's own "I" and "my", outside quotations: a column is told in the first person.
const FIRST_PERSON = /(?:^|[\s(])(?:I|I[’']m|I[’']ve|I[’']d|my|My)\s/u;
// How many sentences of first-person narration make a bylined piece a column.
const FIRST_PERSON_SENTENCES = 2;
// A bio paragraph is short: the line and a sentence or two more about the author.
const BIO_SENTENCES = 3;

/** The sentence's text with its quotations taken out: what a speaker says is not the narrator's "I". */
const unquoted = (text: string): string => text.replace(/“[^”]*(?:”|$)|"[^"]*(?:"|$)/g, ' ');

const surnameOf = (name: string): string => name.split(/\s+/).pop() ?? name;

/**
 * Reads who signs a column, or null when the article is not one. A live blog or an interview is never
 * read as a column (`other`): their "I" and closing notes are someone else's.
 */
export const readColumnist = (sentences: readonly Sentence[], other: boolean): Columnist | null => {
  if (other || sentences.length === 0) return null;
  // The byline: the first line of the article, alone in its paragraph, or the first after a headline.
  const lead = sentences[0].heading && sentences.length > 1 && sentences[1].heading ? 1 : 0;
  const first = sentences[lead];
  const alone = sentences.length > lead + 1 && sentences[lead + 1].paragraph !== first.paragraph;
  const byline = alone ? BYLINE.exec(first.text.trim()) : null;
  const bylined = byline ? personName(byline[1]) : null;

  // The bio: the first sentence of the last paragraph, naming someone the body never named before
  // (a byline aside).
  const lastParagraph = sentences[sentences.length - 1].paragraph;
  const bioAt = sentences.findIndex((s) => s.paragraph === lastParagraph);
  const bio = bioAt > 0 && sentences.length - bioAt <= BIO_SENTENCES ? BIO_LINE.exec(sentences[bioAt].text) : null;
  const bioName = bio ? personName(bio[1]) : null;
  if (bioName) {
    const surname = surnameOf(bioName);
    const namedBefore = sentences.slice(bylined ? lead + 1 : 0, bioAt).some((s) => s.text.includes(surname));
    if (!namedBefore && (!bylined || surnameOf(bylined) === surname)) {
      return { author: { name: bioName, kind: SourceKind.PERSON, affiliation: null }, bioAt };
    }
  }
  if (!bylined) return null;
  // A byline alone is a reporter's; a byline over first-person narration is a columnist's.
  const narrated = sentences.filter((s) => !s.heading && FIRST_PERSON.test(unquoted(s.text))).length;
  return narrated >= FIRST_PERSON_SENTENCES ? { author: { name: bylined, kind: SourceKind.PERSON, affiliation: null }, bioAt: null } : null;
};
