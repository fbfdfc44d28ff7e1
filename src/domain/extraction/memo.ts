/** Longer texts are read every time: a phrase worth remembering is a name or a speaker, not a paragraph. */
const LONGEST_REMEMBERED = 200;

/** Freezes an answer and everything in it, so a caller that tries to change a shared answer fails loudly. */
const frozen = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
};

/**
 * A pure function of one string, remembered: articles repeat their speakers, names and phrases, and the
 * extractor asks the same question of each many times. The answer is shared between callers, so it must
 * never be changed by them: it is frozen. Bounded: texts up to 200 characters, `limit` of them, then the memory is dropped
 * and filled again. A text is copied before it is kept (and read from the copy, so the answer's pieces are
 * cut from the copy too): a piece of an article kept as it came would keep the whole article in memory.
 */
export const remembered = <T>(fn: (text: string) => T, limit = 20000): ((text: string) => T) => {
  const answers = new Map<string, T>();
  return (text: string): T => {
    if (text.length > LONGEST_REMEMBERED) return fn(text);
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      // A copy of its own: V8 keeps a longer substring as a view into the string it was cut from.
      const own = ` ${text}`.slice(1);
      answer = frozen(fn(own));
      if (answers.size >= limit) answers.clear();
      answers.set(own, answer);
    }
    return answer as T;
  };
};
