import { TextQuote } from './types';

/** How much context a quote keeps on each side, as the W3C TextQuoteSelector suggests. */
export const QUOTE_CONTEXT = 32;

/** What to look for: the exact text, optionally disambiguated by its surroundings or a position hint. */
export interface QuoteSelector {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
  /** Preferred start offset; the occurrence nearest to it wins when several match. */
  start?: number | null;
}

export type AnchorResult =
  | { ok: true; quote: TextQuote }
  | { ok: false; reason: 'EMPTY' | 'NOT_FOUND' | 'AMBIGUOUS'; message: string };

/** The quote for a span of the body, with its prefix and suffix. */
export function quoteAt(body: string, start: number, end: number): TextQuote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) {
    throw new RangeError(`span ${start}..${end} is not inside a body of length ${body.length}`);
  }
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: body.slice(end, end + QUOTE_CONTEXT),
    start,
    end,
  };
}

/** Knuth–Morris–Pratt: every start of `pattern` in `text`, in order, in time linear in both. */
function forEachOccurrence(text: string, pattern: string, visit: (at: number) => boolean | void): void {
  const fail = new Int32Array(pattern.length);
  for (let i = 1, k = 0; i < pattern.length; i += 1) {
    while (k > 0 && pattern[i] !== pattern[k]) k = fail[k - 1];
    if (pattern[i] === pattern[k]) k += 1;
    fail[i] = k;
  }
  for (let i = 0, k = 0; i < text.length; i += 1) {
    while (k > 0 && text[i] !== pattern[k]) k = fail[k - 1];
    if (text[i] === pattern[k]) k += 1;
    if (k === pattern.length) {
      if (visit(i - pattern.length + 1) === false) return;
      k = fail[k - 1];
    }
  }
}

function occurs(body: string, exact: string): boolean {
  let found = false;
  forEachOccurrence(body, exact, () => {
    found = true;
    return false;
  });
  return found;
}

/**
 * Finds where a quote stands in the body. Several occurrences are narrowed by prefix and suffix, then
 * by the position hint; if more than one is still left, the selector is ambiguous. The work is linear in
 * the body and the selector, however often the quote occurs.
 */
export function anchorQuote(body: string, selector: QuoteSelector): AnchorResult {
  const exact = selector.exact;
  if (exact.trim() === '') return { ok: false, reason: 'EMPTY', message: 'the quote is empty' };
  const prefix = selector.prefix || '';
  const suffix = selector.suffix || '';
  const hint = selector.start;
  // An occurrence with the given prefix and suffix is an occurrence of the three together.
  let count = 0;
  let nearest = Number.POSITIVE_INFINITY;
  let nearestCount = 0;
  let chosen = -1;
  forEachOccurrence(body, prefix + exact + suffix, (match) => {
    const at = match + prefix.length;
    count += 1;
    if (count === 1) chosen = at;
    if (hint == null) return;
    const distance = Math.abs(at - hint);
    if (distance < nearest) {
      nearest = distance;
      nearestCount = 1;
      chosen = at;
    } else if (distance === nearest) nearestCount += 1;
  });
  if (count === 0) {
    const given = prefix !== '' || suffix !== '';
    return given && occurs(body, exact)
      ? { ok: false, reason: 'NOT_FOUND', message: `the quote "${abbreviate(exact)}" does not occur with the given prefix/suffix` }
      : { ok: false, reason: 'NOT_FOUND', message: `the quote "${abbreviate(exact)}" does not occur in the article body` };
  }
  const left = count > 1 && hint != null ? nearestCount : count;
  if (left > 1) {
    return {
      ok: false,
      reason: 'AMBIGUOUS',
      message: `the quote "${abbreviate(exact)}" occurs ${left} times; give a prefix or suffix to pick one`,
    };
  }
  return { ok: true, quote: quoteAt(body, chosen, chosen + exact.length) };
}

function abbreviate(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
