import { NOUN_OR_VERB, TITLES, VERBS } from './lexicon';
import { DETERMINERS, isNounPhrase, isSpeakerPhrase } from './speaker-phrase';

/*
 * Frames that close a sentence: "…, she said.", "“…,” said Mayor Jane Doe.", "…, according to X."
 * and the same frames inside a quotation ("“A,” she said, “B.”").
 */

// Verbs after which a tail frame closes a sentence: "…, she said." / "…, said the minister." / "…, experts say."
// A bare base form that is also a noun is the noun: "…, said her client had not seen the November report before …".
const TAIL_VERBS = VERBS.alternation([...VERBS.finite('closesTail')].filter((form) => !(VERBS.verbs.has(form) && NOUN_OR_VERB.has(form))));
// When or where: "said in a statement on Monday", "wrote on X late on Wednesday".
// It never holds a "that" clause or a quotation: "said in a statement that …" is speaker-first.
const TAIL_ADVERBIALS = String.raw`(?:\s+(?:on|in|at|during|last|this|earlier|later|late|over|via|after|before|to|with|told|from|when|while|yesterday|today|outside|inside|near|following|ahead of)\b(?:(?!\bthat\s)[^,.;!?“"])*?)?`;
// Who was told: "told reporters after the vote", "told The Associated Press".
const TAIL_OBJECT = String.raw`(?:\s+(?:reporters|journalists|lawmakers|analysts|investors|supporters|the\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)(?=[\s,.;!?]|$))?`;
// After the frame: a follow-up (", saying …", ", but experts cautioned …") or the end of the sentence.
const TAIL_REST = String.raw`(?<rest>,\s*(?:\p{Ll}+ing|and|but|though|although|while|yet|as|because)\b[^]*?)?`;
const TAIL_END = String.raw`\s*(?:[.!?]+[”"’]?|[”"’]|$|,\s*(?=[“"]))\s*$`;
const INSIDE_END = String.raw`,\s*(?=[“"])`;
const AUXILIARY_RUN = String.raw`(?:(?:has|have|had|also|later|further|then|previously|once|again|\p{Ll}+ly)\s+)*`;
// "…, according to people familiar with the matter." Its optional appositive describes the speaker ("…, according to Karen Liu, president of the builders' association.").
const APPOSITIVE = String.raw`(?:,\s+(?:(?:an?|the|its|his|her|their|one of)\s|(?:${[...TITLES].filter((t) => /^[a-z-]+$/.test(t)).join('|')})\b|(?:released|published|issued|compiled|conducted|prepared|commissioned)\s)[^]*?)?`;
const ACCORDING_TAIL = new RegExp(String.raw`^(?<cue>according to)\s+(?<speaker>(?:[^,]|,(?=\d))+?${APPOSITIVE})${TAIL_REST}(?<end>${TAIL_END})`, 'iud');
const verbFirst = (end: string): RegExp =>
  new RegExp(String.raw`^(?<cue>${TAIL_VERBS})\s+(?<speaker>.+?)${TAIL_ADVERBIALS}${TAIL_REST}(?<end>${end})`, 'iud');
const verbLast = (end: string): RegExp =>
  new RegExp(String.raw`^(?<speaker>.+?)\s+${AUXILIARY_RUN}(?<cue>${TAIL_VERBS})${TAIL_OBJECT}${TAIL_ADVERBIALS}${TAIL_REST}(?<end>${end})`, 'ud');
const VERB_FIRST_TAIL = verbFirst(TAIL_END);
const VERB_FIRST_INSIDE = verbFirst(INSIDE_END);
export const TAIL_PATTERNS = [ACCORDING_TAIL, VERB_FIRST_TAIL, verbLast(TAIL_END)];
export const INSIDE_PATTERNS = [VERB_FIRST_INSIDE, verbLast(INSIDE_END)];

export interface TailFrame {
  speaker: string;
  cue: string;
  /** Where the follow-up after the frame starts, relative to the tail; null when there is none. */
  rest: number | null;
  length: number;
}

export const matchTail = (tail: string, patterns: RegExp[]): TailFrame | null => {
  for (const pattern of patterns) {
    const match = pattern.exec(tail);
    const groups = match?.groups;
    // "The maker, Acme Corp, said" cut inside the appositive: a closing comma needs an opening one.
    if (!match || !groups) continue;
    // "according to a study by X that adds to concerns …": the relative clause describes the source.
    const speaker = pattern === ACCORDING_TAIL ? groups.speaker.replace(/\s+(?:that|which)\s+\p{Ll}+\b.*$/u, '') : groups.speaker;
    if (/^[^,]*,\s*$/.test(speaker) || !isSpeakerPhrase(speaker)) continue;
    // Before an appositive comes a name ("Jane Doe, a spokesperson") or a role ("the company’s lawyer, Ann Cole").
    const [head, ...described] = speaker.split(',');
    const headWords = head.trim().toLowerCase().split(/\s+/);
    const checked = pattern !== ACCORDING_TAIL;
    const role = DETERMINERS.has(headWords[0]) && TITLES.has(headWords[headWords.length - 1]);
    if (checked && described.length > 0 && !/^\p{Lu}/u.test(head.trim()) && !role) continue;
    // After a verb, the speaker must be a noun phrase and nothing more.
    if ((pattern === VERB_FIRST_TAIL || pattern === VERB_FIRST_INSIDE) && !isNounPhrase(speaker)) continue;
    const rest = match.indices?.groups?.rest?.[0] ?? null;
    return { speaker, cue: groups.cue.toLowerCase(), rest, length: match[0].length };
  }
  return null;
};

/** Points where a tail frame may begin: after a comma or a closing quote. */
export const splitPoints = (text: string): number[] => {
  // British single quotes close with ’, which is also an apostrophe: only a sentence opening with ‘ uses it.
  const closing = /^‘/.test(text) ? /,\s+|[”"’](?=\s+\p{L})\s*|[”"’],\s*/gu : /,\s+|[”"](?=\s+\p{L})\s*|[”"],\s*/gu;
  return [...text.matchAll(closing)].map((m) => (m.index ?? 0) + m[0].length);
};
