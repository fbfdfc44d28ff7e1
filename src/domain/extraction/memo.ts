/**
 * A pure function of one string, remembered: articles repeat their speakers, names and phrases, and the
 * extractor asks the same question of each many times. The answer is shared between callers, so it must
 * never be changed by them. Bounded: past `limit` entries the memory is dropped and filled again.
 */
export const remembered = <T>(fn: (text: string) => T, limit = 20000): ((text: string) => T) => {
  const answers = new Map<string, T>();
  return (text: string): T => {
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = fn(text);
      if (answers.size >= limit) answers.clear();
      answers.set(text, answer);
    }
    return answer as T;
  };
};
