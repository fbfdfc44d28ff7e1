/** A range inside one sentence's text (UTF-16 offsets, end exclusive). */
export interface Range {
  start: number;
  end: number;
}

// Quotes, spaces and stray punctuation, and a list item's marker ("- Polls closed at 10pm", "• Turnout was 41%").
const OPEN_QUOTES = /^(?:[\s“"‘',;:]|[-–•*](?=\s))+/;
const CLOSING = /[\s”"’'.!,;:]/;

/** Trims quotes, spaces, a list marker and final punctuation from a range's ends (a question mark stays). */
export const tightenRange = (text: string, range: Range): Range => {
  let { start, end } = range;
  const head = OPEN_QUOTES.exec(text.slice(start, end));
  if (head) start += head[0].length;
  // Walked back one character at a time: a regex anchored only at the end retries every start.
  while (end > start && CLOSING.test(text[end - 1])) end -= 1;
  return end > start ? { start, end } : range;
};
