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

/**
 * A single newline is a soft wrap unless the line before is complete, a list item follows, or the line
 * before is a heading (short, capitalised to its last word) and a capitalised line follows. The segmenter
 * always breaks at a newline, so a soft wrap is shown to it as a space.
 */
const unwrapLines = (text: string): string =>
  text.replace(/\n/g, (newline, offset: number) => {
    const before = (text.slice(0, offset).split('\n').pop() ?? '').trim();
    const after = text.slice(offset + 1);
    const heading = isHeadingText(before) && /(?:^|\s)[\p{Lu}\d][\p{L}\d.’'-]*$/u.test(before) && /^\s*[\p{Lu}\d“"]/u.test(after);
    const hardBreak = /[.!?:"”]$/.test(before) || /^\s*(?:[-*•]|\d+[.)])\s/.test(after) || heading;
    return hardBreak && !/^\s*\p{Ll}/u.test(after) ? newline : ' ';
  });

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
  for (const { segment, index } of segmenter.segment(text)) {
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
