/**
 * Which of "he" and "she" an article uses for a person it names: read from the title before the name
 * ("Mr", "Mrs", "Ms") or, failing that, from the first personal pronoun after each mention of the surname
 * within the same stretch of text. Used to keep "he said" from resolving to the last woman named.
 */
export type Gender = 'male' | 'female';

const TITLE_BEFORE = /\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$/;
const FEMALE_TITLES = new Set(['Mrs', 'Ms', 'Miss', 'Dame', 'Lady']);
// A personal pronoun after a mention.
const PRONOUN = /\b(he|him|his|she|her|hers)\b/i;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The gender the article gives a person, or null when it gives none or both. */
export const genderIn = (body: string, name: string): Gender | null => {
  const words = name.trim().split(/\s+/);
  const surname = words.pop() ?? '';
  if (surname.length < 2) return null;
  let male = 0;
  let female = 0;
  const given = words.length ? `(?:${words.map(escape).join('\\s+')}\\s+)?` : '';
  for (const m of body.matchAll(new RegExp(`\\b${given}${escape(surname)}\\b`, 'gu'))) {
    const at = m.index ?? 0;
    const title = TITLE_BEFORE.exec(body.slice(Math.max(0, at - 12), at))?.[1];
    if (title) {
      if (FEMALE_TITLES.has(title)) female += 2;
      else male += 2;
      continue;
    }
    // Only a mention that opens its sentence is its subject, whom the next pronoun most likely means.
    if (!/(?:^|[.!?][”"’]?\s+|\n\s*)$/.test(body.slice(Math.max(0, at - 4), at))) continue;
    // The rest of its sentence, or failing that the next one.
    const after = body.slice(at + m[0].length, at + m[0].length + 400);
    const end = after.search(/[.!?][”"’]?(?:\s|$)/);
    const own = end >= 0 ? after.slice(0, end) : after;
    const next = end >= 0 ? after.slice(end).replace(/^[.!?][”"’]?\s+/, '') : '';
    const inOwn = PRONOUN.exec(own);
    // Another capitalised name before the pronoun in the sentence may be whom it means.
    if (inOwn && /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(own.slice(0, inOwn.index))) continue;
    // In the next sentence, a pronoun no other name stands before ("In a short speech he …", "“…,” she tells").
    const inNext = /\b(he|she)\b/i.exec(next.slice(0, Math.max(0, next.search(/[.!?](?:\s|$)/)) || undefined));
    const nameFirst = inNext !== null && /\s\p{Lu}/u.test(next.slice(0, inNext.index).replace(/[“"][^”"]*[”"]/g, ''));
    const pronoun = inOwn?.[1] ?? (nameFirst ? undefined : inNext?.[1]);
    if (!pronoun) continue;
    if (/^(?:he|him|his)$/i.test(pronoun)) male += 1;
    else female += 1;
  }
  if (male === female) return null;
  return male > female ? 'male' : 'female';
};

/** The gender a pronoun speaker names: "he" male, "she" female, anything else none. */
export const pronounGender = (speaker: string): Gender | null => {
  const word = speaker.trim().toLowerCase();
  return word === 'he' ? 'male' : word === 'she' ? 'female' : null;
};
