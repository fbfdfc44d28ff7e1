/** A range inside one sentence's text (UTF-16 offsets, end exclusive). */
export interface Range {
  start: number;
  end: number;
}

const OPEN_QUOTES = /^[\s“"‘',;:]+/;
const CLOSING = /[\s”"’'.!,;:]+$/;

/** Trims quotes, spaces and final punctuation from a range's ends (a question mark stays). */
export const tightenRange = (text: string, range: Range): Range => {
  let { start, end } = range;
  const head = OPEN_QUOTES.exec(text.slice(start, end));
  if (head) start += head[0].length;
  const tail = CLOSING.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  return end > start ? { start, end } : range;
};
