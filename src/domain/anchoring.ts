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

function occurrences(body: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = body.indexOf(exact); at !== -1; at = body.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * Finds where a quote stands in the body. Several occurrences are narrowed by prefix and suffix, then
 * by the position hint; if more than one is still left, the selector is ambiguous.
 */
export function anchorQuote(body: string, selector: QuoteSelector): AnchorResult {
  const exact = selector.exact;
  if (exact.trim() === '') return { ok: false, reason: 'EMPTY', message: 'the quote is empty' };
  let candidates = occurrences(body, exact);
  if (candidates.length === 0) {
    return { ok: false, reason: 'NOT_FOUND', message: `the quote "${abbreviate(exact)}" does not occur in the article body` };
  }
  const { prefix, suffix } = selector;
  if (prefix) candidates = candidates.filter((at) => body.slice(0, at).endsWith(prefix));
  if (suffix) candidates = candidates.filter((at) => body.slice(at + exact.length).startsWith(suffix));
  if (candidates.length === 0) {
    return { ok: false, reason: 'NOT_FOUND', message: `the quote "${abbreviate(exact)}" does not occur with the given prefix/suffix` };
  }
  if (candidates.length > 1 && selector.start != null) {
    const hint = selector.start;
    const nearest = Math.min(...candidates.map((at) => Math.abs(at - hint)));
    candidates = candidates.filter((at) => Math.abs(at - hint) === nearest);
  }
  if (candidates.length > 1) {
    return {
      ok: false,
      reason: 'AMBIGUOUS',
      message: `the quote "${abbreviate(exact)}" occurs ${candidates.length} times; give a prefix or suffix to pick one`,
    };
  }
  return { ok: true, quote: quoteAt(body, candidates[0], candidates[0] + exact.length) };
}

function abbreviate(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
