import { quoteAt } from '../../src/domain/anchoring';
import { FUZZY_MAX_ERROR_RATE, reanchorQuotes, textChange } from '../../src/domain/reanchoring';

const OLD = 'The council met on Tuesday night in the old town hall. Water rates will rise by 18 percent over two years. The mayor abstained.';
const QUOTE = 'Water rates will rise by 18 percent over two years';
const quote = quoteAt(OLD, OLD.indexOf(QUOTE), OLD.indexOf(QUOTE) + QUOTE.length);
const reanchor = (text: string) => reanchorQuotes(OLD, text, [quote])[0];

describe('reanchorQuotes', () => {
  it('keeps a quote ANCHORED in an unchanged text, and when only text after it changed', () => {
    expect(reanchor(OLD)).toEqual({ status: 'ANCHORED', quote, errors: 0 });
    const later = reanchor(OLD.replace('The mayor abstained.', 'The mayor voted against it.'));
    expect(later).toMatchObject({ status: 'ANCHORED', quote: { start: quote.start, exact: QUOTE } });
  });

  it('keeps it ANCHORED, at its new offset, when an edit far before it shifts it', () => {
    const text = `Updated on Wednesday. ${OLD}`.replace('The council met', 'The city council of Millbrook met');
    const result = reanchor(text);
    expect(result.status).toBe('ANCHORED');
    expect(result.quote!.start).toBe(text.indexOf(QUOTE));
  });

  it('calls it MOVED when a sentence is inserted right before it', () => {
    const text = OLD.replace('hall. Water', 'hall. Six members attended. Water');
    expect(reanchor(text)).toMatchObject({ status: 'MOVED', quote: { start: text.indexOf(QUOTE), exact: QUOTE } });
  });

  it('calls it MOVED when its sentence moved elsewhere, and picks the occurrence nearest its old place', () => {
    const moved = `The mayor abstained. ${QUOTE}. The council met on Tuesday night in the old town hall.`;
    expect(reanchor(moved)).toMatchObject({ status: 'MOVED', quote: { start: moved.indexOf(QUOTE) } });
    const twice = `${QUOTE}. The council met on Tuesday and said more. ${QUOTE}. Yes.`;
    expect(reanchor(twice).quote!.start).toBe(twice.lastIndexOf(QUOTE));
  });

  it('calls a lightly reworded quote FUZZY and anchors the new wording, with its number of edits', () => {
    const text = OLD.replace('will rise by 18 percent', 'are to rise by 18 per cent');
    const result = reanchor(text);
    expect(result.status).toBe('FUZZY');
    expect(text.slice(result.quote!.start, result.quote!.end)).toBe(result.quote!.exact);
    expect(result.quote!.exact).toMatch(/^Water rates are to rise by 18 per cent over two years/);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.errors).toBeLessThanOrEqual(Math.floor(QUOTE.length * FUZZY_MAX_ERROR_RATE));
  });

  it('orphans a quote whose sentence was deleted, or rewritten past the error threshold', () => {
    expect(reanchor(OLD.replace(`${QUOTE}. `, ''))).toEqual({ status: 'ORPHANED', quote: null, errors: 0 });
    expect(reanchor(OLD.replace(QUOTE, 'Bills go up a fifth by 2028, officials said'))).toMatchObject({ status: 'ORPHANED' });
  });
});

describe('textChange', () => {
  it('lists the spans of inserted text in the new text', () => {
    const text = OLD.replace('hall. ', 'hall. Six members attended. ');
    const { inserted } = textChange(OLD, text);
    expect(inserted.map(([s, e]) => text.slice(s, e)).join('')).toContain('Six members attended');
  });
});
