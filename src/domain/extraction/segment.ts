import { AMBIGUOUS_ABBREVIATIONS, NON_TERMINAL_ABBREVIATIONS, SENTENCE_STARTERS } from './lexicon';

/** One sentence of a body: `body.slice(start, end) === text`, with no whitespace at either end. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph it stands in; sentences never cross paragraphs. */
  paragraph: number;
  /** A short line without final punctuation: a heading, a byline, a caption; never a claim. */
  heading: boolean;
}

interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// V8's segmenter (Node 20) copies its whole input for every segment it yields, so it is fed bounded windows.
const SEGMENT_WINDOW = 2048;

/**
 * The segmenter's sentences of `text`, read window by window. A sentence break depends on the text up to
 * the next terminator, which stands before the following break; so a segment is kept only once the
 * segment after it has ended inside the window, and the next window starts where the first unkept one does.
 */
export function* segmentsOf(text: string, windowSize = SEGMENT_WINDOW): Generator<{ segment: string; index: number }> {
  let from = 0;
  let size = windowSize;
  while (from < text.length) {
    const end = Math.min(text.length, from + size);
    const window = text.slice(from, end);
    if (end === text.length) {
      for (const { segment, index } of segmenter.segment(window)) yield { segment, index: from + index };
      return;
    }
    let pending: { segment: string; index: number } | null = null;
    let kept = 0;
    for (const { segment, index } of segmenter.segment(window)) {
      if (index + segment.length >= window.length) break;
      if (pending) {
        yield { segment: pending.segment, index: from + pending.index };
        kept = pending.index + pending.segment.length;
      }
      pending = { segment, index };
      // Enough for this window: every further segment would cost another copy of it.
      if (kept >= windowSize / 2) break;
    }
    if (pending) kept = pending.index;
    // No sentence ends inside the window: it grows until one does (doubling keeps the total linear).
    if (kept === 0) size *= 2;
    else {
      from += kept;
      size = windowSize;
    }
  }
}

const OPENERS = /^[\s"“‘'(\[]*/;

/** The first word of a segment, lower-cased, quotes and brackets removed. */
const firstWord = (text: string): string => (text.replace(OPENERS, '').split(/\s+/)[0] ?? '').toLowerCase();

/** The last word of a segment as written, quotes and brackets removed before it. */
const lastWord = (text: string): string => {
  const words = text.trim().split(/\s+/);
  return (words[words.length - 1] ?? '').replace(/^["“‘'(\[]+/, '');
};

/** Whether the segmenter's break between two segments is wrong and they are one sentence. */
const continuesSentence = (previous: string, next: string): boolean => {
  const nextText = next.replace(OPENERS, '');
  if (nextText === '' || /^[”’"')\]]+\s*$/.test(next.trim())) return true;
  // A sentence never starts in lower case: "“Stop!” she said", "U.S. officials", "3 p.m. on Friday".
  if (/^\p{Ll}/u.test(nextText)) return true;
  // A closing bracket or a list separator right after the break also continues the sentence.
  if (/^[,;:)\]]/.test(nextText)) return true;
  const word = lastWord(previous);
  const lower = word.toLowerCase();
  // "No. 10" abbreviates "number"; "“No. We got what mattered.”" is an answer that ends a sentence.
  if (/^nos?\.$/.test(lower)) return /^\d/.test(nextText);
  if (NON_TERMINAL_ABBREVIATIONS.has(lower)) return true;
  // An initial ("J. R. Tolkien", "George W. Bush") is followed by more of the name.
  if (/^\p{Lu}\.$/u.test(word) && /^\p{Lu}/u.test(nextText)) return true;
  const ambiguous = AMBIGUOUS_ABBREVIATIONS.has(lower) || /^(?:\p{L}\.){2,}$/u.test(word);
  return ambiguous && !SENTENCE_STARTERS.has(firstWord(next));
};

/** Paragraphs are separated by a blank line; a single newline only wraps text. */
const paragraphSpans = (body: string): Span[] => {
  const spans: Span[] = [];
  const separator = /\n[ \t]*(?:\n[ \t]*)+/g;
  let start = 0;
  for (let match = separator.exec(body); match; match = separator.exec(body)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: body.length });
  return spans.filter((s) => body.slice(s.start, s.end).trim() !== '');
};

const isWhitespace = (ch: string): boolean => /\s/.test(ch);
const LIST_MARK = /[-–*•]/;

/** Whether a list item starts at `at`: "- ", "* ", "• ", "1. ", "2) " (the same as `^(?:[-*•]|\d+[.)])\s`). */
const listItemAt = (text: string, at: number): boolean => {
  if (at < text.length && LIST_MARK.test(text[at])) return at + 1 < text.length && isWhitespace(text[at + 1]);
  let i = at;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i += 1;
  return i > at && (text[i] === '.' || text[i] === ')') && i + 1 < text.length && isWhitespace(text[i + 1]);
};

/**
 * A single newline is a soft wrap unless the line before is complete, a list item follows, or the line
 * before is a heading (short, capitalised to its last word) and a capitalised line follows. The segmenter
 * always breaks at a newline, so a soft wrap is shown to it as a space.
 */
const unwrapLines = (text: string): string => {
  let lineStart = 0;
  // The first non-space character after a newline; it only moves forward, so every line is read once.
  let next = 0;
  return text.replace(/\n/g, (newline, offset: number) => {
    const before = text.slice(lineStart, offset).trim();
    lineStart = offset + 1;
    if (next <= offset) next = offset + 1;
    while (next < text.length && isWhitespace(text[next])) next += 1;
    const first = text[next] ?? '';
    const heading = isHeadingText(before) && /(?:^|\s)[\p{Lu}\d][\p{L}\d.’'-]*$/u.test(before) && /^[\p{Lu}\d“"]/u.test(first);
    const hardBreak = /[.!?:"”]$/.test(before) || listItemAt(text, next) || heading;
    return hardBreak && !/^\p{Ll}/u.test(first) ? newline : ' ';
  });
};

/** A short line without final punctuation reads as a heading. */
export const isHeadingText = (text: string): boolean => {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (/^#{1,6}\s/.test(trimmed)) return true;
  return !/[.!?;"”’)…]$/.test(trimmed) && trimmed.split(/\s+/).length <= 15;
};

const trimSpan = (body: string, span: Span): Span => {
  let { start, end } = span;
  while (start < end && /\s/.test(body[start])) start += 1;
  while (end > start && /\s/.test(body[end - 1])) end -= 1;
  return { start, end };
};

const sentencesOfParagraph = (body: string, paragraph: Span): Span[] => {
  const text = unwrapLines(body.slice(paragraph.start, paragraph.end));
  const merged: Span[] = [];
  for (const { segment, index } of segmentsOf(text)) {
    const span = { start: paragraph.start + index, end: paragraph.start + index + segment.length };
    const previous = merged[merged.length - 1];
    // Only the end of the sentence so far matters (its last word), so long sentences stay cheap.
    const previousText = previous ? text.slice(Math.max(previous.start, previous.end - 80) - paragraph.start, previous.end - paragraph.start) : '';
    // A hard line break always ends a sentence, whatever the words around it.
    const afterNewline = previousText.endsWith('\n');
    if (previous && !afterNewline && continuesSentence(previousText, segment)) previous.end = span.end;
    else merged.push(span);
  }
  return merged.map((s) => trimSpan(body, s)).filter((s) => s.end > s.start);
};

/**
 * Splits a body into sentences with UTF-16 offsets: Intl.Segmenter, corrected for abbreviations
 * ("U.S.", "Dr."), initials, quotes closed after "!" or "?", and never across a paragraph break.
 */
export const splitSentences = (body: string): Sentence[] =>
  paragraphSpans(body).flatMap((paragraph, index) => {
    const spans = sentencesOfParagraph(body, paragraph);
    return spans.map((s) => {
      const text = body.slice(s.start, s.end);
      return { text, start: s.start, end: s.end, paragraph: index, heading: isHeadingText(text) };
    });
  });
